import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, retryAfterMs, verdictOf } from './retry.js';

const now = Date.UTC(2026, 10, 25, 10, 0);
const middle = () => 0.5;

describe('webhook retries', () => {
  it('delivers on 2xx, retries 408, 429, 5xx, timeouts and network errors, gives up on other 4xx and 3xx', () => {
    const answer = (status: number) => verdictOf({ kind: 'answer', status, retryAfter: null });
    expect([200, 201, 204, 299].map(answer)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect([408, 429, 500, 502, 503].map(answer)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([400, 401, 403, 404, 410, 301, 302].map(answer)).toEqual(Array(7).fill('final'));
    expect(verdictOf({ kind: 'timeout' })).toBe('retry');
    expect(verdictOf({ kind: 'network' })).toBe('retry');
  });

  it('waits 30 s, 2 min, 10 min, 1 h, 6 h, then stops after six attempts', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => (nextAttemptAt(n, now, null, middle) ?? 0) - now);
    expect(delays).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAt(6, now, null, middle)).toBeNull();
  });

  it('jitters each delay by at most a fifth', () => {
    expect((nextAttemptAt(1, now, null, () => 0) ?? 0) - now).toBe(24_000);
    expect((nextAttemptAt(1, now, null, () => 0.999_999) ?? 0) - now).toBe(36_000);
  });

  it('honours Retry-After when longer, up to six hours', () => {
    expect((nextAttemptAt(1, now, 300_000, middle) ?? 0) - now).toBe(300_000);
    expect((nextAttemptAt(1, now, 5_000, middle) ?? 0) - now).toBe(30_000);
    expect((nextAttemptAt(1, now, 86_400_000, middle) ?? 0) - now).toBe(21_600_000);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(retryAfterMs(new Date(now - 90_000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
