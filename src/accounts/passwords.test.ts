import { describe, expect, it } from 'vitest';
import { hashPassword, validatePassword, verifyPassword } from './passwords.js';

describe('hashPassword and verifyPassword', () => {
  it('uses the OWASP parameters at the production cost, and verifies', async () => {
    const stored = await hashPassword('лятна-ваканция-2026', 17);
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('лятна-ваканция-2026', stored, 17)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword('лятна-ваканция-2027', stored, 17)).toEqual({
      ok: false,
      needsRehash: false,
    });
  });

  it('salts every hash and asks for a rehash when the cost has risen', async () => {
    const a = await hashPassword('сиво-небе-над-витоша', 10);
    const b = await hashPassword('сиво-небе-над-витоша', 10);
    expect(a).not.toBe(b);
    expect(await verifyPassword('сиво-небе-над-витоша', a, 12)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword('грешна-парола-123', a, 12)).toEqual({ ok: false, needsRehash: false });
  });

  it('matches the same letters composed differently (NFC)', async () => {
    const composed = 'йод-и-ѝ-12345';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const stored = await hashPassword(composed, 10);
    expect((await verifyPassword(decomposed, stored, 10)).ok).toBe(true);
  });

  it.each([
    '',
    'bcrypt$2b$10$abc',
    'scrypt$17$8$1$abc',
    'scrypt$30$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'scrypt$x$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ])('refuses a malformed stored hash %j without throwing', async (stored) => {
    expect(await verifyPassword('каквото-и-да-е-1', stored, 10)).toEqual({ ok: false, needsRehash: false });
  });
});

describe('validatePassword', () => {
  const who = { email: 'ivan.petrov@example.bg', displayName: 'Иван Петров' };

  it('accepts a long, uncommon password', () => {
    expect(validatePassword('зелен чай с мед', who)).toBeNull();
    expect(validatePassword('correct horse battery', who)).toBeNull();
  });

  it('counts code points, not UTF-16 units', () => {
    expect(validatePassword('🦊🦊🦊🦊🦊🦊🦊🦊🦊', who)).toBe('password-too-short');
    expect(validatePassword('🦊🐻🦊🐻🦊🐻🦊🐻🦊🐻', who)).toBeNull();
    expect(validatePassword('ж'.repeat(64) + 'щ'.repeat(64), who)).toBeNull();
    expect(validatePassword('ж'.repeat(65) + 'щ'.repeat(64), who)).toBe('password-too-long');
  });

  it.each([
    'parola123',
    'Parola1234',
    '1234567890',
    'qwertyuiop',
    'йцукенгшщз',
    'ЯВЕРТЪУИОП',
    'aaaaaaaaaaaa',
  ])('refuses the common password %s', (pw) => {
    expect(validatePassword(pw, who)).toBe(pw.length < 10 ? 'password-too-short' : 'password-too-common');
  });

  it('refuses the address, its local part or the name, with a little added', () => {
    expect(validatePassword('ivan.petrov@example.bg', who)).toBe('password-like-email');
    expect(validatePassword('Ivan.Petrov1!', who)).toBe('password-like-email');
    expect(validatePassword('иван петров 2026', who)).toBe('password-like-email');
    expect(validatePassword('ivan.petrov-obicha-morето', who)).toBeNull();
  });
});
