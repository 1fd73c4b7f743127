// The behaviour every RateLimiter must have, as one suite each store runs against itself
// (src/db/rate-limits.test.ts, src/infra/redis-rate-limit.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateLimiter } from './rate-limit.js';

export interface ContractSubject {
  limiter: RateLimiter;
  cleanup(): Promise<void>;
}

const MINUTE = 60_000;
// Mid-window, so that "the window ends in 30 s" is checkable.
const T0 = Date.UTC(2026, 10, 25, 10, 0, 30);

export function rateLimiterContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`RateLimiter contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    let limiter: RateLimiter;
    let run = 0;
    // A store may be shared between tests (one database per suite): each test has its own keys.
    let key: (name: string) => string;

    beforeEach(async () => {
      subject = await make();
      limiter = subject.limiter;
      run++;
      const prefix = `contract-${run}-`;
      key = (k) => `${prefix}${k}`;
    });

    afterEach(async () => {
      await subject?.cleanup();
      subject = undefined;
    });

    it('allows up to the limit, then refuses until the window ends', async () => {
      for (let i = 0; i < 3; i++) {
        const d = await limiter.hit(key('a'), 3, MINUTE, T0 + i);
        expect(d).toEqual({ allowed: true, count: i + 1, retryAfterMs: 0 });
      }
      const refused = await limiter.hit(key('a'), 3, MINUTE, T0 + 10_000);
      expect(refused).toEqual({ allowed: false, count: 4, retryAfterMs: 20_000 });
      expect((await limiter.hit(key('a'), 3, MINUTE, T0 + 29_999)).retryAfterMs).toBe(1);
    });

    it('starts counting again in the next window', async () => {
      for (let i = 0; i < 3; i++) await limiter.hit(key('roll'), 2, MINUTE, T0);
      expect((await limiter.hit(key('roll'), 2, MINUTE, T0)).allowed).toBe(false);
      const next = await limiter.hit(key('roll'), 2, MINUTE, T0 + 30_000);
      expect(next).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
      expect(await limiter.peek(key('roll'), MINUTE, T0 + 30_000)).toBe(1);
    });

    it('keeps keys apart', async () => {
      await limiter.hit(key('x'), 5, MINUTE, T0);
      await limiter.hit(key('x'), 5, MINUTE, T0);
      expect((await limiter.hit(key('y'), 5, MINUTE, T0)).count).toBe(1);
      expect(await limiter.peek(key('x'), MINUTE, T0)).toBe(2);
      expect(await limiter.peek(key('y'), MINUTE, T0)).toBe(1);
    });

    it('peek counts without adding a hit', async () => {
      expect(await limiter.peek(key('p'), MINUTE, T0)).toBe(0);
      await limiter.hit(key('p'), 5, MINUTE, T0);
      expect(await limiter.peek(key('p'), MINUTE, T0)).toBe(1);
      expect(await limiter.peek(key('p'), MINUTE, T0)).toBe(1);
      expect((await limiter.hit(key('p'), 5, MINUTE, T0)).count).toBe(2);
    });

    it('reset forgets the key', async () => {
      for (let i = 0; i < 4; i++) await limiter.hit(key('r'), 3, MINUTE, T0);
      await limiter.reset(key('r'), MINUTE, T0 + 1);
      expect(await limiter.peek(key('r'), MINUTE, T0)).toBe(0);
      expect(await limiter.hit(key('r'), 3, MINUTE, T0 + 2)).toEqual({
        allowed: true,
        count: 1,
        retryAfterMs: 0,
      });
    });

    it('counts 50 concurrent hits on one key exactly', async () => {
      const decisions = await Promise.all(
        Array.from({ length: 50 }, () => limiter.hit(key('burst'), 10, MINUTE, T0)),
      );
      expect(decisions.map((d) => d.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(await limiter.peek(key('burst'), MINUTE, T0)).toBe(50);
    });

    // Real time here: the database store forgets an ended window when swept, Redis when the key's
    // expiry passes, and both must have forgotten it once the window is over and sweep has run.
    it('an ended window is gone after sweep; current windows are kept', async () => {
      const shortMs = 50;
      const start = Date.now();
      // Well inside a window that ends minutes after the sweep, whatever the time now.
      const current = start + 10 * MINUTE;
      await limiter.hit(key('old'), 5, shortMs, start);
      await limiter.hit(key('kept'), 5, MINUTE, current);
      await new Promise((resolve) => setTimeout(resolve, 3 * shortMs));
      const later = Date.now();
      await limiter.sweep(later);
      expect(await limiter.peek(key('old'), shortMs, start)).toBe(0);
      expect(await limiter.peek(key('kept'), MINUTE, current)).toBe(1);
    });
  });
}
