import { describe, expect, it } from 'vitest';
import { validateDisplayName, validateEmail } from './validate.js';

describe('validateEmail', () => {
  it.each([
    ['  Ivan.Petrov@Example.BG ', 'ivan.petrov@example.bg'],
    ['maria+vestnik@mail.bg', 'maria+vestnik@mail.bg'],
    ['Иван@Пример.бг', 'иван@пример.бг'],
    ['o.brien@sub.domain.co.uk', 'o.brien@sub.domain.co.uk'],
    ['user@xn--90ae.xn--j1amh', 'user@xn--90ae.xn--j1amh'],
  ])('accepts %j as %j', (raw, value) => {
    expect(validateEmail(raw)).toEqual({ ok: true, value });
  });

  it.each([
    'ivan',
    'ivan@',
    '@example.bg',
    'ivan@example',
    'ivan petrov@example.bg',
    'ivan@@example.bg',
    'ivan..petrov@example.bg',
    '.ivan@example.bg',
    'ivan@-example.bg',
    'a@b.bg\r\nBcc: x@y.bg',
    '"ivan"@example.bg',
    `${'a'.repeat(65)}@example.bg`,
  ])('refuses %j', (raw) => {
    expect(validateEmail(raw)).toEqual({ ok: false, error: 'email-invalid' });
  });

  it('tells empty and too long apart', () => {
    expect(validateEmail('   ')).toEqual({ ok: false, error: 'email-required' });
    expect(validateEmail(`ivan@${'a'.repeat(250)}.bg`)).toEqual({ ok: false, error: 'email-too-long' });
  });
});

describe('validateDisplayName', () => {
  it('cleans control characters and collapses whitespace', () => {
    expect(validateDisplayName('  Мария \u200B\n  Иванова\u0007 ')).toEqual({
      ok: true,
      value: 'Мария Иванова',
    });
  });

  it('counts code points: 2 to 60', () => {
    expect(validateDisplayName('')).toEqual({ ok: false, error: 'name-required' });
    expect(validateDisplayName(' \u200B ')).toEqual({ ok: false, error: 'name-required' });
    expect(validateDisplayName('Я')).toEqual({ ok: false, error: 'name-too-short' });
    expect(validateDisplayName('Ян')).toEqual({ ok: true, value: 'Ян' });
    expect(validateDisplayName('🦊'.repeat(60))).toEqual({ ok: true, value: '🦊'.repeat(60) });
    expect(validateDisplayName('ж'.repeat(61))).toEqual({ ok: false, error: 'name-too-long' });
  });
});
