// Reading the home page's forms: slot numbers, article ids, and date + time fields typed in the
// site's time zone. Malformed fields are a BadRequest; wrong but well-formed ones are reported
// next to their field by the page.
import { isSlot } from '../../newsroom/curation.js';
import { localParts, parseYmd, zonedTimeToEpoch } from '../../text/dates.js';
import type { Messages } from '../i18n.js';
import { BadRequest } from './guard.js';
import { type Fields, isId, one } from './params.js';

export type TimeError = 'bad-date' | 'bad-time' | 'time-needed';

const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9])?$/;

/**
 * A wall-clock date and time in `timeZone` as an instant; both empty is null (no end). A time
 * alone means today there. Daylight-saving edges resolve as Temporal's 'compatible' does: a time
 * skipped in spring moves forward by the gap, a repeated autumn time is its first occurrence.
 */
export function readLocalDateTime(
  date: string,
  time: string,
  timeZone: string,
  now: number,
): { ok: true; value: number | null } | { ok: false; error: TimeError } {
  const d = date.trim();
  const t = time.trim();
  if (d === '' && t === '') return { ok: true, value: null };
  if (t === '') return { ok: false, error: 'time-needed' };
  const ymd = parseYmd(d === '' ? localParts(now, timeZone).ymd : d);
  if (!ymd) return { ok: false, error: 'bad-date' };
  const m = TIME.exec(t);
  if (!m) return { ok: false, error: 'bad-time' };
  return {
    ok: true,
    value: zonedTimeToEpoch(ymd.year, ymd.month, ymd.day, Number(m[1]), Number(m[2]), timeZone),
  };
}

/** The date and time inputs' values for an instant (empty for none). */
export function localInputs(t: number | null, timeZone: string): { date: string; time: string } {
  if (t === null) return { date: '', time: '' };
  const p = localParts(t, timeZone);
  return { date: p.ymd, time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` };
}

/** A slot number (0 the lead … MAX_TOP); undefined when absent. */
export function slotField(fields: Fields | undefined, t: Messages): number | undefined {
  const raw = one(fields, 'slot', t);
  if (raw === undefined) return undefined;
  if (!/^[0-9]{1,2}$/.test(raw) || !isSlot(Number(raw))) throw new BadRequest(t.cur.badSlot);
  return Number(raw);
}

export function articleIdField(fields: Fields | undefined, t: Messages): number {
  const raw = one(fields, 'article_id', t) ?? '';
  if (!isId(raw)) throw new BadRequest(t.cur.badArticleId);
  return Number(raw);
}

/** A text field, '' when absent; longer than `max` is malformed (the form's maxlength is lower). */
export function textField(fields: Fields | undefined, name: string, max: number, t: Messages): string {
  const raw = one(fields, name, t) ?? '';
  if (raw.length > max) throw new BadRequest(t.desk.badParam(name));
  return raw;
}
