import type { Insertable } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentTable } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { REPORT_REASONS, type ReportInput, reportComment, reportsFor } from './reports.js';

describeEachDatabase('reportComment and reportsFor', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let articleId: number;
  let author: number;
  let reporter: number;
  let seq = 0;

  beforeAll(async () => {
    db = getDb().db;
    const { categories } = await buildNewsroom(db, now);
    articleId = await buildArticle(db, { categoryId: categories.world, publishedAt: now - 86_400_000 });
    author = await addUser('Автор');
    reporter = await addUser('Бдителен');
  });

  async function addUser(name: string): Promise<number> {
    seq++;
    const row = await db
      .insertInto('users')
      .values({
        email: `report${seq}@example.bg`,
        display_name: name,
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
        body: 'Спорно мнение',
        status: 'approved',
        created_at: now - 60_000,
        submission_key: `report-${seq}`,
        visitor_hash: 'v',
        user_id: author,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function openReports(id: number) {
    const row = await db
      .selectFrom('comments')
      .select('open_reports')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.open_reports);
  }

  const byReader = (commentId: number, extra: Partial<ReportInput> = {}): ReportInput => ({
    commentId,
    reporterKey: `u:${reporter}`,
    userId: reporter,
    reason: 'abuse',
    note: '',
    now,
    ...extra,
  });

  it('records one report per reporter and counts it once', async () => {
    const id = await add();
    expect(await reportComment(db, byReader(id, { note: '  Обижда\r\nхора ' }))).toEqual({
      ok: true,
      duplicate: false,
    });
    expect(await reportComment(db, byReader(id, { reason: 'spam', note: 'пак' }))).toEqual({
      ok: true,
      duplicate: true,
    });
    const guest = { reporterKey: 'v:abc', userId: null, reason: 'spam', now: now + 1000 };
    expect(await reportComment(db, byReader(id, guest))).toEqual({ ok: true, duplicate: false });
    expect(await openReports(id)).toBe(2);

    const reports = await reportsFor(db, id);
    expect(reports).toMatchObject([
      {
        reason: 'spam',
        userId: null,
        reporterName: null,
        reporterKey: 'v:abc',
        createdAt: now + 1000,
        resolvedAt: null,
      },
      {
        reason: 'abuse',
        note: 'Обижда\nхора',
        userId: reporter,
        reporterName: 'Бдителен',
        reporterKey: `u:${reporter}`,
      },
    ]);
  });

  it('lists open reports before resolved ones', async () => {
    const id = await add();
    await reportComment(db, byReader(id, { reporterKey: 'v:1', userId: null, now: now - 10 }));
    await reportComment(db, byReader(id, { reporterKey: 'v:2', userId: null, now: now - 5 }));
    await db
      .updateTable('comment_reports')
      .set({ resolved_at: now })
      .where('reporter_key', '=', 'v:2')
      .where('comment_id', '=', id)
      .execute();
    expect((await reportsFor(db, id)).map((r) => r.reporterKey)).toEqual(['v:1', 'v:2']);
    expect(await reportsFor(db, 999_999)).toEqual([]);
  });

  it('accepts every listed reason and nothing else', async () => {
    const id = await add();
    for (const [i, reason] of REPORT_REASONS.entries()) {
      expect(
        await reportComment(db, byReader(id, { reason, reporterKey: `v:r${i}`, userId: null })),
      ).toMatchObject({
        ok: true,
        duplicate: false,
      });
    }
    expect(await reportComment(db, byReader(id, { reason: 'boring' }))).toEqual({
      ok: false,
      reason: 'invalid-reason',
    });
    expect(await openReports(id)).toBe(REPORT_REASONS.length);
  });

  it('takes a note of up to 500 characters, counted as code points', async () => {
    const id = await add();
    const emoji = '😀'.repeat(500);
    expect(await reportComment(db, byReader(id, { note: `${emoji}x` }))).toEqual({
      ok: false,
      reason: 'note-too-long',
    });
    expect(await reportComment(db, byReader(id, { note: emoji }))).toEqual({ ok: true, duplicate: false });
    expect((await reportsFor(db, id))[0]?.note).toBe(emoji);
  });

  it('refuses one’s own comment and comments readers cannot see', async () => {
    const own = await add({ user_id: reporter });
    expect(await reportComment(db, byReader(own))).toEqual({ ok: false, reason: 'own-comment' });
    for (const status of ['pending', 'rejected', 'deleted'] as const) {
      const hidden = await add({ status });
      expect(await reportComment(db, byReader(hidden))).toEqual({ ok: false, reason: 'not-found' });
      expect(await openReports(hidden)).toBe(0);
    }
    expect(await reportComment(db, byReader(999_999))).toEqual({ ok: false, reason: 'not-found' });
    expect(await openReports(own)).toBe(0);
  });

  it('counts simultaneous reports from different readers, and a repeated one once', async () => {
    const id = await add();
    const keys = ['v:a', 'v:b', 'v:c', 'v:a'];
    const results = await Promise.all(
      keys.map((reporterKey) => reportComment(db, byReader(id, { reporterKey, userId: null }))),
    );
    expect(results.filter((r) => r.ok && r.duplicate)).toHaveLength(1);
    expect(await openReports(id)).toBe(3);
  });
});
