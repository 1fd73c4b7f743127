// How fast comments may come: per network address always, and per account for signed-in readers,
// so that neither a shared office address nor a reader with many addresses slips through.
import type { RateLimiter } from '../infra/rate-limit.js';

const MINUTE_MS = 60_000;

export interface CommentRateLimits {
  perReaderPerMinute: number;
  perIpPerMinute: number;
}

export type CommentRateResult =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; scope: 'reader' | 'ip' };

/**
 * Counts one comment against both limits; both are counted even when one refuses, so that a
 * poster who keeps trying stays refused. When both refuse, the reader's own limit is named.
 */
export async function checkCommentRate(
  limiter: RateLimiter,
  who: { userId: number | null; ipKey: string },
  limits: CommentRateLimits,
  now: number,
): Promise<CommentRateResult> {
  const [reader, ip] = await Promise.all([
    who.userId === null
      ? null
      : limiter.hit(`comment:user:${who.userId}`, limits.perReaderPerMinute, MINUTE_MS, now),
    limiter.hit(`comment:ip:${who.ipKey}`, limits.perIpPerMinute, MINUTE_MS, now),
  ]);
  if (reader && !reader.allowed)
    return { allowed: false, retryAfterMs: reader.retryAfterMs, scope: 'reader' };
  if (!ip.allowed) return { allowed: false, retryAfterMs: ip.retryAfterMs, scope: 'ip' };
  return { allowed: true };
}
