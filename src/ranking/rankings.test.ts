import pino from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import { describeEachDatabase } from '../db/testing.js';
import { LocalCacheBus } from '../infra/cache-bus.js';
import { ManualClock } from '../infra/clock.js';
import { VisitorHasher } from '../privacy/visitor.js';
import { RankingService, THIN_TRAFFIC_VIEWS } from './rankings.js';
import { addViews, HOUR_MS } from './store-sql.js';
import { DEDUPE_WINDOW_MS, MAX_BUCKETS, ViewCounter } from './views.js';

const log = pino({ level: 'silent' });
const browser =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

describeEachDatabase('views and rankings', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 12, 0);
  const clock = new ManualClock(now);
  let ids: number[];

  beforeAll(async () => {
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    ids = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        await buildArticle(db, {
          categoryId: room.categories.world,
          publishedAt: now - (i + 1) * 10 * HOUR_MS,
        }),
      );
    }
  });

  it('counts a visitor once per article per 30 minutes, drops bots, stores no raw IP', async () => {
    const db = getDb().db;
    const visitors = new VisitorHasher(db, 'Europe/Sofia');
    await visitors.refresh(clock.now());
    const views = new ViewCounter(db, visitors, log);
    const a = ids[0]!;
    expect(views.record({ articleId: a, ip: '203.0.113.5', userAgent: browser }, clock.now())).toBe(
      'counted',
    );
    expect(views.record({ articleId: a, ip: '203.0.113.5', userAgent: browser }, clock.now() + 60_000)).toBe(
      'repeat',
    );
    expect(views.record({ articleId: a, ip: '203.0.113.6', userAgent: browser }, clock.now())).toBe(
      'counted',
    );
    expect(
      views.record(
        { articleId: a, ip: '203.0.113.7', userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
        clock.now(),
      ),
    ).toBe('bot');
    expect(views.record({ articleId: a, ip: '203.0.113.8', userAgent: '' }, clock.now())).toBe('bot');
    expect(
      views.record(
        { articleId: a, ip: '203.0.113.5', userAgent: browser },
        clock.now() + DEDUPE_WINDOW_MS + 1,
      ),
    ).toBe('counted');
    expect(views.buffered).toBe(3);
    expect(await views.flush()).toBe(3);
    const row = await db
      .selectFrom('articles')
      .select('view_count')
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    expect(row.view_count).toBe(3);
    const dump = JSON.stringify(await db.selectFrom('settings').selectAll().execute());
    expect(dump).not.toContain('203.0.113');
  });

  it('a flood of made-up article ids cannot grow the buffer without bound', async () => {
    const visitors = new VisitorHasher(getDb().db, 'Europe/Sofia');
    await visitors.refresh(now);
    const views = new ViewCounter(getDb().db, visitors, log);
    let dropped = 0;
    for (let i = 1; i <= MAX_BUCKETS + 10; i++) {
      if (
        views.record(
          { articleId: 1_000_000 + i, ip: `10.0.${i % 250}.${i % 199}`, userAgent: browser },
          now,
        ) === 'dropped'
      )
        dropped++;
    }
    expect(dropped).toBe(10);
    expect(views.buffered).toBe(MAX_BUCKETS);
    await views.flush();
    expect(views.buffered).toBe(0);
  });

  it('views of deleted or unknown articles are skipped, not fatal', async () => {
    await addViews(getDb().db, new Map([[`999999:${Math.floor(now / HOUR_MS)}`, 5]]));
  });

  it('most read uses 24 hours, or 7 days when traffic is thin; most commented 7 days; latest', async () => {
    const db = getDb().db;
    const bus = new LocalCacheBus();
    const invalidated: string[][] = [];
    bus.subscribe((e) => e.type === 'invalidate' && invalidated.push(e.tags));
    const rankings = new RankingService(db, clock, bus, log, 60_000, 'Europe/Sofia');
    const hour = Math.floor(now / HOUR_MS);
    // Article 3 was big three days ago; article 2 has a little traffic today.
    await addViews(
      db,
      new Map([
        [`${ids[3]}:${hour - 72}`, 500],
        [`${ids[2]}:${hour - 2}`, 20],
      ]),
    );
    await rankings.refresh();
    expect(rankings.lists.mostReadWindow).toBe('7d');
    expect(rankings.lists.mostRead[0]?.article.id).toBe(ids[3]);
    await addViews(db, new Map([[`${ids[1]}:${hour - 1}`, THIN_TRAFFIC_VIEWS]]));
    await rankings.refresh();
    expect(rankings.lists.mostReadWindow).toBe('24h');
    expect(rankings.lists.mostRead.map((r) => r.article.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect(rankings.lists.latest.map((a) => a.id)).toEqual(ids);
    expect(invalidated.some((t) => t.includes('rankings'))).toBe(true);

    const comment = (articleId: number, createdAt: number, status: 'approved' | 'pending', key: string) =>
      db
        .insertInto('comments')
        .values({
          article_id: articleId,
          parent_id: null,
          thread_id: null,
          author_name: 'Читател',
          body: 'текст',
          status,
          created_at: createdAt,
          submission_key: key,
          visitor_hash: '',
        })
        .execute();
    await comment(ids[0]!, now - HOUR_MS, 'approved', 'a0');
    for (const k of ['b0', 'b1', 'b2']) await comment(ids[2]!, now - HOUR_MS, 'approved', k);
    await comment(ids[1]!, now - 8 * 24 * HOUR_MS, 'approved', 'old'); // outside the 7-day window
    await comment(ids[1]!, now - HOUR_MS, 'pending', 'pend'); // not shown, not counted
    await rankings.refresh();
    expect(rankings.lists.mostCommented.map((r) => [r.article.id, r.value])).toEqual([
      [ids[2], 3],
      [ids[0], 1],
    ]);
  });

  it('the lists are recomputed on a timer and after announced changes, not on read', async () => {
    const db = getDb().db;
    const bus = new LocalCacheBus();
    const rankings = new RankingService(db, clock, bus, log, 60_000, 'Europe/Sofia');
    await rankings.start();
    const first = rankings.lists;
    expect(rankings.lists).toBe(first);
    bus.publish({ type: 'rankings-stale', reason: 'comment' });
    await new Promise((r) => setTimeout(r, 400));
    expect(rankings.lists).not.toBe(first);
    rankings.stop();
  });
});
