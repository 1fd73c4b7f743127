import { describe, expect, it, vi } from 'vitest';
import { FormTokens } from './form-tokens.js';

describe('form tokens', () => {
  it('accepts its own token for the same purpose only', () => {
    const tokens = new FormTokens('secret-one');
    const t = tokens.create('comment:1');
    expect(tokens.check(t, 'comment:1')).toBe('valid');
    expect(tokens.check(t, 'comment:2')).toBe('invalid');
    expect(new FormTokens('secret-two').check(t, 'comment:1')).toBe('invalid');
    expect(tokens.check('', 'comment:1')).toBe('invalid');
    expect(tokens.check(undefined, 'comment:1')).toBe('invalid');
    expect(tokens.check('x'.repeat(2000), 'comment:1')).toBe('invalid');
  });

  it('reuses a token for a while so cached renders stay identical', () => {
    const tokens = new FormTokens('s');
    expect(tokens.create('comment:1')).toBe(tokens.create('comment:1'));
  });

  it('tells an expired token from a forged one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * 86_400_000);
    const t = new FormTokens('secret').create('comment:1');
    vi.useRealTimers();
    expect(new FormTokens('secret').check(t, 'comment:1')).toBe('expired');
    expect(new FormTokens('other').check(t, 'comment:1')).toBe('invalid');
  });
});
