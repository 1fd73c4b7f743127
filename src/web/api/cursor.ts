// Opaque paging cursors: base64url of "<kind>:<n>.<n>…". Opaque so clients pass them back as
// given; strictly read (the exact encoding, the kind of list, whole numbers in range) so a cursor
// edited by hand, cut short or taken from another list is a 400, never a silently wrong page.
// Nothing secret is inside: it only says where the previous page ended.

export type CursorKind = 'articles' | 'tags' | 'authors' | 'search';

const ARITY: Record<CursorKind, number> = { articles: 2, tags: 1, authors: 1, search: 1 };
/** Epoch ms and ids fit in 15 digits with room to spare, and stay exact in a double. */
const NUMBER = /^(0|[1-9][0-9]{0,14})$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeCursor(kind: CursorKind, values: number[]): string {
  return Buffer.from(`${kind}:${values.join('.')}`, 'utf8').toString('base64url');
}

/** The numbers inside a cursor of this kind, or null when it is not one we made. */
export function decodeCursor(kind: CursorKind, raw: string): number[] | null {
  if (!BASE64URL.test(raw)) return null;
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  if (!text.startsWith(prefix)) return null;
  const parts = text.slice(prefix.length).split('.');
  if (parts.length !== ARITY[kind] || !parts.every((p) => NUMBER.test(p))) return null;
  const values = parts.map(Number);
  // Only the one canonical spelling: no padding, no trailing bits, no other bytes.
  return encodeCursor(kind, values) === raw ? values : null;
}
