import type { Insertable } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentTable } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { react } from './reactions.js';

describeEachDatabase('react', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let articleId: number;
  let author: number;
  let seq = 0;

  beforeAll(async () => {
    db = getDb().db;
    const { categories } = await buildNewsroom(db, now);
    articleId = await buildArticle(db, { categoryId: categories.world, publishedAt: now - 86_400_000 });
    author = await addUser();
  });

  async function addUser(): Promise<number> {
    seq++;
    const row = await db
      .insertInto('users')
      .values({
        email: `react${seq}@example.bg`,
        display_name: `Читател ${seq}`,
        password_hash: 'x',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function add(extra: Partial<Insertable<CommentTable>> = {}): Promise<number> {
    seq++;
    const row = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        author_name: 'Автор',
        body: 'Мнение',
        status: 'approved',
        created_at: now - 60_000,
        submission_key: `react-${seq}`,
        visitor_hash: 'v',
        user_id: author,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The counters must always equal a count of the reaction rows. */
  async function expectExact(commentId: number) {
    const c = await db
      .selectFrom('comments')
      .select(['likes', 'dislikes'])
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('comment_reactions')
      .select('value')
      .where('comment_id', '=', commentId)
      .execute();
    const likes = rows.filter((r) => r.value === 1).length;
    const dislikes = rows.filter((r) => r.value === -1).length;
    expect({ likes: Number(c.likes), dislikes: Number(c.dislikes) }).toEqual({ likes, dislikes });
    return { likes, dislikes };
  }

  it('adds, switches and takes back a reaction', async () => {
    const id = await add();
    const reader = await addUser();
    const at = (value: 1 | -1) => react(db, { commentId: id, userId: reader, value, now });
    expect(await at(1)).toEqual({ ok: true, likes: 1, dislikes: 0, myReaction: 1 });
    expect(await at(-1)).toEqual({ ok: true, likes: 0, dislikes: 1, myReaction: -1 });
    expect(await at(-1)).toEqual({ ok: true, likes: 0, dislikes: 0, myReaction: 0 });
    expect(await at(1)).toEqual({ ok: true, likes: 1, dislikes: 0, myReaction: 1 });
    expect(await expectExact(id)).toEqual({ likes: 1, dislikes: 0 });
  });

  it('counts many readers, one reaction each', async () => {
    const id = await add();
    const readers = [await addUser(), await addUser(), await addUser()];
    await react(db, { commentId: id, userId: readers[0]!, value: 1, now });
    await react(db, { commentId: id, userId: readers[1]!, value: 1, now });
    const last = await react(db, { commentId: id, userId: readers[2]!, value: -1, now });
    expect(last).toEqual({ ok: true, likes: 2, dislikes: 1, myReaction: -1 });
    await expectExact(id);
  });

  it('refuses one’s own comment and comments readers cannot see', async () => {
    const own = await add();
    expect(await react(db, { commentId: own, userId: author, value: 1, now })).toEqual({
      ok: false,
      reason: 'own-comment',
    });
    const reader = await addUser();
    for (const status of ['pending', 'rejected', 'deleted'] as const) {
      const hidden = await add({ status });
      expect(await react(db, { commentId: hidden, userId: reader, value: 1, now })).toEqual({
        ok: false,
        reason: 'not-found',
      });
      await expectExact(hidden);
    }
    expect(await react(db, { commentId: 999_999, userId: reader, value: -1, now })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const guestComment = await add({ user_id: null });
    expect(await react(db, { commentId: guestComment, userId: reader, value: 1, now })).toMatchObject({
      ok: true,
      likes: 1,
    });
  });

  it('counts readers reacting at the same moment', async () => {
    const id = await add();
    const readers = await Promise.all(Array.from({ length: 6 }, () => addUser()));
    const results = await Promise.all(
      readers.map((userId, i) => react(db, { commentId: id, userId, value: i % 3 === 0 ? -1 : 1, now })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await expectExact(id)).toEqual({ likes: 4, dislikes: 2 });
  });

  it('a double click at the same moment changes the reaction twice, never the counters wrongly', async () => {
    const id = await add();
    const reader = await addUser();
    await Promise.all([
      react(db, { commentId: id, userId: reader, value: 1, now }),
      react(db, { commentId: id, userId: reader, value: 1, now }),
    ]);
    // Two clicks on 👍 are a like and its withdrawal.
    expect(await expectExact(id)).toEqual({ likes: 0, dislikes: 0 });
  });
});
