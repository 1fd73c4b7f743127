import type { Insertable } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentTable } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import {
  commentHistory,
  deleteOwnComment,
  EDIT_WINDOW_MS,
  editComment,
  type RecheckResult,
} from './edits.js';

describeEachDatabase('editComment and deleteOwnComment', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let categoryId: number;
  let author: number;
  let stranger: number;
  let seq = 0;

  beforeAll(async () => {
    db = getDb().db;
    categoryId = (await buildNewsroom(db, now)).categories.world;
    author = await addUser('Автор');
    stranger = await addUser('Друг');
  });

  async function addUser(name: string): Promise<number> {
    seq++;
    const row = await db
      .insertInto('users')
      .values({
        email: `edits${seq}@example.bg`,
        display_name: name,
        password_hash: 'x',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A comment by `author`, counted in the article as postComment would. */
  async function add(extra: Partial<Insertable<CommentTable>> = {}) {
    seq++;
    const articleId =
      extra.article_id ?? (await buildArticle(db, { categoryId, publishedAt: now - 86_400_000 }));
    const row = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        author_name: 'Автор',
        body: 'Първоначален текст',
        status: 'approved',
        created_at: now - 60_000,
        submission_key: `edits-${seq}`,
        visitor_hash: 'v',
        user_id: author,
        ...extra,
      })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    if (row.status === 'approved') {
      await db
        .updateTable('articles')
        .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
        .where('id', '=', articleId)
        .execute();
    }
    return { id: row.id, articleId };
  }

  const seen: string[] = [];
  function recheck(body: string): RecheckResult {
    seen.push(body);
    if (body.includes('лошо'))
      return { status: 'rejected', reason: 'banned-word', detail: 'лошо', spamScore: 0 };
    if (body.includes('http'))
      return { status: 'pending', reason: 'too-many-links', detail: '3', spamScore: 4 };
    return { status: 'approved', reason: 'post-moderation', detail: null, spamScore: 0 };
  }

  async function comment(id: number) {
    return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function countOf(articleId: number) {
    const row = await db
      .selectFrom('articles')
      .select('comment_count')
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    return Number(row.comment_count);
  }

  const edit = (commentId: number, body: string, extra: { userId?: number; now?: number } = {}) =>
    editComment(db, { commentId, userId: extra.userId ?? author, body, now: extra.now ?? now, recheck });

  it('keeps the old text, cleans the new one and marks the time of the edit', async () => {
    const { id, articleId } = await add();
    expect(await edit(id, '  Поправен текст \r\nвтори ред  ', { now: now - 30_000 })).toEqual({
      ok: true,
      articleId,
      status: 'approved',
    });
    expect(seen.at(-1)).toBe('Поправен текст\nвтори ред');
    expect(await edit(id, 'Трети вариант')).toMatchObject({ ok: true, status: 'approved' });
    const row = await comment(id);
    expect(row).toMatchObject({ body: 'Трети вариант', edited_at: now, status: 'approved' });
    expect(await commentHistory(db, id)).toMatchObject([
      { body: 'Първоначален текст', createdAt: now - 30_000 },
      { body: 'Поправен текст\nвтори ред', createdAt: now },
    ]);
    expect(await countOf(articleId)).toBe(1);
  });

  it('an unchanged text is no edit', async () => {
    const { id } = await add();
    expect(await edit(id, ' Първоначален текст ')).toMatchObject({ ok: true, status: 'approved' });
    expect(await commentHistory(db, id)).toEqual([]);
    expect((await comment(id)).edited_at).toBeNull();
  });

  it('moderates the new text: a banned word takes the comment out of the count', async () => {
    const { id, articleId } = await add({ featured: 1 });
    expect(await edit(id, 'Сега е лошо')).toMatchObject({ ok: true, articleId, status: 'rejected' });
    expect(await comment(id)).toMatchObject({
      status: 'rejected',
      moderation_reason: 'banned-word',
      moderation_detail: 'лошо',
      featured: 0,
    });
    expect(await countOf(articleId)).toBe(0);
  });

  it('a waiting comment that becomes clean is published and counted; links send it back', async () => {
    const { id, articleId } = await add({ status: 'pending', moderation_reason: 'too-many-links' });
    expect(await countOf(articleId)).toBe(0);
    expect(await edit(id, 'Вече без връзки')).toMatchObject({ ok: true, status: 'approved' });
    expect(await countOf(articleId)).toBe(1);
    expect(await edit(id, 'Пак http://a.bg')).toMatchObject({ ok: true, status: 'pending' });
    expect(await comment(id)).toMatchObject({ status: 'pending', spam_score: 4, moderation_detail: '3' });
    expect(await countOf(articleId)).toBe(0);
  });

  it("cannot undo a moderator's rejection by editing", async () => {
    const { id, articleId } = await add({
      status: 'rejected',
      moderation_reason: 'suspect-word',
      moderated_at: now,
    });
    expect(await edit(id, 'Напълно невинен текст')).toMatchObject({ ok: true, status: 'rejected' });
    expect(await comment(id)).toMatchObject({ status: 'rejected', moderation_reason: 'suspect-word' });
    expect(await countOf(articleId)).toBe(0);
  });

  it('only the author, only within ten minutes, only a live comment, only a valid text', async () => {
    const { id, articleId } = await add({ created_at: now - EDIT_WINDOW_MS });
    expect(await edit(id, 'Чужда ръка', { userId: stranger })).toEqual({ ok: false, reason: 'not-yours' });
    expect(await edit(999_999, 'Няма го')).toEqual({ ok: false, reason: 'not-found' });
    expect(await edit(id, ' ')).toEqual({ ok: false, reason: 'invalid', error: 'body-required' });
    expect(await edit(id, 'x'.repeat(3001))).toEqual({
      ok: false,
      reason: 'invalid',
      error: 'body-too-long',
    });
    expect(await edit(id, 'Точно навреме')).toMatchObject({ ok: true });
    expect(await edit(id, 'Миг по-късно', { now: now + 1 })).toEqual({ ok: false, reason: 'too-late' });
    const guest = await add({ user_id: null, article_id: articleId });
    expect(await edit(guest.id, 'Гостът не може')).toEqual({ ok: false, reason: 'not-yours' });
    const gone = await add({ status: 'deleted', body: '', article_id: articleId });
    expect(await edit(gone.id, 'Възкресение')).toEqual({ ok: false, reason: 'deleted' });
    expect((await comment(id)).body).toBe('Точно навреме');
    expect(await countOf(articleId)).toBe(2);
  });

  it('deleting takes the text and its history away and leaves the count', async () => {
    const { id, articleId } = await add();
    await edit(id, 'Втори вариант');
    expect(await deleteOwnComment(db, { commentId: id, userId: stranger, now })).toEqual({
      ok: false,
      reason: 'not-yours',
    });
    expect(await deleteOwnComment(db, { commentId: 999_999, userId: author, now })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await countOf(articleId)).toBe(1);
    expect(await deleteOwnComment(db, { commentId: id, userId: author, now })).toEqual({
      ok: true,
      articleId,
    });
    expect(await comment(id)).toMatchObject({ status: 'deleted', body: '', featured: 0 });
    expect(await commentHistory(db, id)).toEqual([]);
    expect(await countOf(articleId)).toBe(0);
    // Again: nothing left to do, and the count does not go below the truth.
    expect(await deleteOwnComment(db, { commentId: id, userId: author, now })).toEqual({
      ok: true,
      articleId,
    });
    expect(await countOf(articleId)).toBe(0);
  });

  it('deleting a waiting comment leaves the count alone; two deletions at once count once', async () => {
    const { id: waiting, articleId } = await add({ status: 'pending' });
    const { id: live } = await add({ article_id: articleId });
    expect(await countOf(articleId)).toBe(1);
    await deleteOwnComment(db, { commentId: waiting, userId: author, now });
    expect(await countOf(articleId)).toBe(1);
    const both = await Promise.all([
      deleteOwnComment(db, { commentId: live, userId: author, now }),
      deleteOwnComment(db, { commentId: live, userId: author, now }),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(await countOf(articleId)).toBe(0);
  });
});
