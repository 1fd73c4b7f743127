// The relevance suite: queries a reader would type, over the demo newsroom, with the article(s)
// that must come first. Each query uses a form of the words other than the one in the headline
// where Bulgarian allows it, so the stemmer is tested as much as the ranking. Both databases must
// return the very same list.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { loadDemo } from '../demo/load.js';
import { LocalCacheBus } from '../infra/cache-bus.js';
import { ManualClock } from '../infra/clock.js';
import { parseQuery } from './query.js';
import { searchWithFallback } from './search.js';

/** [query, the headline(s) expected on top, by their opening words]. */
const CASES: Array<[string, string[]]> = [
  ['метроучастъка', ['Столична община представи трасето']],
  // The short article of a masculine noun: the stemmer cuts парламента and парламентът differently.
  ['парламента', ['Парламентът прие на първо четене']],
  ['министъра Кандев', ['Ремонтът на пътя между Смолян и Кърджали']],
  ['мост на Дунав', ['Европейската комисия предлага общ фонд']],
  ['кабела под Дунав', ['Нов кабел под Дунав']],
  ['кибератаки', ['Кибератака срещу куриерската фирма']],
  ['дербито', ['„Искър“ и „Марица“ завършиха 2:2']],
  ['"Лиляна Дойчинова"', ['Лиляна Дойчинова ще постави', 'Лиляна Дойчинова превръща']],
  ['"жълт код"', ['Жълт код за силен вятър']],
  ['оранжевия код', ['Оранжев код за обилни валежи']],
  ['програмирането', ['Ученици в 120 училища']],
  ['храни поскъпват', ['НСИ: Храните поскъпват']],
  ['круизен кораб', ['Русе очаква рекорден брой круизни кораби']],
  ['тротинетка', ['Парламентът прие на първо четене']],
  ['Антарктида', ['Български учени заминават за Антарктида']],
  ['пластмаса', ['Дунавските държави подписаха']],
  ['жилищен кредит', ['БНБ: Жилищните кредити растат']],
  ['Лингвамат', ['Софийският стартъп „Лингвамат“']],
  ['телефонна измама', ['Банки и мобилни оператори']],
  ['тракийското светилище', ['Археолози откриха тракийско светилище']],
  // Light stemming keeps панели (→ панял) apart from панел: the fallback to any word still finds it.
  ['снега', ['Сняг в планините']],
  ['хеликоптерни площадки', ['Пловдив ще има спешен център']],
  ['"Морската градина"', ['Варна обновява алеите']],
  ['пещерата', ['Спелеолози откриха нова зала']],
  ['железница', ['Три държави се договориха']],
  ['пчелар', ['Европейските министри на земеделието']],
  ['зърното', ['Износът на зърно']],
  ['полумаратона', ['Над 4000 бегачи']],
  ['дузпа', ['„Искър“ спечели купата след дузпи']],
  ['електрически автобус', ['Бургас пуска 46 електрически автобуса']],
  ['дърво', ['Хиляди софиянци засадиха']],
  ['соларен панел', ['Бургас слага соларни панели']],
  ['птица', ['Студенти създадоха приложение']],
  ['"Дон Кихот"', ['Лиляна Дойчинова ще постави']],
  ['рибар', ['Нова книга събира спомените']],
  ['метеорологична станция', ['Над 150 училища ще имат']],
  [
    'държавите',
    [
      'Черноморските държави създават',
      'Три държави се договориха',
      'Учени от шест черноморски държави',
      'Дунавските държави подписаха',
    ],
  ],
  [
    '"изкуствен интелект"',
    ['Варна тества изкуствен интелект', 'Софийският стартъп „Лингвамат“', 'Ученици в 120 училища'],
  ],
];

const results = new Map<string, Map<string, string[]>>();

describeEachDatabase('relevance over the demo content', (getDb) => {
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 10, 0));
  const titles = new Map<number, string>();
  const seen = new Map<string, string[]>();

  beforeAll(async () => {
    const db = getDb().db;
    const dataDir = mkdtempSync(join(tmpdir(), 'vestnik-relevance-'));
    await loadDemo(
      { db, clock, bus: new LocalCacheBus(), config: { timeZone: 'Europe/Sofia', dataDir, locale: 'bg' } },
      { reset: false },
    );
    for (const a of await db.selectFrom('articles').select(['id', 'title']).execute())
      titles.set(a.id, a.title);
    results.set(getDb().caps.dialect, seen);
  });

  it.each(CASES)('%s', async (q, expected) => {
    const page = await searchWithFallback(getDb().db, {
      query: parseQuery(q),
      filters: {},
      sort: 'relevance',
      offset: 0,
      limit: 10,
    });
    const found = page.hits.map((h) => titles.get(h.articleId) ?? '');
    seen.set(q, found);
    const top = found.slice(0, expected.length);
    expect(top.length, `too few results: ${found.join(' | ')}`).toBe(expected.length);
    // Several expected articles are equally good; they must fill the top in any order.
    for (const start of expected)
      expect(
        top.some((title) => title.startsWith(start)),
        `${start} in ${top.join(' | ')}`,
      ).toBe(true);
  });

  it('gives the same lists as the other database', () => {
    const other = [...results].find(([dialect]) => dialect !== getDb().caps.dialect)?.[1];
    if (!other) return; // the first database to run has nothing to compare with yet
    for (const [q] of CASES) expect(seen.get(q), q).toEqual(other.get(q));
  });
});
