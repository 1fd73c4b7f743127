import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { LocalCacheBus } from '../infra/cache-bus.js';
import { ManualClock } from '../infra/clock.js';
import { RankingService } from '../ranking/rankings.js';
import { demoArticles, loadDemo, loadDemoIfEmpty } from './load.js';

describeEachDatabase('demo content', (getDb) => {
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 10, 0));
  const dataDir = mkdtempSync(join(tmpdir(), 'vestnik-demo-'));
  const deps = () => ({
    db: getDb().db,
    clock,
    bus: new LocalCacheBus(),
    config: { timeZone: 'Europe/Sofia', dataDir, locale: 'bg' as const },
  });

  it('loads into an empty database, with covers, comments and view history', async () => {
    const result = await loadDemoIfEmpty(deps());
    expect(result?.articles).toBe(demoArticles.length);
    expect(result?.comments).toBeGreaterThan(50);
    const db = getDb().db;
    const counts = await db
      .selectFrom('articles')
      .innerJoin('categories', 'categories.id', 'articles.category_id')
      .groupBy('categories.slug')
      .select((eb) => ['categories.slug', eb.fn.countAll<number>().as('n')])
      .execute();
    expect(counts).toHaveLength(7);
    for (const c of counts) expect(Number(c.n)).toBeGreaterThanOrEqual(7);
    expect(readdirSync(join(dataDir, 'media', 'demo')).length).toBe(demoArticles.length);
  });

  it('fills all three ranking lists and the daily rubric', async () => {
    const rankings = new RankingService(
      getDb().db,
      clock,
      new LocalCacheBus(),
      pino({ level: 'silent' }),
      60_000,
      'Europe/Sofia',
    );
    await rankings.refresh();
    const l = rankings.lists;
    expect(l.latest.length).toBeGreaterThanOrEqual(8);
    expect(l.mostRead.length).toBeGreaterThanOrEqual(8);
    expect(l.mostReadWindow).toBe('24h');
    expect(l.mostCommented.length).toBeGreaterThanOrEqual(5);
    expect(l.onThisDay.length).toBeGreaterThanOrEqual(3);
  });

  it('is not loaded twice; --reset replaces it', async () => {
    expect(await loadDemoIfEmpty(deps())).toBeNull();
    const again = await loadDemo(deps(), { reset: true });
    expect(again?.articles).toBe(demoArticles.length);
    const n = await getDb()
      .db.selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(demoArticles.length);
  });
});
