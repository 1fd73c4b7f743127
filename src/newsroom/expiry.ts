// Curated slots and the banner end at set times, but the page cache would keep showing them: a
// timer calls check(), which announces on the bus whatever has ended since the previous call.
import type { CacheBus } from '../infra/cache-bus.js';
import type { BannerStore } from './banner.js';
import type { HomeCuration } from './curation.js';

/** Pages showing the curated slots carry this tag (the home page). */
export const HOME_TAG = 'home';
/** Every reading page shows the banner: this tag makes the cache drop them all. */
export const BANNER_TAG = 'banner';

export class ExpiryWatch {
  private last: number;

  constructor(
    private readonly curation: HomeCuration,
    private readonly banner: BannerStore,
    private readonly bus: CacheBus,
    startedAt: number,
  ) {
    this.last = startedAt;
  }

  /** Publishes the invalidations due between the previous check and `now`; returns their tags. */
  async check(now: number): Promise<string[]> {
    const since = this.last;
    if (now <= since) return [];
    const tags: string[] = [];
    const next = await this.curation.nextChange(since);
    if (next !== null && next <= now) tags.push(HOME_TAG);
    const expires = this.banner.get()?.expiresAt ?? null;
    if (expires !== null && expires > since && expires <= now) tags.push(BANNER_TAG);
    this.last = now;
    if (tags.length > 0) this.bus.publish({ type: 'invalidate', tags });
    return tags;
  }
}
