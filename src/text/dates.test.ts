import { afterEach, describe, expect, it } from 'vitest';
import {
  dayRange,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatRelative,
  formatTime,
  formatWeekdayDate,
  localParts,
  monthName,
  monthNameTitle,
  monthRange,
  parseYmd,
  yearRange,
  zonedTimeToEpoch,
} from './dates.js';

const SOFIA = 'Europe/Sofia';
const HOUR = 3_600_000;
const MINUTE = 60_000;
// 26 November 2015, 16:05 in Sofia (EET, UTC+2).
const SEED = Date.UTC(2015, 10, 26, 14, 5);

describe('formatting', () => {
  it('formats the seed date in Bulgarian', () => {
    expect(formatDateTime(SEED, 'bg', SOFIA)).toBe('26 ноември 2015 г., 16:05');
    expect(formatDate(SEED, 'bg', SOFIA)).toBe('26 ноември 2015 г.');
    expect(formatDayMonth(SEED, 'bg', SOFIA)).toBe('26 ноември');
    expect(formatTime(SEED, 'bg', SOFIA)).toBe('16:05');
    expect(formatWeekdayDate(SEED, 'bg', SOFIA)).toBe('четвъртък, 26 ноември 2015 г.');
  });

  it('formats the seed date in English', () => {
    expect(formatDateTime(SEED, 'en', SOFIA)).toBe('26 November 2015, 16:05');
    expect(formatDate(SEED, 'en', SOFIA)).toBe('26 November 2015');
    expect(formatDayMonth(SEED, 'en', SOFIA)).toBe('26 November');
    expect(formatTime(SEED, 'en', SOFIA)).toBe('16:05');
    expect(formatWeekdayDate(SEED, 'en', SOFIA)).toBe('Thursday, 26 November 2015');
  });

  it('accepts Date and defaults to Sofia', () => {
    expect(formatDateTime(new Date(SEED), 'bg')).toBe('26 ноември 2015 г., 16:05');
  });

  it('pads hours and uses the given zone', () => {
    const morning = Date.UTC(2025, 0, 1, 7, 3);
    expect(formatDateTime(morning, 'bg', SOFIA)).toBe('1 януари 2025 г., 09:03');
    expect(formatDateTime(morning, 'bg', 'UTC')).toBe('1 януари 2025 г., 07:03');
    expect(formatTime(Date.UTC(2025, 0, 1, 22, 0), 'bg', SOFIA)).toBe('00:00');
  });

  it('names months', () => {
    expect(monthName(11, 'bg')).toBe('ноември');
    expect(monthNameTitle(11, 'bg')).toBe('Ноември');
    expect(monthName(1, 'en')).toBe('January');
    expect(monthNameTitle(7, 'bg')).toBe('Юли');
    expect(() => monthName(13, 'bg')).toThrow(RangeError);
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2025, 5, 18, 9, 0); // 12:00 in Sofia (EEST)

  it('uses relative words', () => {
    expect(formatRelative(now - 30_000, now, 'bg')).toBe('току-що');
    expect(formatRelative(now - 30_000, now, 'en')).toBe('just now');
    expect(formatRelative(now - 5 * MINUTE, now, 'bg')).toBe('преди 5 минути');
    expect(formatRelative(now - 1 * MINUTE, now, 'bg')).toBe('преди 1 минута');
    expect(formatRelative(now - 3 * HOUR - 20 * MINUTE, now, 'bg')).toBe('преди 3 часа');
    expect(formatRelative(now - 26 * HOUR, now, 'bg')).toBe('вчера');
    expect(formatRelative(now - 26 * HOUR, now, 'en')).toBe('yesterday');
    expect(formatRelative(now - 4 * 24 * HOUR, now, 'bg')).toBe('преди 4 дни');
    expect(formatRelative(new Date(now - 5 * MINUTE), new Date(now), 'en')).toBe('5 minutes ago');
  });

  it('counts calendar days in the zone', () => {
    const thursday = Date.UTC(2025, 5, 18, 21, 30); // 00:30 Thursday in Sofia
    const tuesday = Date.UTC(2025, 5, 17, 20, 30); // 23:30 Tuesday in Sofia, 25 hours earlier
    expect(formatRelative(tuesday, thursday, 'bg', SOFIA)).toBe('онзи ден');
    expect(formatRelative(tuesday, thursday, 'bg', 'UTC')).toBe('вчера');
  });

  it('falls back to the date beyond 7 days', () => {
    expect(formatRelative(now - 7 * 24 * HOUR, now, 'bg')).toBe('преди 7 дни');
    expect(formatRelative(now - 8 * 24 * HOUR, now, 'bg')).toBe('10 юни 2025 г.');
  });
});

describe('zones and ranges', () => {
  it('gives local parts', () => {
    expect(localParts(SEED, SOFIA)).toEqual({
      year: 2015,
      month: 11,
      day: 26,
      hour: 16,
      minute: 5,
      ymd: '2015-11-26',
      md: '11-26',
    });
    expect(localParts(Date.UTC(2024, 11, 31, 22, 30), SOFIA).ymd).toBe('2025-01-01');
    expect(localParts(Date.UTC(2024, 11, 31, 22, 30), 'UTC').ymd).toBe('2024-12-31');
  });

  it('round-trips wall times', () => {
    for (const t of [SEED, Date.UTC(2025, 6, 1, 5, 59), Date.UTC(2024, 1, 29, 23, 0)]) {
      for (const tz of [SOFIA, 'America/New_York', 'Asia/Kolkata', 'UTC']) {
        const p = localParts(t, tz);
        expect(zonedTimeToEpoch(p.year, p.month, p.day, p.hour, p.minute, tz)).toBe(t);
      }
    }
  });

  it('has a 23-hour day in spring (30 March 2025)', () => {
    const [start, end] = dayRange('2025-03-30', SOFIA);
    expect(start).toBe(Date.UTC(2025, 2, 29, 22, 0));
    expect(end).toBe(Date.UTC(2025, 2, 30, 21, 0));
    expect(end - start).toBe(23 * HOUR);
  });

  it('has a 25-hour day in autumn (26 October 2025)', () => {
    const [start, end] = dayRange('2025-10-26', SOFIA);
    expect(start).toBe(Date.UTC(2025, 9, 25, 21, 0));
    expect(end).toBe(Date.UTC(2025, 9, 26, 22, 0));
    expect(end - start).toBe(25 * HOUR);
  });

  it('moves a nonexistent spring time forward', () => {
    // 03:30 does not exist on 30 March 2025 in Sofia; 04:30 EEST is 01:30 UTC.
    expect(zonedTimeToEpoch(2025, 3, 30, 3, 30, SOFIA)).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(zonedTimeToEpoch(2025, 3, 30, 4, 0, SOFIA)).toBe(Date.UTC(2025, 2, 30, 1, 0));
  });

  it('takes the first of an ambiguous autumn time', () => {
    // 03:30 happens twice on 26 October 2025: first in EEST (00:30 UTC), then in EET (01:30 UTC).
    expect(zonedTimeToEpoch(2025, 10, 26, 3, 30, SOFIA)).toBe(Date.UTC(2025, 9, 26, 0, 30));
    expect(zonedTimeToEpoch(2025, 10, 26, 4, 0, SOFIA)).toBe(Date.UTC(2025, 9, 26, 2, 0));
  });

  it('computes month and year ranges', () => {
    expect(monthRange(2025, 3, SOFIA)).toEqual([Date.UTC(2025, 1, 28, 22), Date.UTC(2025, 2, 31, 21)]);
    expect(monthRange(2025, 12, SOFIA)).toEqual([Date.UTC(2025, 10, 30, 22), Date.UTC(2025, 11, 31, 22)]);
    expect(yearRange(2025, SOFIA)).toEqual([Date.UTC(2024, 11, 31, 22), Date.UTC(2025, 11, 31, 22)]);
    expect(yearRange(2025, 'UTC')).toEqual([Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)]);
  });

  it('throws on a bad day', () => {
    expect(() => dayRange('2025-02-30', SOFIA)).toThrow(RangeError);
  });
});

describe('parseYmd', () => {
  it('accepts real dates', () => {
    expect(parseYmd('2025-02-28')).toEqual({ year: 2025, month: 2, day: 28 });
    expect(parseYmd('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseYmd('1900-01-01')).toEqual({ year: 1900, month: 1, day: 1 });
  });

  it('rejects everything else', () => {
    for (const s of [
      '2025-02-30',
      '2023-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '1899-12-31',
      '3000-01-01',
      '2025-1-01',
      '2025-01-1',
      ' 2025-01-01',
      '2025-01-01T00:00',
      '２０２５-01-01',
      '',
      'abcd-ef-gh',
    ]) {
      expect(parseYmd(s), s).toBeNull();
    }
  });
});

describe('process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('does not change results', () => {
    const run = (): unknown[] => [
      formatDateTime(SEED, 'bg', SOFIA),
      localParts(SEED, SOFIA),
      dayRange('2025-03-30', SOFIA),
      dayRange('2025-10-26', SOFIA),
      zonedTimeToEpoch(2025, 10, 26, 3, 30, SOFIA),
      formatRelative(Date.UTC(2025, 5, 17, 20, 30), Date.UTC(2025, 5, 18, 21, 30), 'bg', SOFIA),
    ];
    const expected = run();
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = tz;
      expect(run()).toEqual(expected);
    }
  });
});
