// Fixed-window rate limits shared by every process of a site: in the database by default
// (src/db/rate-limits.ts), in Redis when REDIS_URL is set (src/infra/redis-rate-limit.ts).
// Both implementations pass the same test suite.

export interface RateDecision {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** When a refused caller may try again; 0 when allowed. */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** Counts one hit on `key` and says whether it is within `limit` hits per `windowMs`. */
  hit(key: string, limit: number, windowMs: number, now: number): Promise<RateDecision>;
  /** Hits counted in the current window without adding one. */
  peek(key: string, windowMs: number, now: number): Promise<number>;
  /** Forgets the key (a successful log-in clears its failures). */
  reset(key: string, windowMs: number, now: number): Promise<void>;
  /** Drops expired windows; the Redis store lets keys expire by themselves. */
  sweep(now: number): Promise<void>;
  close(): Promise<void>;
}

/** The window a moment falls in: windows are aligned to multiples of their length. */
export function windowStart(windowMs: number, now: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

export function decide(count: number, limit: number, windowMs: number, now: number): RateDecision {
  const allowed = count <= limit;
  return { allowed, count, retryAfterMs: allowed ? 0 : windowStart(windowMs, now) + windowMs - now };
}
