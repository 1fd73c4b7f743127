// The database store for rate limits: one row per key and window, counted by an upsert so
// concurrent hits from several processes add up exactly.
import type { RateDecision, RateLimiter } from '../infra/rate-limit.js';
import { decide, windowStart } from '../infra/rate-limit.js';
import type { Db } from './index.js';

export class SqlRateLimiter implements RateLimiter {
  constructor(private readonly db: Db) {}

  private rowKey(key: string, windowMs: number, now: number): string {
    return `${key}@${windowStart(windowMs, now)}`;
  }

  async hit(key: string, limit: number, windowMs: number, now: number): Promise<RateDecision> {
    const row = await this.db
      .insertInto('rate_limits')
      .values({
        key: this.rowKey(key, windowMs, now),
        count: 1,
        updated_at: now,
        expires_at: windowStart(windowMs, now) + windowMs,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          count: eb('rate_limits.count', '+', 1),
          updated_at: now,
        })),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return decide(row.count, limit, windowMs, now);
  }

  async peek(key: string, windowMs: number, now: number): Promise<number> {
    const row = await this.db
      .selectFrom('rate_limits')
      .select('count')
      .where('key', '=', this.rowKey(key, windowMs, now))
      .executeTakeFirst();
    return row?.count ?? 0;
  }

  async reset(key: string, windowMs: number, now: number): Promise<void> {
    await this.db
      .deleteFrom('rate_limits')
      .where('key', '=', this.rowKey(key, windowMs, now))
      .execute();
  }

  async sweep(now: number): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('expires_at', '<=', now).execute();
  }

  async close(): Promise<void> {}
}
