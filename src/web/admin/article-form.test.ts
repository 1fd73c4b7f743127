import { describe, expect, it } from 'vitest';
import { localInputValue, parseLocalDateTime } from './article-form.js';

const TZ = 'Europe/Sofia';

describe('publication times typed in Sofia time', () => {
  it('reads winter and summer times with the right offset, seconds optional', () => {
    expect(parseLocalDateTime('2026-11-25T14:30', TZ)).toBe(Date.UTC(2026, 10, 25, 12, 30));
    expect(parseLocalDateTime('2026-07-01 09:05:30', TZ)).toBe(Date.UTC(2026, 6, 1, 6, 5, 30));
    expect(parseLocalDateTime('', TZ)).toBeNull();
  });

  it('moves a time skipped by the spring change forward and takes the first of a doubled autumn time', () => {
    expect(parseLocalDateTime('2026-03-29T03:30', TZ)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(parseLocalDateTime('2026-10-25T03:30', TZ)).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it('refuses what is not a real time', () => {
    for (const bad of [
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-11-25T24:00',
      '25.11.2026 14:30',
      '2026-11-25T14:30:61',
      'утре',
    ])
      expect(parseLocalDateTime(bad, TZ), bad).toBe('bad');
  });

  it('writes an instant back as the field value', () => {
    expect(localInputValue(Date.UTC(2026, 10, 25, 12, 30), TZ)).toBe('2026-11-25T14:30');
  });
});
