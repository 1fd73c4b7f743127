import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { listLog, logModeration, logModerationMany, type ModerationEntry } from './log.js';

describeEachDatabase('moderation log', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let moderator: number;
  let reader: number;
  let commentId: number;

  beforeAll(async () => {
    db = getDb().db;
    const { categories } = await buildNewsroom(db, now);
    const articleId = await buildArticle(db, { categoryId: categories.world, publishedAt: now - 86_400_000 });
    const user = (email: string, display_name: string, role: 'reader' | 'moderator') =>
      db
        .insertInto('users')
        .values({ email, display_name, role, password_hash: 'x', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
    moderator = (await user('mod@example.bg', 'Модератор Мария', 'moderator')).id;
    reader = (await user('reader@example.bg', 'Читател', 'reader')).id;
    commentId = (
      await db
        .insertInto('comments')
        .values({
          article_id: articleId,
          parent_id: null,
          author_name: 'Читател',
          body: 'Текст',
          status: 'pending',
          created_at: now,
          submission_key: 'log-1',
          visitor_hash: 'v',
          user_id: reader,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('writes entries inside the caller’s transaction and lists them newest first', async () => {
    const actor = { id: moderator, name: 'Модератор Мария' };
    await db.transaction().execute(async (trx) => {
      await logModeration(trx, {
        actor,
        action: 'approve',
        commentId,
        userId: reader,
        detail: 'pending → approved',
        now,
      });
      await logModeration(trx, { actor, action: 'suspend', userId: reader, now: now + 1 });
    });
    // A transaction that fails leaves no entry behind.
    await expect(
      db.transaction().execute(async (trx) => {
        await logModeration(trx, { actor, action: 'ban', userId: reader, now: now + 2 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await logModeration(db, {
      actor: { id: null, name: 'система' },
      action: 'settings',
      detail: 'maxLinks 2 → 3',
      now: now + 3,
    });

    const all = await listLog(db, { page: 1 });
    expect(all.total).toBe(3);
    expect(all.entries.map((e) => e.action)).toEqual(['settings', 'suspend', 'approve']);
    expect(all.entries[2]).toEqual({
      id: expect.any(Number),
      actorId: moderator,
      actorName: 'Модератор Мария',
      action: 'approve',
      commentId,
      userId: reader,
      detail: 'pending → approved',
      createdAt: now,
    });
    expect(all.entries[0]).toMatchObject({
      actorId: null,
      commentId: null,
      userId: null,
      detail: 'maxLinks 2 → 3',
    });

    expect((await listLog(db, { page: 1, userId: reader })).entries.map((e) => e.action)).toEqual([
      'suspend',
      'approve',
    ]);
    expect((await listLog(db, { page: 1, commentId })).entries.map((e) => e.action)).toEqual(['approve']);
  });

  it('pages in bulk entries', async () => {
    const actor = { id: moderator, name: 'Модератор Мария' };
    const entries: ModerationEntry[] = Array.from({ length: 130 }, (_, i) => ({
      actor,
      action: 'feature',
      commentId,
      now: now + 100 + i,
    }));
    await logModerationMany(db, entries);
    const first = await listLog(db, { page: 1, commentId, pageSize: 50 });
    expect(first).toMatchObject({ total: 131, page: 1, pages: 3 });
    expect(first.entries[0]?.createdAt).toBe(now + 229);
    const third = await listLog(db, { page: 3, commentId, pageSize: 50 });
    expect(third.entries).toHaveLength(31);
    expect(third.entries.at(-1)?.action).toBe('approve');
    expect((await listLog(db, { page: 0, commentId })).page).toBe(1);
  });

  it('keeps the actor’s name when their account is gone', async () => {
    await db.deleteFrom('users').where('id', '=', moderator).execute();
    const entries = (await listLog(db, { page: 1, userId: reader })).entries;
    expect(entries.map((e) => [e.actorId, e.actorName])).toEqual([
      [null, 'Модератор Мария'],
      [null, 'Модератор Мария'],
    ]);
  });
});
