// The Redis store for rate limits: the same fixed windows as the database store, one key per key
// and window (`${prefix}${key}@${windowStart}`), counted with INCR so hits from every process add up
// exactly, and left to expire by themselves when their window ends.
import { Redis } from 'ioredis';
import type { RateDecision, RateLimiter } from './rate-limit.js';
import { decide, windowStart } from './rate-limit.js';

export interface RedisRateLimiterOptions {
  /**
   * Whether close() quits the connection. False (the default) for a connection the caller shares
   * with other parts of the site and closes itself; connect() sets it for the one it opens.
   */
  ownsConnection?: boolean;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly ownsConnection: boolean;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    options: RedisRateLimiterOptions = {},
  ) {
    this.ownsConnection = options.ownsConnection ?? false;
  }

  /** A limiter on a connection of its own, which close() quits. */
  static connect(url: string, prefix: string): RedisRateLimiter {
    return new RedisRateLimiter(new Redis(url), prefix, { ownsConnection: true });
  }

  private windowKey(key: string, windowMs: number, now: number): string {
    return `${this.prefix}${key}@${windowStart(windowMs, now)}`;
  }

  async hit(key: string, limit: number, windowMs: number, now: number): Promise<RateDecision> {
    const windowKey = this.windowKey(key, windowMs, now);
    // The expiry is relative, from `now` to the window's end: the caller's clock decides the window,
    // and Redis only has to forget it afterwards. Set on every hit, in the same MULTI, so that a
    // counter can never be left without one.
    const ttl = windowStart(windowMs, now) + windowMs - now;
    const replies = await this.redis.multi().incr(windowKey).pexpire(windowKey, ttl).exec();
    const [incrError, count] = replies?.[0] ?? [new Error('MULTI was discarded'), null];
    if (incrError) throw incrError;
    return decide(Number(count), limit, windowMs, now);
  }

  async peek(key: string, windowMs: number, now: number): Promise<number> {
    const value = await this.redis.get(this.windowKey(key, windowMs, now));
    return value === null ? 0 : Number(value);
  }

  async reset(key: string, windowMs: number, now: number): Promise<void> {
    await this.redis.del(this.windowKey(key, windowMs, now));
  }

  /** Nothing to do: every key expires when its window ends. */
  async sweep(_now: number): Promise<void> {}

  async close(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit();
  }
}
