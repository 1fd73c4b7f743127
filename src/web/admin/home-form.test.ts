import { describe, expect, it } from 'vitest';
import { localInputs, readLocalDateTime } from './home-form.js';

const TZ = 'Europe/Sofia';
const now = Date.UTC(2026, 2, 28, 12, 0); // Saturday before the spring change, 14:00 in Sofia

describe('reading date and time fields in Sofia time', () => {
  it('is null when both are empty, an error when only the date is given', () => {
    expect(readLocalDateTime('', '  ', TZ, now)).toEqual({ ok: true, value: null });
    expect(readLocalDateTime('2026-03-29', '', TZ, now)).toEqual({ ok: false, error: 'time-needed' });
  });

  it('reads winter and summer time', () => {
    expect(readLocalDateTime('2026-01-15', '18:30', TZ, now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 0, 15, 16, 30),
    });
    expect(readLocalDateTime('2026-07-15', '18:30', TZ, now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 6, 15, 15, 30),
    });
  });

  it('takes a time alone as today in Sofia', () => {
    // 01:30 UTC on the 28th is 03:30 in Sofia; "23:00" means that evening.
    expect(readLocalDateTime('', '23:00', TZ, Date.UTC(2026, 2, 27, 23, 30))).toEqual({
      ok: true,
      value: Date.UTC(2026, 2, 28, 21, 0),
    });
  });

  it('moves a time skipped by the spring change forward, and takes the first of a repeated autumn hour', () => {
    // 29 March 2026: 03:00 becomes 04:00.
    expect(readLocalDateTime('2026-03-29', '02:59', TZ, now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 2, 29, 0, 59),
    });
    expect(readLocalDateTime('2026-03-29', '03:30', TZ, now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 2, 29, 1, 30),
    });
    expect(readLocalDateTime('2026-03-29', '04:00', TZ, now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 2, 29, 1, 0),
    });
    // 25 October 2026: 04:00 becomes 03:00 again; 03:30 happens twice.
    expect(readLocalDateTime('2026-10-25', '03:30', TZ, now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 9, 25, 0, 30),
    });
    expect(readLocalDateTime('2026-10-25', '04:30', TZ, now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 9, 25, 2, 30),
    });
  });

  it('refuses what is not a date or a time', () => {
    for (const date of ['2026-02-30', '26-03-29', '2026/03/29', 'утре'])
      expect(readLocalDateTime(date, '10:00', TZ, now), date).toEqual({ ok: false, error: 'bad-date' });
    for (const time of ['24:00', '9:5', '10:60', 'обед', '10:00 PM'])
      expect(readLocalDateTime('2026-04-01', time, TZ, now), time).toEqual({ ok: false, error: 'bad-time' });
    expect(readLocalDateTime('2026-04-01', '10:00:30', TZ, now)).toMatchObject({ ok: true });
  });

  it('fills the inputs back from an instant', () => {
    expect(localInputs(null, TZ)).toEqual({ date: '', time: '' });
    expect(localInputs(Date.UTC(2026, 9, 25, 0, 30), TZ)).toEqual({ date: '2026-10-25', time: '03:30' });
    expect(localInputs(Date.UTC(2026, 0, 1, 22, 5), TZ)).toEqual({ date: '2026-01-02', time: '00:05' });
  });
});
