import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { hashToken } from '../../accounts/sessions.js';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import type { Db } from '../../db/index.js';
import { getOrCreateSecret } from '../../db/settings.js';
import { describeEachDatabase } from '../../db/testing.js';
import { FormTokens } from '../form-tokens.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const HOME = '/admin/home';
const MIN = 60_000;

describeEachDatabase('curating the home page in the back office', (getDb) => {
  // 12:00 in Sofia.
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let db: Db;
  let editor: TestUser;
  const ids = { budget: 0, storm: 0, draft: 0 };

  beforeAll(async () => {
    db = getDb().db;
    const room = await buildNewsroom(db, now);
    const world = room.categories.world;
    ids.budget = await buildArticle(db, {
      categoryId: world,
      title: 'Парламентът прие бюджета',
      publishedAt: now - 2 * MIN,
    });
    ids.storm = await buildArticle(db, {
      categoryId: world,
      title: 'Буря над Варна',
      publishedAt: now - MIN,
    });
    ids.draft = await buildArticle(db, {
      categoryId: world,
      title: 'Чернова за бюджета',
      publishedAt: now,
      status: 'draft',
    });
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    editor = await signIn(site, 'editor', 'Елена Редакторова');
  });
  afterAll(async () => site.close());

  const token = async (cookie = editor.cookie) => tokenOf((await get(site, HOME, cookie)).body);
  const slots = () =>
    db.selectFrom('home_slots').select(['slot', 'article_id', 'until']).orderBy('slot').execute();

  it('lets editors and admins in, refuses every other role, sends strangers to sign in', async () => {
    const admin = await signIn(site, 'admin', 'Анна Админова');
    for (const user of [editor, admin]) {
      const res = await get(site, HOME, user.cookie);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    for (const role of ['reader', 'contributor', 'author', 'moderator'] as const) {
      const user = await signIn(site, role, `Служител ${role}`);
      expect((await get(site, HOME, user.cookie)).statusCode, role).toBe(403);
      const own = tokenOf((await get(site, '/profil', user.cookie)).body);
      for (const [url, fields] of [
        [`${HOME}/slot`, { slot: '0', article_id: String(ids.budget) }],
        [`${HOME}/clear`, { slot: '0' }],
        [`${HOME}/banner`, { text: 'Опит', level: 'info' }],
        [`${HOME}/banner/remove`, {}],
      ] as const)
        expect(
          (await post(site, url, { _csrf: own, ...fields }, user.cookie)).statusCode,
          `${role} ${url}`,
        ).toBe(403);
    }
    const away = await get(site, `${HOME}?slot=2`);
    expect(away.statusCode).toBe(303);
    expect(away.headers.location).toBe(`/profil/vhod?next=${encodeURIComponent(`${HOME}?slot=2`)}`);
    expect(await slots()).toEqual([]);
    expect(site.services.banner.get()).toBeNull();
  });

  it('lists the slots and finds articles by title in any case', async () => {
    const page = (await get(site, HOME, editor.cookie)).body;
    expect(page).toContain('<th scope="row">Водеща</th>');
    expect(page).toContain('<th scope="row">Позиция 6</th>');
    expect(page).toContain('Празна: показва се най-новото');
    // Without a search: the latest published, no drafts.
    expect(page).toContain('aria-label="Направи водеща „Буря над Варна“"');
    expect(page).not.toContain('Чернова за бюджета');
    const found = (await get(site, `${HOME}?slot=2&q=${encodeURIComponent('БЮДЖЕТ')}`, editor.cookie)).body;
    expect(found).toContain(`name="article_id" value="${ids.budget}"`);
    expect(found).not.toContain(`name="article_id" value="${ids.storm}"`);
    expect(found).toContain('>Постави на позиция 2</button>');
    expect(found).toContain('<input type="hidden" name="slot" value="2"/>');
    const none = (await get(site, `${HOME}?q=${encodeURIComponent('няма-такова')}`, editor.cookie)).body;
    expect(none).toContain('Няма публикувани или насрочени статии с такова заглавие.');
  });

  it('puts an article in a slot until a time, shows who did it, and clears it', async () => {
    const res = await post(
      site,
      `${HOME}/slot`,
      {
        _csrf: await token(),
        slot: '1',
        article_id: String(ids.budget),
        q: '',
        until_date: '2026-11-25',
        until_time: '18:30',
      },
      editor.cookie,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${HOME}?done=slot`);
    expect(await slots()).toEqual([
      { slot: 1, article_id: ids.budget, until: Date.UTC(2026, 10, 25, 16, 30) },
    ]);
    const page = (await get(site, res.headers.location as string, editor.cookie)).body;
    expect(page).toContain('Позицията е запазена.');
    expect(page).toMatch(
      /data-slot="1" class="slot-active">[\s\S]*?Парламентът прие бюджета[\s\S]*?На страницата[\s\S]*?25 ноември 2026 г., 18:30[\s\S]*?Елена Редакторова, 25 ноември 2026 г., 12:00/,
    );

    // A time alone means today.
    await post(
      site,
      `${HOME}/slot`,
      { _csrf: await token(), slot: '0', article_id: String(ids.storm), until_time: '23:00' },
      editor.cookie,
    );
    expect((await slots())[0]).toEqual({
      slot: 0,
      article_id: ids.storm,
      until: Date.UTC(2026, 10, 25, 21, 0),
    });

    const cleared = await post(site, `${HOME}/clear`, { _csrf: await token(), slot: '0' }, editor.cookie);
    expect(cleared.headers.location).toBe(`${HOME}?done=cleared`);
    expect((await slots()).map((s) => s.slot)).toEqual([1]);
    expect((await get(site, cleared.headers.location as string, editor.cookie)).body).toContain(
      'Позицията е изчистена.',
    );
  });

  it('answers wrong input with a 400 that says what is wrong, and changes nothing', async () => {
    const before = await slots();
    const t = await token();
    const cases: [Record<string, string | string[]>, string][] = [
      [
        { slot: '2', article_id: String(ids.storm), until_date: '2026-11-25', until_time: '11:59' },
        'Срокът трябва да е в бъдещето.',
      ],
      [{ slot: '2', article_id: '987654', until_date: '', until_time: '' }, 'Няма статия с такъв номер.'],
      [{ slot: '2', article_id: String(ids.draft) }, 'може да стои само публикувана или насрочена статия'],
      [
        { slot: '2', article_id: String(ids.storm), until_date: '2026-02-30', until_time: '10:00' },
        'Датата трябва да е истинска дата',
      ],
      [
        { slot: '2', article_id: String(ids.storm), until_date: '2026-12-01', until_time: '25:00' },
        'Часът трябва да е във вида ЧЧ:ММ.',
      ],
      [{ slot: '2', article_id: String(ids.storm), until_date: '2026-12-01' }, 'Посочете и час.'],
      [{ slot: '9', article_id: String(ids.storm) }, 'Позицията трябва да е число от 0 до 6.'],
      [{ slot: 'водеща', article_id: String(ids.storm) }, 'Позицията трябва да е число от 0 до 6.'],
      [{ slot: '2', article_id: 'abc' }, 'Номерът на статията трябва да е цяло положително число.'],
      [{ slot: ['1', '2'], article_id: String(ids.storm) }, 'Невалиден параметър „slot“'],
    ];
    for (const [fields, text] of cases) {
      const res = await post(site, `${HOME}/slot`, { _csrf: t, ...fields }, editor.cookie);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body, JSON.stringify(fields)).toContain(text);
    }
    // The until fields keep what was typed.
    const kept = await post(
      site,
      `${HOME}/slot`,
      { _csrf: t, slot: '3', article_id: String(ids.storm), until_date: '2026-11-25', until_time: '09:15' },
      editor.cookie,
    );
    expect(kept.body).toContain('value="09:15"');
    expect(kept.body).toContain('<input type="hidden" name="slot" value="3"/>');
    expect((await post(site, `${HOME}/clear`, { _csrf: t, slot: '-1' }, editor.cookie)).statusCode).toBe(400);
    for (const url of [`${HOME}?slot=7`, `${HOME}?done=explode`, `${HOME}?q=${'я'.repeat(201)}`])
      expect((await get(site, url, editor.cookie)).statusCode, url).toBe(400);
    expect(await slots()).toEqual(before);
  });

  it('sets the banner, refuses a bad one with the reason, and removes it', async () => {
    const fields = {
      text: 'Оранжев код за поледици',
      link: 'https://meteo.example.bg/',
      level: 'orange',
      expires_date: '2026-11-26',
      expires_time: '08:00',
    };
    const saved = await post(site, `${HOME}/banner`, { _csrf: await token(), ...fields }, editor.cookie);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${HOME}?done=banner#banner`);
    expect(site.services.banner.get()).toEqual({
      text: 'Оранжев код за поледици',
      link: 'https://meteo.example.bg/',
      level: 'orange',
      expiresAt: Date.UTC(2026, 10, 26, 6, 0),
    });
    const page = (await get(site, `${HOME}?done=banner`, editor.cookie)).body;
    expect(page).toContain('Банерът е запазен и вече се показва.');
    expect(page).toContain('Сега се показва:');
    expect(page).toMatch(/id="banner-level-orange" name="level" value="orange" checked/);
    expect(page).toContain('value="2026-11-26"');

    const t = await token();
    const bad: [Record<string, string>, string][] = [
      [{ level: 'purple' }, 'Изберете вид от списъка.'],
      [{ link: 'javascript:alert(1)' }, 'Връзката трябва да е адрес в сайта'],
      [{ link: '//evil.example/' }, 'Връзката трябва да е адрес в сайта'],
      [{ text: '' }, 'Напишете текст на банера.'],
      [{ text: 'я'.repeat(161) }, 'Текстът може да е най-много 160 знака.'],
      [{ expires_date: '2026-11-25', expires_time: '11:00' }, 'Краят трябва да е в бъдещето.'],
      [{ expires_date: 'утре', expires_time: '11:00' }, 'Датата трябва да е истинска дата'],
    ];
    for (const [change, text] of bad) {
      const res = await post(
        site,
        `${HOME}/banner`,
        { _csrf: t, ...fields, text: 'Нов текст', ...change },
        editor.cookie,
      );
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.body, JSON.stringify(change)).toContain(text);
      expect(res.body).toContain('Нищо не е запазено.');
    }
    expect(site.services.banner.get()?.text).toBe('Оранжев код за поледици');

    const removed = await post(site, `${HOME}/banner/remove`, { _csrf: t }, editor.cookie);
    expect(removed.statusCode).toBe(303);
    expect(site.services.banner.get()).toBeNull();
    expect((await get(site, `${HOME}?done=banner-removed`, editor.cookie)).body).toContain(
      'В момента няма банер.',
    );
  });

  it('checks the form token of every form', async () => {
    await site.services.curation.set(4, ids.storm, null, null, now);
    const before = await slots();
    const forms: [string, Record<string, string>][] = [
      [`${HOME}/slot`, { slot: '5', article_id: String(ids.budget) }],
      [`${HOME}/clear`, { slot: '4' }],
      [`${HOME}/banner`, { text: 'Без ключ', level: 'info' }],
      [`${HOME}/banner/remove`, {}],
    ];
    const t = await token();
    for (const [url, fields] of forms) {
      expect((await post(site, url, fields, editor.cookie)).statusCode, url).toBe(403);
      expect((await post(site, url, { ...fields, _csrf: 'forged' }, editor.cookie)).statusCode, url).toBe(
        403,
      );
      const crossSite = await post(site, url, { ...fields, _csrf: t }, editor.cookie, {
        origin: 'https://evil.example',
      });
      expect(crossSite.statusCode, url).toBe(403);
    }
    // A day-old form: refused, with what was typed kept.
    const secret = await getOrCreateSecret(db, 'form_token_secret');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * 86_400_000);
    const old = new FormTokens(secret).create(`session:${hashToken(editor.cookie.split('=')[1] ?? '')}`);
    vi.useRealTimers();
    for (const [url, fields] of forms) {
      const res = await post(site, url, { ...fields, _csrf: old }, editor.cookie);
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).toContain('Формата е остаряла');
    }
    const typed = await post(
      site,
      `${HOME}/banner`,
      { text: 'Остарял текст', level: 'red', _csrf: old },
      editor.cookie,
    );
    expect(typed.body).toContain('value="Остарял текст"');
    expect(await slots()).toEqual(before);
    expect(site.services.banner.get()).toBeNull();
  });
});
