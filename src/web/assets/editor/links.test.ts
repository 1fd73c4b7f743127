import { describe, expect, it } from 'vitest';
import { isAllowedHref, normalizeHref } from './links.js';

describe('link addresses', () => {
  it.each([
    'https://www.dnevnik.bg/politika/2026/01/02/statia',
    'http://example.org',
    'mailto:redakcia@example.bg',
    'MAILTO:redakcia@example.bg',
    '/politika/izbori-2026',
    '#komentari',
  ])('accepts %s', (href) => {
    expect(isAllowedHref(href)).toBe(true);
    expect(normalizeHref(href)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:msgbox',
    '//evil.example/x',
    'ftp://files.example.org',
    'https://example.org/a b',
    '',
  ])('refuses %s', (href) => {
    expect(isAllowedHref(href)).toBe(false);
    expect(normalizeHref(href)).toBeNull();
  });

  it('completes addresses typed without a scheme', () => {
    expect(normalizeHref(' dnevnik.bg/politika ')).toBe('https://dnevnik.bg/politika');
    expect(normalizeHref('www.parliament.bg')).toBe('https://www.parliament.bg');
    expect(normalizeHref('пример.бг/новини')).toBe('https://пример.бг/новини');
    expect(normalizeHref('localhost:8080/x')).toBeNull();
    expect(normalizeHref('redakcia@example.bg')).toBe('mailto:redakcia@example.bg');
    expect(normalizeHref('просто текст')).toBeNull();
  });
});
