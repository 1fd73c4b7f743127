// Runs against a real Redis named by VESTNIK_TEST_REDIS_URL, under a key prefix of its own that it
// deletes afterwards, so it can share a Redis with anything else.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimiterContract } from './rate-limit.contract.js';
import { RedisRateLimiter } from './redis-rate-limit.js';

const url = process.env.VESTNIK_TEST_REDIS_URL;
const prefix = `vestnik-test:${randomBytes(6).toString('hex')}:`;

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

if (!url) {
  console.warn(
    '\n!!! VESTNIK_TEST_REDIS_URL is not set: the Redis rate limiter tests are SKIPPED.\n' +
      '!!! Set it (e.g. redis://127.0.0.1:6379) to run them; CI always does.\n',
  );
  describe.skip('RedisRateLimiter [VESTNIK_TEST_REDIS_URL not set]', () => {
    it('needs Redis', () => {});
  });
} else {
  const redisUrl = url;

  describe('RedisRateLimiter', () => {
    let admin: Redis;

    beforeAll(() => {
      admin = new Redis(redisUrl);
    });

    afterAll(async () => {
      await deleteKeys(admin, `${prefix}*`);
      await admin.quit();
    });

    rateLimiterContract('Redis', async () => {
      const limiter = RedisRateLimiter.connect(redisUrl, prefix);
      return {
        limiter,
        async cleanup() {
          await limiter.close();
        },
      };
    });

    it('stores one key per window under the prefix, expiring at the window end', async () => {
      const limiter = new RedisRateLimiter(admin, prefix);
      const now = Date.UTC(2026, 10, 25, 10, 0, 15);
      await limiter.hit('login:ivan', 5, 60_000, now);
      const key = `${prefix}login:ivan@${Date.UTC(2026, 10, 25, 10, 0)}`;
      expect(await admin.get(key)).toBe('1');
      const ttl = await admin.pttl(key);
      expect(ttl).toBeGreaterThan(44_000);
      expect(ttl).toBeLessThanOrEqual(45_000);
    });

    it('close() leaves a borrowed connection open and quits its own', async () => {
      const borrowed = new RedisRateLimiter(admin, prefix);
      await borrowed.close();
      expect(await admin.ping()).toBe('PONG');

      const own = RedisRateLimiter.connect(redisUrl, prefix);
      await own.hit('own', 5, 60_000, Date.now());
      await own.close();
      await expect(own.peek('own', 60_000, Date.now())).rejects.toThrow();
    });
  });
}
