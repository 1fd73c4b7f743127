import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { HOUR_MS } from '../ranking/store-sql.js';
import { commentQueue, myWork, publishedToday, scheduledNext, viewsPerHour } from './dashboard.js';

describeEachDatabase('the dashboard’s numbers', (getDb) => {
  // 00:30 on 26 November in Sofia (UTC+2), still the 25th in UTC.
  const now = Date.UTC(2026, 10, 25, 22, 30);
  let db: Db;
  let world = 0;
  const TZ = 'Europe/Sofia';

  beforeAll(async () => {
    db = getDb().db;
    world = (await buildNewsroom(db, now)).categories.world;
  });

  it('counts today by the Sofia calendar, across midnight UTC', async () => {
    expect(await publishedToday(db, now, TZ)).toEqual({ count: 0, latest: [] });
    const afterMidnight = await buildArticle(db, {
      categoryId: world,
      title: 'След полунощ',
      slug: 'sled-polunosht',
      publishedAt: Date.UTC(2026, 10, 25, 22, 10),
    });
    const justNow = await buildArticle(db, {
      categoryId: world,
      title: 'Току-що',
      publishedAt: Date.UTC(2026, 10, 25, 22, 29),
    });
    // The 25th in Sofia (23:50), though the same UTC day as the two above.
    await buildArticle(db, {
      categoryId: world,
      title: 'Вчера',
      publishedAt: Date.UTC(2026, 10, 25, 21, 50),
    });
    // Today, but not out yet.
    await buildArticle(db, { categoryId: world, title: 'По-късно', publishedAt: now + 600_000 });
    await buildArticle(db, {
      categoryId: world,
      title: 'Чернова',
      publishedAt: now - 60_000,
      status: 'draft',
    });
    const today = await publishedToday(db, now, TZ);
    expect(today.count).toBe(2);
    expect(today.latest.map((a) => a.id)).toEqual([justNow, afterMidnight]);
    expect(today.latest[1]).toEqual({
      id: afterMidnight,
      title: 'След полунощ',
      slug: 'sled-polunosht',
      categorySlug: 'svyat',
      at: Date.UTC(2026, 10, 25, 22, 10),
    });
  });

  it('gives 24 hourly buckets, zero-filled, the current hour last', async () => {
    const empty = await viewsPerHour(db, now);
    expect(empty.views).toEqual(new Array(24).fill(0));
    const last = Math.floor(now / HOUR_MS);
    expect(empty.firstHour).toBe(last - 23);
    const [a, b] = (await db.selectFrom('articles').select('id').orderBy('id').limit(2).execute()).map(
      (r) => r.id,
    );
    await db
      .insertInto('article_view_hours')
      .values([
        { article_id: a as number, hour: last, views: 7 },
        { article_id: b as number, hour: last, views: 3 },
        { article_id: a as number, hour: last - 5, views: 12 },
        { article_id: a as number, hour: last - 23, views: 1 },
        { article_id: a as number, hour: last - 24, views: 1000 },
        { article_id: a as number, hour: last + 1, views: 1000 },
      ])
      .execute();
    const hourly = await viewsPerHour(db, now);
    expect(hourly.views).toHaveLength(24);
    expect(hourly.views[23]).toBe(10);
    expect(hourly.views[18]).toBe(12);
    expect(hourly.views[0]).toBe(1);
    expect(hourly.views.reduce((x, y) => x + y, 0)).toBe(23);
  });

  it('lists the scheduled soonest first', async () => {
    const later = await buildArticle(db, {
      categoryId: world,
      title: 'По-нататък',
      publishedAt: now,
      status: 'draft',
    });
    const sooner = await buildArticle(db, {
      categoryId: world,
      title: 'Скоро',
      publishedAt: now,
      status: 'draft',
    });
    await db
      .updateTable('articles')
      .set({ status: 'scheduled', scheduled_at: now + 7_200_000 })
      .where('id', '=', later)
      .execute();
    await db
      .updateTable('articles')
      .set({ status: 'scheduled', scheduled_at: now + 600_000 })
      .where('id', '=', sooner)
      .execute();
    const list = await scheduledNext(db);
    expect(list.map((a) => [a.title, a.at])).toEqual([
      ['Скоро', now + 600_000],
      ['По-нататък', now + 7_200_000],
    ]);
    expect(await scheduledNext(db, 1)).toHaveLength(1);
  });

  it('counts the comment queues as the desk does', async () => {
    expect(await commentQueue(db)).toEqual({ pending: 0, reported: 0 });
    const article = (await db.selectFrom('articles').select('id').limit(1).executeTakeFirstOrThrow()).id;
    const comment = (status: 'pending' | 'approved' | 'deleted', reports: number, key: string) => ({
      article_id: article,
      parent_id: null,
      thread_id: null,
      author_name: 'Читател',
      body: 'Мнение по темата.',
      status,
      created_at: now,
      submission_key: key,
      visitor_hash: 'h',
      user_id: null,
      author_email: null,
      moderation_detail: null,
      edited_at: null,
      moderated_at: null,
      open_reports: reports,
    });
    await db
      .insertInto('comments')
      .values([
        comment('pending', 0, 'k1'),
        comment('pending', 1, 'k2'),
        comment('approved', 2, 'k3'),
        comment('approved', 0, 'k4'),
        comment('deleted', 1, 'k5'),
      ])
      .execute();
    expect(await commentQueue(db)).toEqual({ pending: 2, reported: 2 });
  });

  it('shows writers their own drafts and articles in review', async () => {
    const user = await db
      .insertInto('users')
      .values({
        email: 'avtor@example.bg',
        display_name: 'Автор',
        password_hash: 'x',
        email_verified_at: now,
        created_at: now,
        updated_at: now,
        suspended_until: null,
        banned_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = async (title: string, status: 'draft' | 'review', updatedAt: number, owner = user.id) => {
      const id = await buildArticle(db, { categoryId: world, title, publishedAt: now, status: 'draft' });
      await db
        .updateTable('articles')
        .set({ status, owner_id: owner, updated_at: updatedAt })
        .where('id', '=', id)
        .execute();
      return id;
    };
    const older = await mine('Стара чернова', 'draft', now - 7_200_000);
    const newer = await mine('Нова чернова', 'draft', now - 60_000);
    const review = await mine('За преглед', 'review', now - 3_600_000);
    await mine('Чужда', 'draft', now);
    await db.updateTable('articles').set({ owner_id: null }).where('title', '=', 'Чужда').execute();
    const work = await myWork(db, user.id);
    expect(work.drafts.map((a) => a.id)).toEqual([newer, older]);
    expect(work.inReview.map((a) => [a.id, a.at])).toEqual([[review, now - 3_600_000]]);
    expect(await myWork(db, user.id + 1000)).toEqual({ drafts: [], inReview: [] });
  });
});
