import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { listThreads, type PostCommentInput, postComment } from './threads.js';

describeEachDatabase('postComment moderation', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let categoryId: number;
  let keys = 0;

  beforeAll(async () => {
    db = getDb().db;
    categoryId = (await buildNewsroom(db, now)).categories.world;
  });

  const newArticle = () => buildArticle(db, { categoryId, publishedAt: now - 60_000 });

  function input(articleId: number, body: string): PostCommentInput {
    keys++;
    return { articleId, parentId: null, name: 'Читател', body, submissionKey: `k${keys}`, visitorHash: 'v' };
  }

  async function stored(id: number) {
    return db
      .selectFrom('comments')
      .select(['status', 'body'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async function countOf(articleId: number) {
    const row = await db
      .selectFrom('articles')
      .select('comment_count')
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    return Number(row.comment_count);
  }

  it('stores a banned word as rejected, hidden and not counted, in all its disguises', async () => {
    const articleId = await newArticle();
    for (const body of ['Ти си курва.', 'Ти си kypBa.', 'Ти си к у р в а.', 'Ти си К.У.Р.В.А!']) {
      const result = await postComment(db, input(articleId, body), now);
      expect(result, body).toMatchObject({ ok: true, status: 'rejected', duplicate: false });
      if (!result.ok) throw new Error('not stored');
      expect(await stored(result.id)).toEqual({ status: 'rejected', body });
    }
    expect(await countOf(articleId)).toBe(0);
    expect(await listThreads(db, articleId)).toEqual([]);
  });

  it('a repeated submission of a rejected comment reports it as rejected again', async () => {
    const articleId = await newArticle();
    const first = input(articleId, 'kypBa');
    await postComment(db, first, now);
    const again = await postComment(db, first, now);
    expect(again).toMatchObject({ ok: true, status: 'rejected', duplicate: true });
    expect(await countOf(articleId)).toBe(0);
  });

  it('holds a comment with 3 links as pending', async () => {
    const articleId = await newArticle();
    const body = 'Вижте https://a.bg, https://b.bg и www.c.bg';
    const result = await postComment(db, input(articleId, body), now);
    expect(result).toMatchObject({ ok: true, status: 'pending' });
    expect(await countOf(articleId)).toBe(0);
    expect(await listThreads(db, articleId)).toEqual([]);
  });

  it('holds a suspect word as pending', async () => {
    const articleId = await newArticle();
    const result = await postComment(db, input(articleId, 'Бързи пари от онлайн казино!'), now);
    expect(result).toMatchObject({ ok: true, status: 'pending' });
    if (!result.ok) throw new Error('not stored');
    expect((await stored(result.id)).status).toBe('pending');
    expect(await countOf(articleId)).toBe(0);
  });

  it('approves and counts a clean comment, links within the limit included', async () => {
    const articleId = await newArticle();
    const body = 'Добър материал! Вижте https://a.bg и www.b.bg за iPhone цените.';
    const result = await postComment(db, input(articleId, body), now);
    expect(result).toMatchObject({ ok: true, status: 'approved', duplicate: false });
    expect(await countOf(articleId)).toBe(1);
    const threads = await listThreads(db, articleId);
    expect(threads.map((c) => c.body)).toEqual([body]);
  });
});
