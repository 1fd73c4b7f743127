import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentStatus } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import type { Mailer } from '../infra/mail.js';
import { type SmtpCapture, startSmtpCapture } from '../infra/mail-testing.js';
import type { Accounts } from './accounts.js';
import type { SessionStore } from './sessions.js';
import { buildAccounts, smtpTestMailer } from './testing.js';

describeEachDatabase('Accounts: deleting and exporting an account', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let smtp: SmtpCapture;
  let mailer: Mailer;
  let accounts: Accounts;
  let sessions: SessionStore;
  let categoryId: number;
  let n = 0;

  beforeAll(async () => {
    db = getDb().db;
    smtp = await startSmtpCapture();
    mailer = smtpTestMailer(smtp.url);
    ({ accounts, sessions } = buildAccounts(db, mailer));
    categoryId = (await buildNewsroom(db, now)).categories.world;
  });
  afterAll(async () => {
    await mailer.close();
    await smtp.close();
  });

  async function newReader(name: string): Promise<number> {
    n++;
    const added = await accounts.addUser(
      { email: `del${n}@example.bg`, displayName: name, password: 'зелен чай с мед', role: 'reader' },
      now,
    );
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    return added.userId;
  }

  async function comment(
    articleId: number,
    userId: number,
    status: CommentStatus,
    parentId: number | null = null,
  ): Promise<number> {
    n++;
    const row = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: parentId,
        thread_id: parentId,
        author_name: `автор ${userId}`,
        author_email: `del${userId}@example.bg`,
        body: `Коментар номер ${n}`,
        status,
        created_at: now + n,
        submission_key: `k${n}`,
        visitor_hash: 'v',
        user_id: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status === 'approved') {
      await db
        .updateTable('articles')
        .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
        .where('id', '=', articleId)
        .execute();
    }
    return row.id;
  }

  async function react(commentId: number, userId: number, value: 1 | -1): Promise<void> {
    await db
      .insertInto('comment_reactions')
      .values({ comment_id: commentId, user_id: userId, value, created_at: now })
      .execute();
    const column = value === 1 ? 'likes' : 'dislikes';
    await db
      .updateTable('comments')
      .set((eb) => ({ [column]: eb(column, '+', 1) }))
      .where('id', '=', commentId)
      .execute();
  }

  const countOf = async (articleId: number) =>
    Number(
      (
        await db
          .selectFrom('articles')
          .select('comment_count')
          .where('id', '=', articleId)
          .executeTakeFirstOrThrow()
      ).comment_count,
    );
  const commentRow = (id: number) =>
    db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  async function scene() {
    const leaving = await newReader('Напускащ Читател');
    const staying = await newReader('Оставащ Читател');
    const a1 = await buildArticle(db, { categoryId, publishedAt: now - 60_000 });
    const a2 = await buildArticle(db, { categoryId, publishedAt: now - 60_000 });
    const a3 = await buildArticle(db, { categoryId, publishedAt: now - 60_000 });
    const own1 = await comment(a1, leaving, 'approved');
    const own2 = await comment(a1, leaving, 'approved');
    const ownPending = await comment(a2, leaving, 'pending');
    const reply = await comment(a1, staying, 'approved', own1);
    const elsewhere = await comment(a3, staying, 'approved');
    await react(reply, leaving, 1);
    await react(elsewhere, leaving, -1);
    await react(own2, staying, 1);
    const token = await sessions.create(leaving, 'browser', now);
    return { leaving, staying, a1, a2, a3, own1, own2, ownPending, reply, elsewhere, token };
  }

  it('removes the comments, keeps the replies, fixes the counts and signs the reader out', async () => {
    const s = await scene();
    await db
      .insertInto('comment_revisions')
      .values({ comment_id: s.own1, body: 'първа версия', created_at: now })
      .execute();
    expect(await countOf(s.a1)).toBe(3);

    const result = await accounts.deleteAccount(s.leaving, 'remove-comments', now);
    expect(result.articleIds).toEqual([s.a1, s.a3].sort((x, y) => x - y));

    for (const id of [s.own1, s.own2, s.ownPending]) {
      expect(await commentRow(id)).toMatchObject({
        status: 'deleted',
        body: '',
        user_id: null,
        author_email: null,
      });
    }
    expect(await countOf(s.a1)).toBe(1);
    expect(await countOf(s.a2)).toBe(0);
    expect(await commentRow(s.reply)).toMatchObject({ status: 'approved', likes: 0, parent_id: s.own1 });
    expect(await commentRow(s.elsewhere)).toMatchObject({ dislikes: 0 });
    expect(
      await db.selectFrom('comment_revisions').select('id').where('comment_id', '=', s.own1).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('users').select('id').where('id', '=', s.leaving).executeTakeFirst(),
    ).toBeUndefined();
    expect((await sessions.lookup(s.token, now)).status).toBe('none');
    expect(
      await db
        .selectFrom('comment_reactions')
        .select('comment_id')
        .where('user_id', '=', s.leaving)
        .execute(),
    ).toEqual([]);
  });

  it('keeps the comments under the deleted-user label when asked to', async () => {
    const s = await scene();
    const result = await accounts.deleteAccount(s.leaving, 'keep-comments', now);
    expect(result.articleIds).toEqual([s.a1, s.a3].sort((x, y) => x - y));
    expect(await commentRow(s.own1)).toMatchObject({
      status: 'approved',
      body: expect.stringMatching(/^Коментар номер/),
      author_name: 'изтрит потребител',
      user_id: null,
      author_email: null,
      likes: 0,
    });
    expect(await commentRow(s.ownPending)).toMatchObject({
      status: 'pending',
      author_name: 'изтрит потребител',
    });
    expect(await countOf(s.a1)).toBe(3);
    expect(await commentRow(s.reply)).toMatchObject({ likes: 0 });
  });

  it('labels in English for an English site', async () => {
    const english = buildAccounts(db, mailer, { locale: 'en' }).accounts;
    const s = await scene();
    await english.deleteAccount(s.leaving, 'keep-comments', now);
    expect((await commentRow(s.own1)).author_name).toBe('deleted user');
  });

  it('exports the profile, comments, reactions and sessions, and no password hash', async () => {
    const s = await scene();
    await db
      .insertInto('comment_reports')
      .values({
        comment_id: s.elsewhere,
        user_id: s.leaving,
        reporter_key: `u:${s.leaving}`,
        reason: 'spam',
        note: 'реклама',
        created_at: now,
      })
      .execute();
    const data = await accounts.exportData(s.leaving, now + 1000);
    if (!data) throw new Error('no export');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data).toMatchObject({
      format: 'vestnik-reader-export',
      version: 1,
      exportedAt: new Date(now + 1000).toISOString(),
      profile: { id: s.leaving, displayName: 'Напускащ Читател', role: 'reader', notifyReplies: false },
    });
    const title = (
      await db.selectFrom('articles').select('title').where('id', '=', s.a1).executeTakeFirstOrThrow()
    ).title;
    expect(data.comments.map((c) => c.id)).toEqual([s.own1, s.own2, s.ownPending]);
    expect(data.comments[0]).toMatchObject({
      articleId: s.a1,
      articleTitle: title,
      parentId: null,
      status: 'approved',
    });
    expect(data.reactions).toHaveLength(2);
    expect(data.reports).toEqual([
      { commentId: s.elsewhere, reason: 'spam', note: 'реклама', createdAt: new Date(now).toISOString() },
    ]);
    expect(data.sessions).toEqual([
      {
        createdAt: new Date(now).toISOString(),
        lastSeenAt: new Date(now).toISOString(),
        userAgent: 'browser',
      },
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/scrypt|password/i);
    expect(await accounts.exportData(999_999, now)).toBeNull();
  });
});
