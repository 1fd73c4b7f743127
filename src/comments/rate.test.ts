import { beforeAll, expect, it } from 'vitest';
import { SqlRateLimiter } from '../db/rate-limits.js';
import { describeEachDatabase } from '../db/testing.js';
import { checkCommentRate } from './rate.js';

describeEachDatabase('checkCommentRate', (getDb) => {
  // 10:00:20, so the minute's window ends in 40 s.
  const now = Date.UTC(2026, 10, 25, 10, 0, 20);
  const limits = { perReaderPerMinute: 2, perIpPerMinute: 3 };
  let limiter: SqlRateLimiter;

  beforeAll(() => {
    limiter = new SqlRateLimiter(getDb().db);
  });

  it('limits a guest per network address', async () => {
    const guest = { userId: null, ipKey: 'net-1' };
    for (let i = 0; i < 3; i++)
      expect(await checkCommentRate(limiter, guest, limits, now)).toEqual({ allowed: true });
    expect(await checkCommentRate(limiter, guest, limits, now + 10_000)).toEqual({
      allowed: false,
      retryAfterMs: 30_000,
      scope: 'ip',
    });
    expect(await checkCommentRate(limiter, { userId: null, ipKey: 'net-2' }, limits, now)).toEqual({
      allowed: true,
    });
    expect(await checkCommentRate(limiter, guest, limits, now + 60_000)).toEqual({ allowed: true });
  });

  it('limits a signed-in reader on their own, wherever they post from', async () => {
    const at = (ipKey: string) => ({ userId: 7, ipKey });
    expect(await checkCommentRate(limiter, at('net-3'), limits, now)).toEqual({ allowed: true });
    expect(await checkCommentRate(limiter, at('net-4'), limits, now)).toEqual({ allowed: true });
    expect(await checkCommentRate(limiter, at('net-5'), limits, now)).toEqual({
      allowed: false,
      retryAfterMs: 40_000,
      scope: 'reader',
    });
    expect(await limiter.peek('comment:user:7', 60_000, now)).toBe(3);
    expect(await limiter.peek('comment:ip:net-5', 60_000, now)).toBe(1);
  });

  it('counts signed-in readers against their address too', async () => {
    for (const userId of [11, 12, 13]) {
      expect(await checkCommentRate(limiter, { userId, ipKey: 'office' }, limits, now)).toEqual({
        allowed: true,
      });
    }
    expect(await checkCommentRate(limiter, { userId: 14, ipKey: 'office' }, limits, now)).toMatchObject({
      allowed: false,
      scope: 'ip',
    });
    expect(await limiter.peek('comment:user:14', 60_000, now)).toBe(1);
  });

  it('names the reader’s limit when both refuse', async () => {
    const who = { userId: 21, ipKey: 'net-21' };
    const tight = { perReaderPerMinute: 1, perIpPerMinute: 1 };
    await checkCommentRate(limiter, who, tight, now);
    expect(await checkCommentRate(limiter, who, tight, now)).toMatchObject({
      allowed: false,
      scope: 'reader',
    });
  });
});
