// Dates in the site's time zone, never the process's: everything goes through Intl with an explicit timeZone.

import type { Locale } from './locale.js';

export type Instant = number | Date;

export const DEFAULT_TIME_ZONE = 'Europe/Sofia';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// en-GB gives the day-month-year order and 24-hour clock the site uses in English too.
const INTL_LOCALE: Record<Locale, string> = { bg: 'bg', en: 'en-GB' };

// Building an Intl formatter is costly; a site uses a handful of (locale, zone, shape) combinations.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

function toMs(t: Instant): number {
  return typeof t === 'number' ? t : t.getTime();
}

type PartMap = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

// Pages show the same few hundred timestamps over and over (the sidebar lists on every page):
// formatted strings are remembered per minute, which is the finest unit any format shows.
const partsMemo = new Map<string, PartMap>();
const MEMO_LIMIT = 20_000;

function parts(t: Instant, locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): PartMap {
  const ms = toMs(t);
  const key = `${Math.floor(ms / MINUTE)}|${locale}|${timeZone}|${optionsKey(options)}`;
  const known = partsMemo.get(key);
  if (known) return known;
  const map: PartMap = {};
  for (const p of formatter(INTL_LOCALE[locale], timeZone, options).formatToParts(ms)) map[p.type] = p.value;
  if (partsMemo.size >= MEMO_LIMIT) partsMemo.clear();
  partsMemo.set(key, map);
  return map;
}

const optionKeys = new WeakMap<Intl.DateTimeFormatOptions, string>();

function optionsKey(options: Intl.DateTimeFormatOptions): string {
  let key = optionKeys.get(options);
  if (key === undefined) {
    key = JSON.stringify(options);
    optionKeys.set(options, key);
  }
  return key;
}

const DATE_OPTS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const TIME_OPTS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE_TIME_OPTS: Intl.DateTimeFormatOptions = { ...DATE_OPTS, ...TIME_OPTS };
const DAY_MONTH_OPTS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };
const WEEKDAY_DATE_OPTS: Intl.DateTimeFormatOptions = { ...DATE_OPTS, weekday: 'long' };

// Assembled from parts rather than dateStyle so " г." and the comma are fixed across ICU versions
// (ICU's bg date-time pattern uses " г. в " instead of the newsroom's " г., ").
function datePart(p: PartMap, locale: Locale): string {
  return locale === 'bg' ? `${p.day} ${p.month} ${p.year} г.` : `${p.day} ${p.month} ${p.year}`;
}

/** "26 ноември 2015 г., 16:05" / "26 November 2015, 16:05" */
export function formatDateTime(t: Instant, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(t, locale, timeZone, DATE_TIME_OPTS);
  return `${datePart(p, locale)}, ${p.hour}:${p.minute}`;
}

/** "26 ноември 2015 г." / "26 November 2015" */
export function formatDate(t: Instant, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return datePart(parts(t, locale, timeZone, DATE_OPTS), locale);
}

/** "26 ноември" / "26 November" */
export function formatDayMonth(t: Instant, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(t, locale, timeZone, DAY_MONTH_OPTS);
  return `${p.day} ${p.month}`;
}

/** "16:05" (24-hour, both locales) */
export function formatTime(t: Instant, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(t, locale, timeZone, TIME_OPTS);
  return `${p.hour}:${p.minute}`;
}

/** "четвъртък, 26 ноември 2015 г." / "Thursday, 26 November 2015" */
export function formatWeekdayDate(t: Instant, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(t, locale, timeZone, WEEKDAY_DATE_OPTS);
  return `${p.weekday}, ${datePart(p, locale)}`;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 'YYYY-MM-DD' */
  ymd: string;
  /** 'MM-DD', for "on this day" lookups */
  md: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

const NUMERIC_OPTS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
};

function numericParts(ms: number, timeZone: string): [number, number, number, number, number, number] {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter('en-US', timeZone, NUMERIC_OPTS).formatToParts(ms)) {
    if (p.type !== 'literal') values[p.type] = Number(p.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = values;
  return [year, month, day, hour, minute, second];
}

/** Wall-clock fields of an instant in the given zone. */
export function localParts(t: Instant, timeZone = DEFAULT_TIME_ZONE): LocalParts {
  const ms = toMs(t);
  const key = `${Math.floor(ms / MINUTE)}|${timeZone}`;
  const known = localMemo.get(key);
  if (known) return known;
  const [year, month, day, hour, minute] = numericParts(ms, timeZone);
  const md = `${pad2(month)}-${pad2(day)}`;
  const result: LocalParts = Object.freeze({
    year,
    month,
    day,
    hour,
    minute,
    ymd: `${pad4(year)}-${md}`,
    md,
  });
  if (localMemo.size >= MEMO_LIMIT) localMemo.clear();
  localMemo.set(key, result);
  return result;
}

// Same reasoning as partsMemo: the fields are per minute, and the same instants recur.
const localMemo = new Map<string, LocalParts>();

/** UTC offset of the zone at an instant, in ms (Sofia: +2 h or +3 h). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const [y, mo, d, h, mi, s] = numericParts(whole, timeZone);
  return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
}

/**
 * The instant at which the wall clock in timeZone shows the given time. A time skipped by the spring
 * change is moved forward by the gap (03:30 → 04:30 in Sofia); an autumn time that occurs twice
 * resolves to the first occurrence. Same as Temporal's 'compatible' disambiguation.
 */
export function zonedTimeToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone = DEFAULT_TIME_ZONE,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day either side cover any single transition near this wall time.
  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((candidate) => candidate + offsetAt(candidate, timeZone) === asUtc);
  if (valid.length > 0) return Math.min(...valid);
  // In the gap: read the wall time with the pre-transition offset, which lands after the jump.
  return asUtc - before;
}

/** Strict 'YYYY-MM-DD' with a real calendar date and a year in 1900–2999. */
export function parseYmd(s: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/** [start, end) of a local calendar day; 23 or 25 hours long on DST days. Throws on a bad date. */
export function dayRange(ymd: string, timeZone = DEFAULT_TIME_ZONE): [number, number] {
  const d = parseYmd(ymd);
  if (!d) throw new RangeError(`Invalid date: ${ymd}`);
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return [
    zonedTimeToEpoch(d.year, d.month, d.day, 0, 0, timeZone),
    zonedTimeToEpoch(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, timeZone),
  ];
}

/** [start, end) of a local calendar month (month 1–12). */
export function monthRange(year: number, month: number, timeZone = DEFAULT_TIME_ZONE): [number, number] {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return [
    zonedTimeToEpoch(year, month, 1, 0, 0, timeZone),
    zonedTimeToEpoch(nextYear, nextMonth, 1, 0, 0, timeZone),
  ];
}

/** [start, end) of a local calendar year. */
export function yearRange(year: number, timeZone = DEFAULT_TIME_ZONE): [number, number] {
  return [zonedTimeToEpoch(year, 1, 1, 0, 0, timeZone), zonedTimeToEpoch(year + 1, 1, 1, 0, 0, timeZone)];
}

/** "ноември" (nominative, lower-case in bg) / "November". */
export function monthName(month: number, locale: Locale): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  return formatter(INTL_LOCALE[locale], 'UTC', { month: 'long' }).format(Date.UTC(2000, month - 1, 15));
}

/** "Ноември" — for headings and archive navigation. */
export function monthNameTitle(month: number, locale: Locale): string {
  const name = monthName(month, locale);
  return name.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + name.slice(1);
}

const relativeFormatters = new Map<Locale, Intl.RelativeTimeFormat>();

function relative(locale: Locale): Intl.RelativeTimeFormat {
  let f = relativeFormatters.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(INTL_LOCALE[locale], { numeric: 'auto' });
    relativeFormatters.set(locale, f);
  }
  return f;
}

function localDayNumber(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY;
}

/**
 * "току-що", "преди 5 минути", "преди 3 часа", "вчера", "преди 4 дни"; beyond 7 days the plain date.
 * Past a day, days are counted as calendar days in timeZone: 23:30 on Monday seen at 00:30 on Wednesday
 * (25 hours later) is "онзи ден", not "вчера".
 */
export function formatRelative(
  t: Instant,
  now: Instant,
  locale: Locale,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const ms = toMs(t);
  const nowMs = toMs(now);
  const diff = nowMs - ms;
  const abs = Math.abs(diff);
  const sign = diff >= 0 ? -1 : 1;
  if (abs < MINUTE) return locale === 'bg' ? 'току-що' : 'just now';
  if (abs < HOUR) return relative(locale).format(sign * Math.floor(abs / MINUTE), 'minute');
  const days = Math.abs(localDayNumber(nowMs, timeZone) - localDayNumber(ms, timeZone));
  if (abs < DAY || days === 0) return relative(locale).format(sign * Math.floor(abs / HOUR), 'hour');
  if (days <= 7) return relative(locale).format(sign * days, 'day');
  return formatDate(ms, locale, timeZone);
}
