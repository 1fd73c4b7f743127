import type { Insertable } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentTable, UserTable } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { escapeLike, listQueue, moderateComments, queueCounts } from './desk.js';
import { listLog } from './log.js';

describeEachDatabase('moderation desk', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let categoryId: number;
  let actor: { id: number; name: string };
  let seq = 0;

  beforeAll(async () => {
    db = getDb().db;
    categoryId = (await buildNewsroom(db, now)).categories.world;
    actor = { id: await addUser({ role: 'moderator', display_name: 'Модератор' }), name: 'Модератор' };
  });

  async function addUser(extra: Partial<Insertable<UserTable>> = {}): Promise<number> {
    seq++;
    const row = await db
      .insertInto('users')
      .values({
        email: `desk${seq}@example.bg`,
        display_name: `Читател ${seq}`,
        password_hash: 'x',
        created_at: now,
        updated_at: now,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const newArticle = (title?: string) =>
    buildArticle(db, { categoryId, publishedAt: now - 86_400_000, ...(title ? { title } : {}) });

  /** Inserts a comment and keeps the article's count as the posting path would. */
  async function add(articleId: number, extra: Partial<Insertable<CommentTable>> = {}): Promise<number> {
    seq++;
    const row = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        author_name: 'Гост',
        body: `Коментар ${seq}`,
        status: 'pending',
        created_at: now - 3_600_000 + seq * 1000,
        submission_key: `desk-${seq}`,
        visitor_hash: 'v',
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
    return row.id;
  }

  async function report(
    commentId: number,
    key: string,
    reason: 'spam' | 'abuse' | 'other',
    resolved = false,
  ) {
    await db
      .insertInto('comment_reports')
      .values({
        comment_id: commentId,
        reporter_key: key,
        reason,
        note: '',
        created_at: now,
        resolved_at: resolved ? now : null,
      })
      .execute();
    if (!resolved) {
      await db
        .updateTable('comments')
        .set((eb) => ({ open_reports: eb('open_reports', '+', 1) }))
        .where('id', '=', commentId)
        .execute();
    }
  }

  async function expectCountsExact() {
    const articles = await db.selectFrom('articles').select(['id', 'comment_count']).execute();
    const approved = await db
      .selectFrom('comments')
      .select(['article_id', (eb) => eb.fn.countAll().as('n')])
      .where('status', '=', 'approved')
      .groupBy('article_id')
      .execute();
    const truth = new Map(approved.map((r) => [r.article_id, Number(r.n)]));
    for (const a of articles) expect(Number(a.comment_count), `article ${a.id}`).toBe(truth.get(a.id) ?? 0);
  }

  const status = async (id: number) =>
    db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('lists each queue in its order with what a moderator needs to decide', async () => {
    await db.deleteFrom('comments').execute();
    const articleId = await newArticle('Заглавие за бюрото');
    const troll = await addUser({
      display_name: 'Трол',
      suspended_until: now + 1000,
      banned_at: now,
      shadow_banned: 1,
    });
    const older = await add(articleId, {
      user_id: troll,
      author_name: 'старо',
      moderation_reason: 'suspect-word',
      moderation_detail: 'казино',
      spam_score: 6,
    });
    const newer = await add(articleId, { author_email: 'gost@example.bg', author_name: 'Гост Г' });
    const mild = await add(articleId, { status: 'approved', moderated_at: now - 50 });
    const hot = await add(articleId, { status: 'approved', moderated_at: null });
    const rejectedReported = await add(articleId, { status: 'rejected', moderated_at: now - 10 });
    const deletedReported = await add(articleId, { status: 'deleted' });
    await report(mild, 'v:1', 'spam');
    await report(hot, 'v:1', 'abuse');
    await report(hot, 'v:2', 'abuse');
    await report(hot, 'v:3', 'spam');
    await report(hot, 'v:4', 'other', true);
    await report(rejectedReported, 'v:1', 'spam');
    await report(deletedReported, 'v:1', 'spam');

    const pending = await listQueue(db, { queue: 'pending', page: 1 });
    expect(pending).toMatchObject({ total: 2, page: 1, pages: 1 });
    expect(pending.items.map((i) => i.id)).toEqual([older, newer]);
    expect(pending.items[0]).toMatchObject({
      articleId,
      articleTitle: 'Заглавие за бюрото',
      categorySlug: 'svyat',
      authorName: 'Трол',
      userId: troll,
      reason: 'suspect-word',
      detail: 'казино',
      spamScore: 6,
      status: 'pending',
      authorSuspendedUntil: now + 1000,
      authorBanned: true,
      authorShadowBanned: true,
      reportReasons: {},
    });
    const trollEmail = await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', troll)
      .executeTakeFirstOrThrow();
    expect(pending.items[0]?.authorEmail).toBe(trollEmail.email);
    expect(pending.items[1]).toMatchObject({
      authorName: 'Гост Г',
      authorEmail: 'gost@example.bg',
      userId: null,
      authorBanned: false,
      authorSuspendedUntil: null,
    });

    const reported = await listQueue(db, { queue: 'reported', page: 1 });
    expect(reported.items.map((i) => [i.id, i.openReports])).toEqual([
      [hot, 3],
      [rejectedReported, 1],
      [mild, 1],
    ]);
    expect(reported.items[0]?.reportReasons).toEqual({ abuse: 2, spam: 1 });

    const approved = await listQueue(db, { queue: 'approved', page: 1 });
    // Never moderated: its creation time stands in, older than the other's decision.
    expect(approved.items.map((i) => i.id)).toEqual([mild, hot]);
    expect((await listQueue(db, { queue: 'rejected', page: 1 })).items.map((i) => i.id)).toEqual([
      rejectedReported,
    ]);
    expect(await queueCounts(db)).toEqual({ pending: 2, reported: 3, approved: 2, rejected: 1 });
  });

  it('orders the approved and rejected queues by the latest decision', async () => {
    const articleId = await newArticle();
    const decidedLate = await add(articleId, {
      status: 'rejected',
      created_at: now - 90_000,
      moderated_at: now - 1,
    });
    const decidedEarly = await add(articleId, {
      status: 'rejected',
      created_at: now - 5_000,
      moderated_at: now - 4_000,
    });
    const undecided = await add(articleId, { status: 'rejected', created_at: now - 2_000 });
    const rejected = await listQueue(db, { queue: 'rejected', page: 1, articleId });
    expect(rejected.items.map((i) => i.id)).toEqual([decidedLate, undecided, decidedEarly]);
  });

  it('filters by article and searches body and author with % and _ taken literally', async () => {
    const a = await newArticle();
    const b = await newArticle();
    const percent = await add(a, { body: 'Цените скочиха със 100% за година' });
    await add(a, { body: 'Цените скочиха със 1000 лева' });
    const underscore = await add(a, { body: 'файл snake_case.txt' });
    await add(a, { body: 'файл snakeXcase.txt' });
    const byName = await add(a, { author_name: 'Иван Вазов', body: 'Без думата' });
    const reader = await addUser({ display_name: 'Пейо Яворов', email: 'peyo@example.bg' });
    const byUser = await add(a, { user_id: reader, author_name: 'Пейо Яворов' });
    const other = await add(b, { body: 'Цените скочиха със 100% и тук' });

    const search = (term: string, articleId?: number) =>
      listQueue(db, { queue: 'pending', page: 1, search: term, ...(articleId ? { articleId } : {}) }).then(
        (r) => r.items.map((i) => i.id).sort((x, y) => x - y),
      );
    expect(await search('100%', a)).toEqual([percent]);
    expect(await search('100%')).toEqual([percent, other]);
    expect(await search('e_c', a)).toEqual([underscore]);
    expect(await search('Вазов', a)).toEqual([byName]);
    expect(await search('peyo@', a)).toEqual([byUser]);
    expect(await search("'; drop table comments; --", a)).toEqual([]);
    expect(await search('  ', a)).toHaveLength(6);
    expect(escapeLike('a\\b%c_d')).toBe('a\\\\b\\%c\\_d');
  });

  it('pages a queue', async () => {
    const articleId = await newArticle();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await add(articleId, { body: `Страница ${i}` }));
    const first = await listQueue(db, { queue: 'pending', page: 1, pageSize: 3, articleId });
    const third = await listQueue(db, { queue: 'pending', page: 3, pageSize: 3, articleId });
    expect(first).toMatchObject({ total: 7, pages: 3 });
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 3));
    expect(third.items.map((i) => i.id)).toEqual(ids.slice(6));
  });

  it('approves and rejects with the counts exact, reports resolved and every change logged', async () => {
    const a = await newArticle();
    const b = await newArticle();
    const author = await addUser();
    const waiting = await add(a, { user_id: author });
    const wronglyRejected = await add(b, { status: 'rejected', moderation_reason: 'banned-word' });
    const reportedLive = await add(a, { status: 'approved' });
    const quiet = await add(a, { status: 'approved' });
    const gone = await add(a, { status: 'deleted' });
    await report(reportedLive, 'v:1', 'spam');
    await report(waiting, 'v:1', 'spam');

    const approved = await moderateComments(db, {
      ids: [waiting, wronglyRejected, reportedLive, quiet, gone, waiting],
      action: 'approve',
      actor,
      now,
    });
    expect(approved).toEqual({ changed: 3, articleIds: [a, b].sort((x, y) => x - y) });
    expect(await status(waiting)).toMatchObject({ status: 'approved', moderated_at: now, open_reports: 0 });
    expect(await status(wronglyRejected)).toMatchObject({
      status: 'approved',
      moderation_reason: 'banned-word',
    });
    expect(await status(reportedLive)).toMatchObject({ status: 'approved', open_reports: 0 });
    expect(await status(quiet)).toMatchObject({ moderated_at: null });
    expect(await status(gone)).toMatchObject({ status: 'deleted' });
    const open = await db
      .selectFrom('comment_reports')
      .select('id')
      .where('resolved_at', 'is', null)
      .where('comment_id', 'in', [waiting, reportedLive])
      .execute();
    expect(open).toEqual([]);
    await expectCountsExact();

    const log = await listLog(db, { page: 1, commentId: waiting });
    expect(log.entries).toMatchObject([
      { action: 'approve', actorId: actor.id, userId: author, detail: 'pending → approved' },
    ]);

    await db.updateTable('comments').set({ featured: 1 }).where('id', '=', quiet).execute();
    const rejected = await moderateComments(db, {
      ids: [waiting, quiet, wronglyRejected],
      action: 'reject',
      actor,
      now: now + 1,
    });
    expect(rejected.changed).toBe(3);
    expect(await status(quiet)).toMatchObject({ status: 'rejected', featured: 0, moderated_at: now + 1 });
    await expectCountsExact();
    expect((await listLog(db, { page: 1, commentId: quiet })).entries[0]).toMatchObject({
      action: 'reject',
      detail: 'approved → rejected',
    });
    // Rejecting what is already rejected, with nothing reported, changes nothing and logs nothing.
    expect(await moderateComments(db, { ids: [quiet], action: 'reject', actor, now: now + 2 })).toEqual({
      changed: 0,
      articleIds: [],
    });
    expect((await listLog(db, { page: 1, commentId: quiet })).total).toBe(1);
  });

  it('features only approved comments; unfeatures; dismisses reports without deciding', async () => {
    const a = await newArticle();
    const live = await add(a, { status: 'approved' });
    const waiting = await add(a);
    const feature = await moderateComments(db, { ids: [live, waiting], action: 'feature', actor, now });
    expect(feature).toEqual({ changed: 1, articleIds: [a] });
    expect((await status(live)).featured).toBe(1);
    expect((await status(waiting)).featured).toBe(0);
    expect((await moderateComments(db, { ids: [live], action: 'feature', actor, now })).changed).toBe(0);
    expect((await moderateComments(db, { ids: [live], action: 'unfeature', actor, now })).changed).toBe(1);
    expect((await status(live)).featured).toBe(0);

    await report(live, 'v:1', 'abuse');
    await report(waiting, 'v:1', 'abuse');
    const dismissed = await moderateComments(db, {
      ids: [live, waiting],
      action: 'dismiss-reports',
      actor,
      now,
    });
    expect(dismissed.changed).toBe(2);
    expect(await status(live)).toMatchObject({ status: 'approved', open_reports: 0 });
    expect(await status(waiting)).toMatchObject({ status: 'pending', open_reports: 0 });
    const open = await db
      .selectFrom('comment_reports')
      .select('id')
      .where('comment_id', 'in', [live, waiting])
      .where('resolved_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
    expect((await listLog(db, { page: 1, commentId: live })).entries.map((e) => e.action)).toEqual([
      'dismiss-reports',
      'unfeature',
      'feature',
    ]);
    await expectCountsExact();
  });

  it('takes at most 200 ids at once and ignores nonsense', async () => {
    await expect(
      moderateComments(db, {
        ids: Array.from({ length: 201 }, (_, i) => i + 1),
        action: 'approve',
        actor,
        now,
      }),
    ).rejects.toThrow(RangeError);
    expect(await moderateComments(db, { ids: [], action: 'approve', actor, now })).toEqual({
      changed: 0,
      articleIds: [],
    });
    expect(await moderateComments(db, { ids: [-1, 0, 1.5], action: 'approve', actor, now })).toEqual({
      changed: 0,
      articleIds: [],
    });
    const a = await newArticle();
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) ids.push(await add(a));
    expect(
      (await moderateComments(db, { ids: [...ids, ...ids], action: 'approve', actor, now })).changed,
    ).toBe(200);
    await expectCountsExact();
  });

  it('two moderators approving the same comments at once count each once', async () => {
    const a = await newArticle();
    const ids = [await add(a), await add(a), await add(a, { status: 'rejected' })];
    const [first, second] = await Promise.all([
      moderateComments(db, { ids, action: 'approve', actor, now }),
      moderateComments(db, { ids: [...ids].reverse(), action: 'approve', actor, now }),
    ]);
    expect((first?.changed ?? 0) + (second?.changed ?? 0)).toBe(3);
    await expectCountsExact();
    const both = await Promise.all([
      moderateComments(db, { ids, action: 'reject', actor, now }),
      moderateComments(db, { ids, action: 'reject', actor, now }),
    ]);
    expect(both.reduce((sum, r) => sum + r.changed, 0)).toBe(3);
    await expectCountsExact();
  });
});
