// Reading the staff pages' query strings and form fields. Anything malformed is a BadRequest with
// a message for the 400 page; nothing unchecked reaches the domain.
import { DESK_QUEUES, type DeskAction, type DeskQueue } from '../../comments/desk.js';
import type { Messages } from '../i18n.js';
import { urls } from '../site/urls.js';
import { BadRequest } from './guard.js';

export type Fields = Record<string, unknown>;

export const DESK_ACTIONS: readonly DeskAction[] = [
  'approve',
  'reject',
  'feature',
  'unfeature',
  'dismiss-reports',
];

export function isDeskAction(s: string): s is DeskAction {
  return (DESK_ACTIONS as readonly string[]).includes(s);
}

/** One value of a field; a repeated field is malformed. */
export function one(fields: Fields | undefined, name: string, t: Messages): string | undefined {
  const value = fields?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadRequest(t.desk.badParam(name));
  return value;
}

/** Every value of a field that may repeat (checkboxes). */
export function many(fields: Fields | undefined, name: string, t: Messages): string[] {
  const value = fields?.[name];
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v): v is string => typeof v === 'string')) throw new BadRequest(t.desk.badParam(name));
  return values;
}

const ID = /^[1-9][0-9]{0,9}$/;

export function isId(s: string): boolean {
  return ID.test(s) && Number(s) <= 2_147_483_647;
}

/** A positive id, or undefined when the field is absent. */
export function optionalId(fields: Fields | undefined, name: string, t: Messages, message: string) {
  const raw = one(fields, name, t);
  if (raw === undefined) return undefined;
  if (!isId(raw)) throw new BadRequest(message);
  return Number(raw);
}

export function pageOf(fields: Fields | undefined, t: Messages): number {
  const raw = one(fields, 'page', t);
  if (raw === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw new BadRequest(t.badPage);
  return Number(raw);
}

export function queueOf(fields: Fields | undefined, t: Messages): DeskQueue {
  const raw = one(fields, 'queue', t) ?? 'pending';
  if (!(DESK_QUEUES as readonly string[]).includes(raw)) throw new BadRequest(t.desk.badQueue);
  return raw as DeskQueue;
}

export const SEARCH_MAX = 200;

export function searchOf(fields: Fields | undefined, t: Messages): string {
  const raw = (one(fields, 'q', t) ?? '').trim();
  if ([...raw].length > SEARCH_MAX) throw new BadRequest(t.desk.badSearch);
  return raw;
}

export interface DeskView {
  queue: DeskQueue;
  page?: number;
  search?: string;
  articleId?: number;
}

export function deskUrl(v: DeskView): string {
  const q = new URLSearchParams({ queue: v.queue });
  if (v.search) q.set('q', v.search);
  if (v.articleId !== undefined) q.set('article', String(v.articleId));
  if (v.page !== undefined && v.page > 1) q.set('page', String(v.page));
  return `${urls.moderation()}?${q}`;
}

const NOTICE_PARAMS = ['done', 'n', 'expired'];

/**
 * Where a desk form goes back to: a page of the desk itself, never another site or another part
 * of this one. Returns the path and query, without any earlier notice.
 */
export function returnTo(raw: string | undefined, t: Messages): string {
  if (raw === undefined || raw === '') return `${urls.moderation()}?queue=pending`;
  if (!raw.startsWith('/') || raw.length > 2000) throw new BadRequest(t.desk.badReturn);
  let url: URL;
  try {
    url = new URL(raw, 'http://desk.invalid');
  } catch {
    throw new BadRequest(t.desk.badReturn);
  }
  if (url.origin !== 'http://desk.invalid' || url.pathname !== urls.moderation() || url.hash !== '')
    throw new BadRequest(t.desk.badReturn);
  for (const name of NOTICE_PARAMS) url.searchParams.delete(name);
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The same page with a notice to show. */
export function withNotice(path: string, notice: Record<string, string>): string {
  const q = path.indexOf('?');
  const params = new URLSearchParams(q === -1 ? '' : path.slice(q + 1));
  for (const name of NOTICE_PARAMS) params.delete(name);
  for (const [k, v] of Object.entries(notice)) params.set(k, v);
  return `${q === -1 ? path : path.slice(0, q)}?${params}`;
}
