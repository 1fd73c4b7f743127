import { beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { caseFreePattern, HomeCuration } from './curation.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('caseFreePattern', () => {
  it('makes a class of both cases of every cased letter and escapes the rest', () => {
    expect(caseFreePattern('Жълт', 'sqlite')).toBe('*[жЖ][ъЪ][лЛ][тТ]*');
    expect(caseFreePattern('a*1?[', 'sqlite')).toBe('*[aA][*]1[?][[]*');
    expect(caseFreePattern('5.3% (С', 'postgres')).toBe('5\\.3% \\([сС]');
  });
});

describeEachDatabase('home-page curation', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let curation: HomeCuration;
  const ids = { old: 0, fresh: 0, draft: 0, scheduled: 0, budget: 0 };
  let editor = 0;

  beforeAll(async () => {
    const handle = getDb();
    db = handle.db;
    curation = new HomeCuration(db, handle.caps.dialect);
    const room = await buildNewsroom(db, now);
    const world = room.categories.world;
    ids.old = await buildArticle(db, {
      categoryId: world,
      title: 'Стара новина',
      publishedAt: now - 5 * HOUR,
    });
    ids.fresh = await buildArticle(db, { categoryId: world, title: 'Нова новина', publishedAt: now - HOUR });
    ids.budget = await buildArticle(db, {
      categoryId: world,
      title: 'Парламентът прие БЮДЖЕТА за 2027 г. [окончателно] с 5.3% дефицит',
      publishedAt: now - 2 * HOUR,
    });
    ids.draft = await buildArticle(db, {
      categoryId: world,
      title: 'Чернова за бюджета',
      publishedAt: now - 3 * HOUR,
      status: 'draft',
    });
    ids.scheduled = await buildArticle(db, {
      categoryId: world,
      title: 'Насрочен анализ на бюджета',
      publishedAt: now - 3 * HOUR,
      status: 'draft',
    });
    await db
      .updateTable('articles')
      .set({ status: 'scheduled', scheduled_at: now + 2 * HOUR, published_at: null })
      .where('id', '=', ids.scheduled)
      .execute();
    const user = await db
      .insertInto('users')
      .values({
        email: 'redaktor@example.bg',
        display_name: 'Елена Редакторова',
        password_hash: 'x',
        role: 'editor',
        email_verified_at: now,
        created_at: now,
        updated_at: now,
        suspended_until: null,
        banned_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    editor = user.id;
  });

  const slotRows = () => db.selectFrom('home_slots').selectAll().orderBy('slot').execute();

  it('refuses bad slots, unknown and unpublishable articles and past ends, writing nothing', async () => {
    expect(await curation.set(-1, ids.old, null, editor, now)).toEqual({ ok: false, error: 'bad-slot' });
    expect(await curation.set(7, ids.old, null, editor, now)).toEqual({ ok: false, error: 'bad-slot' });
    expect(await curation.set(1.5, ids.old, null, editor, now)).toEqual({ ok: false, error: 'bad-slot' });
    expect(await curation.set(0, 999_999, null, editor, now)).toEqual({ ok: false, error: 'no-article' });
    expect(await curation.set(0, ids.draft, null, editor, now)).toEqual({
      ok: false,
      error: 'not-publishable',
    });
    expect(await curation.set(0, ids.old, now, editor, now)).toEqual({ ok: false, error: 'until-past' });
    expect(await curation.set(0, ids.old, now - MIN, editor, now)).toEqual({
      ok: false,
      error: 'until-past',
    });
    expect(await slotRows()).toEqual([]);
    expect(await curation.active(now)).toEqual([]);
  });

  it('shows a slot until its end, then no more; a scheduled article waits for publication', async () => {
    expect(await curation.set(0, ids.old, now + HOUR, editor, now)).toEqual({ ok: true });
    expect(await curation.set(2, ids.scheduled, null, editor, now)).toEqual({ ok: true });
    expect(await curation.set(1, ids.budget, null, null, now)).toEqual({ ok: true });
    expect(await curation.active(now)).toEqual([
      { slot: 0, articleId: ids.old },
      { slot: 1, articleId: ids.budget },
    ]);
    const listed = await curation.list(now);
    expect(listed.map((s) => [s.slot, s.state, s.setBy])).toEqual([
      [0, 'active', 'Елена Редакторова'],
      [1, 'active', null],
      [2, 'waiting', 'Елена Редакторова'],
    ]);
    expect(listed[0]).toMatchObject({
      title: 'Стара новина',
      until: now + HOUR,
      setAt: now,
      status: 'published',
    });

    // An hour on the lead has ended: it is listed as expired and no longer active.
    const later = now + HOUR;
    expect((await curation.active(later)).map((s) => s.slot)).toEqual([1]);
    expect((await curation.list(later))[0]?.state).toBe('expired');

    // The scheduler publishes the scheduled one: it takes its slot.
    await db
      .updateTable('articles')
      .set({ status: 'published', published_at: now + 2 * HOUR })
      .where('id', '=', ids.scheduled)
      .execute();
    expect((await curation.active(now + 2 * HOUR)).map((s) => s.slot)).toEqual([1, 2]);
    // Unpublished later: the slot stays, marked, and is not shown.
    await db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', ids.budget).execute();
    expect((await curation.active(now + 2 * HOUR)).map((s) => s.slot)).toEqual([2]);
    expect((await curation.list(now + 2 * HOUR)).find((s) => s.slot === 1)?.state).toBe('unavailable');
    await db.updateTable('articles').set({ status: 'published' }).where('id', '=', ids.budget).execute();
    await db
      .updateTable('articles')
      .set({ status: 'scheduled', published_at: null })
      .where('id', '=', ids.scheduled)
      .execute();
  });

  it('moves an article placed again, so it never stands in two slots', async () => {
    expect(await curation.set(3, ids.budget, null, editor, now)).toEqual({ ok: true });
    const rows = await slotRows();
    expect(rows.map((r) => [r.slot, r.article_id])).toEqual([
      [0, ids.old],
      [2, ids.scheduled],
      [3, ids.budget],
    ]);
    // Replacing what a slot holds.
    expect(await curation.set(3, ids.fresh, null, editor, now)).toEqual({ ok: true });
    expect((await slotRows()).find((r) => r.slot === 3)?.article_id).toBe(ids.fresh);
  });

  it('clears a slot', async () => {
    expect(await curation.clear(3)).toBe(true);
    expect(await curation.clear(3)).toBe(false);
    expect(await curation.clear(42)).toBe(false);
    expect((await slotRows()).map((r) => r.slot)).toEqual([0, 2]);
  });

  it('knows when the home page changes next', async () => {
    await db.deleteFrom('home_slots').execute();
    expect(await curation.nextChange(now)).toBeNull();
    await curation.set(0, ids.old, now + 3 * HOUR, editor, now);
    await curation.set(1, ids.fresh, now + HOUR, editor, now);
    await curation.set(2, ids.budget, null, editor, now);
    expect(await curation.nextChange(now)).toBe(now + HOUR);
    expect(await curation.nextChange(now + HOUR)).toBe(now + 3 * HOUR);
    expect(await curation.nextChange(now + 3 * HOUR)).toBeNull();
  });

  it('finds published and scheduled articles by title in any case, newest first', async () => {
    const titles = async (term: string) => (await curation.search(term)).map((a) => a.title);
    expect(await titles('бюджет')).toEqual([
      'Насрочен анализ на бюджета',
      'Парламентът прие БЮДЖЕТА за 2027 г. [окончателно] с 5.3% дефицит',
    ]);
    expect(await titles('ПАРЛАМЕНТЪТ')).toHaveLength(1);
    expect(await titles('[окончателно]')).toHaveLength(1);
    expect(await titles('5.3%')).toHaveLength(1);
    expect(await titles('5x3')).toEqual([]);
    expect(await titles('чернова')).toEqual([]);
    const all = await curation.search('  ');
    expect(all.map((a) => a.id)).toEqual([ids.scheduled, ids.fresh, ids.budget, ids.old]);
    expect(all[0]).toMatchObject({ status: 'scheduled', at: now + 2 * HOUR });
    expect(all[1]).toMatchObject({ status: 'published', at: now - HOUR });
  });
});
