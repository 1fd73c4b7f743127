import { describe, expect, it } from 'vitest';
import { shadowBanCheck } from './shadow-ban.js';
import { context, submission } from './testing.js';

describe('shadowBanCheck', () => {
  it('rejects every comment of a shadow-banned author, however harmless', () => {
    const ctx = context({ history: { shadowBanned: true, approved: 100 } });
    expect(shadowBanCheck(submission('Благодаря за статията.'), ctx)).toEqual({
      status: 'rejected',
      reason: 'shadow-banned',
      detail: null,
    });
  });

  it('lets anyone else through', () => {
    expect(shadowBanCheck(submission('Благодаря за статията.'), context())).toBeNull();
  });
});
