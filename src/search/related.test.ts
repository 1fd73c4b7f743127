import { beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../content/factories.js';
import { createTag } from '../content/people.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { syncSearchDoc } from './index-sync.js';
import { listRelated, MIN_SCORE, RELATED_KEPT, refreshRelated, scoreCandidates } from './related.js';
import { cosines, TermSpace, tagWeight, timeFactor } from './related-score.js';

const DAY = 86_400_000;
const start = Date.UTC(2026, 2, 2, 9, 0);

const bridge = {
  title: 'Вторият мост над Дунав при Русе ще бъде готов до три години',
  lead: 'Общината и държавата подписаха договор за строителството на новото съоръжение.',
  body:
    '<p>Мостът ще свърже Русе и Гюргево с четири ленти за автомобили и жп линия. Строителството на моста ' +
    'ще струва над един милиард лева, като част от средствата идват от европейски фондове.</p>' +
    '<p>Кметът Иван Колев заяви, че пилоните на моста ще бъдат изградени първи, а движението по стария ' +
    'Дунав мост няма да бъде спирано.</p>',
};
const project = {
  title: 'Колев представи проекта за новия мост при Русе',
  lead: 'Кметът показа как ще изглежда съоръжението над Дунав.',
  body:
    '<p>Новият мост над Дунав ще има четири ленти и жп линия до Гюргево. Кметът Иван Колев обясни, че ' +
    'строителството започва през пролетта, а пилоните ще бъдат първият етап.</p>' +
    '<p>Проектът е финансиран с европейски средства.</p>',
};
const pillars = {
  title: 'Строителите започнаха пилоните на новия Дунав мост',
  lead: 'Първите пилони на моста между Русе и Гюргево вече се издигат над реката.',
  body:
    '<p>Работата по моста при Русе върви по график. Строителите изливат бетон за пилоните всеки ден, а до ' +
    'края на годината ще бъдат готови шест от тях.</p><p>Движението по стария мост не е засегнато.</p>',
};
const derby = {
  title: 'Левски загуби дербито с Лудогорец в Разград',
  lead: 'Домакините вкараха два гола през второто полувреме.',
  body:
    '<p>Лудогорец победи Левски с 2:0 на стадион „Хювефарма“. Головете паднаха в 58-ата и 77-ата минута ' +
    'след грешки в защитата на сините.</p><p>Треньорът на Левски призна, че отборът е играл слабо.</p>',
};
const kindergarten = {
  title: 'Колев откри нова детска градина в квартал „Дружба“',
  lead: 'Сградата ще приеме 120 деца от септември.',
  body: '<p>Детската градина разполага с шест групи, физкултурен салон и двор с площадки за игра.</p>',
};

describe('the arithmetic of related articles', () => {
  const doc = (space: TermSpace, id: number, title: string, body: string) =>
    space.doc(
      { article_id: id, published_at: 0, title_terms: title, lead_terms: '', body_start: body },
      false,
    );

  it('compares term vectors: the same text is 1, no shared term is 0, and a cut term is dropped', () => {
    const space = new TermSpace();
    const docs = [
      doc(space, 1, 'мост русе', 'дунав пилон мост'),
      doc(space, 2, 'мост русе', 'дунав пилон мост'),
      doc(space, 3, 'левск дерб', 'гол минут'),
      doc(space, 4, 'мост гюргев', 'бетон'),
    ];
    const cos = cosines(space, docs);
    expect(cos.get(2)).toBeCloseTo(1, 6);
    expect(cos.get(3)).toBe(0);
    expect(cos.get(4)).toBeGreaterThan(0);
    expect(cos.get(4)).toBeLessThan(1);
    const cut = space.doc(
      { article_id: 5, published_at: 0, title_terms: '', lead_terms: '', body_start: 'мост пил' },
      true,
    );
    expect([...cut.tf.keys()].map((n) => space.terms[n])).toEqual(['мост']);
  });

  it('weighs a specific named tag strongly and a tag on much of the site hardly at all', () => {
    expect(tagWeight('person', 1, 5000)).toBeCloseTo(0.4, 6);
    expect(tagWeight('person', 2, 60)).toBeGreaterThan(MIN_SCORE);
    expect(tagWeight('place', 2, 60)).toBe(tagWeight('person', 2, 60));
    expect(tagWeight('topic', 2, 60)).toBeLessThan(tagWeight('person', 2, 60) / 2);
    // The capital, on a tenth of the site, counts not even a twentieth of what a rare name does.
    expect(tagWeight('place', 1000, 10_000)).toBeLessThan(tagWeight('person', 3, 10_000) / 20);
    expect(tagWeight('place', 20_000, 10_000)).toBe(0);
  });

  it('prefers articles close in time, mildly and in both directions', () => {
    const year = 365 * DAY;
    expect(timeFactor(0, 0)).toBe(1);
    expect(timeFactor(0, year)).toBe(timeFactor(year, 0));
    expect(timeFactor(0, 30 * DAY)).toBeGreaterThan(0.95);
    expect(timeFactor(0, 3 * year)).toBeCloseTo(0.5, 2);
  });
});

describeEachDatabase('related articles', (getDb) => {
  let db: Db;
  let room: Newsroom;
  let mayor: number;
  const id: Record<string, number> = {};

  async function publish(
    key: string,
    text: { title: string; lead: string; body: string },
    day: number,
    tagIds: number[] = [],
    status: 'published' | 'draft' = 'published',
  ) {
    id[key] = await buildArticle(db, {
      categoryId: room.categories.world,
      title: text.title,
      bodyHtml: text.body,
      publishedAt: start + day * DAY,
      tagIds,
      status,
    });
    await db.updateTable('articles').set({ lead: text.lead }).where('id', '=', id[key]).execute();
    await db.transaction().execute((trx) => syncSearchDoc(trx, id[key] as number));
  }

  const rows = (articleId: number | undefined) =>
    db
      .selectFrom('article_related')
      .select(['related_id', 'position', 'score'])
      .where('article_id', '=', articleId as number)
      .orderBy('position')
      .execute();
  const related = async (articleId: number | undefined) => (await rows(articleId)).map((r) => r.related_id);

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, start);
    mayor = await createTag(db, { slug: 'ivan-kolev', name: 'Иван Колев', kind: 'person' }, start);
    await publish('bridge', bridge, 0, [mayor, room.tags.energy]);
    await publish('project', project, 3, [mayor]);
    await publish('derby', derby, 4);
    await publish('pillars', pillars, 5);
    await publish('kindergarten', kindergarten, 6, [mayor]);
    await publish('draft', { ...pillars, title: 'Чернова за моста при Русе' }, 7, [mayor], 'draft');
  });

  it('lists the articles on the same story, best first, and leaves out unrelated ones and drafts', async () => {
    const list = await rows(id.bridge);
    const ids = list.map((r) => r.related_id);
    // Same story and the same person: first. Same story without tags: found through the text.
    expect(ids[0]).toBe(id.project);
    expect(ids).toContain(id.pillars);
    // Another story, but the same named person: a strong enough sign alone.
    expect(ids).toContain(id.kindergarten);
    expect(ids).not.toContain(id.derby);
    expect(ids).not.toContain(id.draft);
    expect(ids).not.toContain(id.bridge);
    expect(list.map((r) => r.position)).toEqual(list.map((_, i) => i));
    for (const [i, r] of list.entries()) {
      expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE);
      if (i > 0) expect(r.score).toBeLessThanOrEqual(list[i - 1]?.score as number);
    }
    expect(await related(id.derby)).toEqual([]);
  });

  it('puts a newly published article into the lists of the older ones it relates to', async () => {
    // The bridge story went out first; the others reached its list when they were published.
    expect(await related(id.pillars)).toContain(id.bridge);
    expect(await related(id.project)).toContain(id.bridge);
    expect(await related(id.bridge)).toContain(id.pillars);
  });

  it('prefers, among equally similar articles, the one nearer in time', async () => {
    // The same text again, three years on.
    await publish('pillarsLater', pillars, 3 * 365);
    const scored = (await scoreCandidates(db, id.bridge as number)) ?? [];
    const score = (key: string) => scored.find((s) => s.id === id[key])?.score ?? 0;
    expect(score('pillarsLater')).toBeGreaterThan(0);
    expect(score('pillars')).toBeGreaterThan(score('pillarsLater'));
  });

  it('builds safe full-text queries from words that look like query syntax', async () => {
    const odd = (n: number) => ({
      title: `„OR“ NEAR AND: О’Нийл и "кавички" ${n} — тест за 2026 * ^ :`,
      lead: 'Думите OR, NEAR и AND са само думи; О’Нийл пише "OR" с кавички.',
      body: `<p>Бележка ${n}: NEAR(OR AND) 'OR' \\ col:term О’Нийл.</p>`,
    });
    await publish('odd1', odd(1), 10);
    await publish('odd2', odd(2), 11);
    expect(await related(id.odd2)).toContain(id.odd1);
    expect(await related(id.odd1)).toContain(id.odd2);
  });

  it('takes an article out of the others’ lists when an edit changes its story', async () => {
    await db
      .updateTable('articles')
      .set({
        title: 'Рецепта за баница с тиква и орехи',
        lead: 'Тиквата се настъргва, а орехите се запичат предварително.',
        body_html: '<p>Кори, тиква, захар, канела и орехи се редят на пластове в тавата.</p>',
      })
      .where('id', '=', id.pillars as number)
      .execute();
    await db.transaction().execute((trx) => syncSearchDoc(trx, id.pillars as number));
    expect(await related(id.bridge)).not.toContain(id.pillars);
    expect(await related(id.project)).not.toContain(id.pillars);
    expect(await related(id.pillars)).toEqual([]);
  });

  it('shows only articles still on the site, and forgets unpublished ones at the next refresh', async () => {
    const later = start + 30 * DAY;
    const shownOn = async (articleId: number | undefined) =>
      (await listRelated(db, later, { id: articleId as number, tagIds: [] }, 5)).items.map((a) => a.id);
    expect(await shownOn(id.bridge)).toContain(id.project);
    await db
      .updateTable('articles')
      .set({ status: 'unpublished' })
      .where('id', '=', id.project as number)
      .execute();
    await db.transaction().execute((trx) => syncSearchDoc(trx, id.project as number));
    expect(await related(id.project)).toEqual([]);
    const shown = await shownOn(id.bridge);
    expect(shown).not.toContain(id.project);
    expect(shown).toContain(id.kindergarten);
    await db.transaction().execute((trx) => refreshRelated(trx, id.bridge as number));
    expect(await related(id.bridge)).not.toContain(id.project);
    expect((await related(id.bridge)).length).toBeLessThanOrEqual(RELATED_KEPT);
  });

  it('falls back to shared tags for an article that was never indexed, and only then', async () => {
    const plain = await buildArticle(db, {
      categoryId: room.categories.world,
      publishedAt: start,
      tagIds: [mayor],
    });
    const fallback = await listRelated(db, start + 30 * DAY, { id: plain, tagIds: [mayor] }, 5);
    expect(fallback.computed).toBe(false);
    expect(fallback.items.map((a) => a.id)).toContain(id.kindergarten);
    // The derby has a list, computed and empty: no fallback for it.
    expect(await listRelated(db, start + 30 * DAY, { id: id.derby as number, tagIds: [] }, 5)).toEqual({
      items: [],
      computed: true,
    });
  });
});
