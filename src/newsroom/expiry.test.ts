import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import { describeEachDatabase } from '../db/testing.js';
import { type BusEvent, LocalCacheBus } from '../infra/cache-bus.js';
import { BannerStore } from './banner.js';
import { HomeCuration } from './curation.js';
import { ExpiryWatch } from './expiry.js';

describeEachDatabase('announcing what has ended', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  const events: BusEvent[] = [];
  let watch: ExpiryWatch;
  let curation: HomeCuration;
  let banner: BannerStore;
  let article = 0;

  beforeAll(async () => {
    const { db, caps } = getDb();
    const room = await buildNewsroom(db, now);
    article = await buildArticle(db, { categoryId: room.categories.world, publishedAt: now - 60_000 });
    curation = new HomeCuration(db, caps.dialect);
    banner = new BannerStore(db);
    const bus = new LocalCacheBus();
    bus.subscribe((e) => events.push(e));
    watch = new ExpiryWatch(curation, banner, bus, now);
  });

  it('tells the home page when a slot ends and every page when the banner does, once each', async () => {
    await curation.set(0, article, now + 60_000, null, now);
    await banner.save({ text: 'Извънредно: силен вятър', level: 'breaking', expiresAt: now + 90_000 }, now);
    expect(await watch.check(now + 15_000)).toEqual([]);
    expect(await watch.check(now + 60_000)).toEqual(['home']);
    expect(await watch.check(now + 75_000)).toEqual([]);
    expect(await watch.check(now + 120_000)).toEqual(['banner']);
    expect(await watch.check(now + 135_000)).toEqual([]);
    expect(events).toEqual([
      { type: 'invalidate', tags: ['home'] },
      { type: 'invalidate', tags: ['banner'] },
    ]);
  });

  it('catches up on both after a long pause, in one announcement', async () => {
    events.length = 0;
    const at = now + 200_000;
    await curation.set(1, article, at + 10_000, null, at);
    await banner.save({ text: 'Жълт код', level: 'yellow', expiresAt: at + 20_000 }, at);
    expect(await watch.check(at + 3_600_000)).toEqual(['home', 'banner']);
    expect(events).toEqual([{ type: 'invalidate', tags: ['home', 'banner'] }]);
  });
});
