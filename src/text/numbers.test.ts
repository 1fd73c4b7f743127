import { describe, expect, it } from 'vitest';
import { formatNumber, plural } from './numbers.js';

const NBSP = '\u00A0';

describe('formatNumber', () => {
  it('groups with U+00A0 in bg', () => {
    expect(formatNumber(1234567, 'bg')).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(12345, 'bg')).toBe(`12${NBSP}345`);
    expect(formatNumber(1234567.891, 'bg')).toBe(`1${NBSP}234${NBSP}567,891`);
  });

  it('leaves four-digit numbers ungrouped in bg', () => {
    expect(formatNumber(1234, 'bg')).toBe('1234');
    expect(formatNumber(999, 'bg')).toBe('999');
  });

  it('uses commas in en', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});

describe('plural', () => {
  const comments = { one: 'коментар', other: 'коментара' };

  it('picks bg forms', () => {
    expect(plural(1, comments, 'bg')).toBe('1 коментар');
    expect(plural(5, comments, 'bg')).toBe('5 коментара');
    expect(plural(0, comments, 'bg')).toBe('0 коментара');
    expect(plural(21, comments, 'bg')).toBe('21 коментара');
    expect(plural(12345, comments, 'bg')).toBe(`12${NBSP}345 коментара`);
  });

  it('picks en forms', () => {
    const en = { one: 'comment', other: 'comments' };
    expect(plural(1, en, 'en')).toBe('1 comment');
    expect(plural(2, en, 'en')).toBe('2 comments');
    expect(plural(1000, en, 'en')).toBe('1,000 comments');
  });
});
