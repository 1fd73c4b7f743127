import { describe, expect, it } from 'vitest';
import { context, submission } from './testing.js';
import { isTrusted, trustedCheck } from './trusted.js';

describe('trusted', () => {
  const settings = { trustAfterApproved: 5 };
  const body = submission('Благодаря за подробния материал.', { userId: 7, email: null });

  it('trusts an author with enough approved comments and no recent rejection', () => {
    const ctx = context({ settings, history: { approved: 5, rejected: 2, recentRejected: 0 } });
    expect(isTrusted(body, ctx.history, ctx.settings)).toBe(true);
    expect(trustedCheck(body, ctx)).toEqual({ status: 'approved', reason: 'trusted', detail: null });
  });

  it('does not trust fewer approved comments', () => {
    expect(trustedCheck(body, context({ settings, history: { approved: 4 } }))).toBeNull();
  });

  it('never trusts a guest, whose email anyone could type', () => {
    const guest = submission('Благодаря за подробния материал.');
    expect(trustedCheck(guest, context({ settings, history: { approved: 50 } }))).toBeNull();
  });

  it('does not trust an author rejected in the last 30 days', () => {
    expect(
      trustedCheck(body, context({ settings, history: { approved: 50, recentRejected: 1 } })),
    ).toBeNull();
  });
});
