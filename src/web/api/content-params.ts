// Reading the Content API's query parameters beyond what the schemas check: dates, the section,
// topic and author named by slug, `fields`, cursors. Each problem is a 400 naming the parameter.
import { withDescendants } from '../../content/categories.js';
import { findAuthorBySlug, findTagBySlug } from '../../content/people.js';
import { dayRange, parseYmd } from '../../text/dates.js';
import type { ApiMessages } from '../i18n/api.js';
import type { ApiDeps } from './auth.js';
import { type CursorKind, decodeCursor } from './cursor.js';
import { ApiError } from './errors.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

const bad = (message: string, field: string) => new ApiError(400, 'invalid-request', message, field);

/**
 * An instant from a date ("2026-11-25": its first moment in the site's time zone, or with
 * edge 'end' the first moment of the next day) or a date-time with an offset ('end': the
 * millisecond after it, so an upper bound given as a time includes that time).
 */
export function parseApiDate(
  value: string,
  edge: 'start' | 'end',
  timeZone: string,
  field: string,
  t: ApiMessages,
): number {
  if (parseYmd(value)) return dayRange(value, timeZone)[edge === 'start' ? 0 : 1];
  const m = DATE_TIME.exec(value);
  const hour = Number(m?.[2]);
  const minute = Number(m?.[3]);
  const second = Number(m?.[4] ?? 0);
  const offsetOk = m?.[6] === 'Z' || (Number(m?.[7]) <= 14 && Number(m?.[8]) < 60);
  if (!m || !parseYmd(m[1] as string) || hour > 23 || minute > 59 || second > 59 || !offsetOk)
    throw bad(t.badDate(field), field);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw bad(t.badDate(field), field);
  return edge === 'start' ? ms : ms + 1;
}

export interface SlugFilters {
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
}

/** category / tag / author by slug (NFC, as stored); an unknown one is a 400 naming it. */
export async function resolveSlugFilters(
  deps: ApiDeps,
  query: { category?: string; tag?: string; author?: string },
  t: ApiMessages,
): Promise<SlugFilters> {
  const out: SlugFilters = {};
  if (query.category !== undefined) {
    const slug = query.category.normalize('NFC');
    const category = deps.categories.bySlug(slug);
    if (!category) throw bad(t.unknownCategory(slug), 'category');
    out.categoryIds = withDescendants(deps.categories.all, category.id);
  }
  if (query.tag !== undefined) {
    const slug = query.tag.normalize('NFC');
    const tag = await findTagBySlug(deps.db, slug);
    if (!tag) throw bad(t.unknownTag(slug), 'tag');
    out.tagId = tag.id;
  }
  if (query.author !== undefined) {
    const slug = query.author.normalize('NFC');
    const author = await findAuthorBySlug(deps.db, slug);
    if (!author) throw bad(t.unknownAuthor(slug), 'author');
    out.authorId = author.id;
  }
  return out;
}

/** [start, end) from two date parameters; start must come before end. */
export function dateRange(
  deps: ApiDeps,
  query: Record<string, unknown>,
  names: [string, string],
  t: ApiMessages,
): { from?: number; to?: number } {
  const [fromName, toName] = names;
  const tz = deps.config.timeZone;
  const fromRaw = query[fromName] as string | undefined;
  const toRaw = query[toName] as string | undefined;
  const from = fromRaw === undefined ? undefined : parseApiDate(fromRaw, 'start', tz, fromName, t);
  const to = toRaw === undefined ? undefined : parseApiDate(toRaw, 'end', tz, toName, t);
  if (from !== undefined && to !== undefined && from >= to) throw bad(t.badRange(fromName, toName), toName);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** `fields=a,b,c` checked against the known names; absent means the defaults. */
export function parseFields<F extends string>(
  raw: string | undefined,
  known: readonly F[],
  defaults: readonly F[],
  t: ApiMessages,
): F[] {
  if (raw === undefined) return [...defaults];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !(known as readonly string[]).includes(n));
  if (unknown.length > 0) throw bad(t.badFields(unknown.join(', ')), 'fields');
  if (names.length === 0) throw bad(t.badField('fields'), 'fields');
  return [...new Set(names as F[])];
}

/** The numbers inside `cursor`, or null for the first page; a cursor we did not make is a 400. */
export function parseCursor(kind: CursorKind, raw: string | undefined, t: ApiMessages): number[] | null {
  if (raw === undefined) return null;
  const values = decodeCursor(kind, raw);
  if (!values) throw bad(t.badCursor, 'cursor');
  return values;
}

/** 'true' / 'false' (the schema lets nothing else through) as a boolean. */
export const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
