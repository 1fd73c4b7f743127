import { rateLimiterContract } from '../infra/rate-limit.contract.js';
import { SqlRateLimiter } from './rate-limits.js';
import { describeEachDatabase } from './testing.js';

describeEachDatabase('SqlRateLimiter', (getDb) => {
  rateLimiterContract('SQL', async () => ({
    limiter: new SqlRateLimiter(getDb().db),
    cleanup: async () => {},
  }));
});
