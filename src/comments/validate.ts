// Checks a reader's comment before anything is written. Errors are codes; the web layer
// turns them into the reader's language.

export const COMMENT_LIMITS = { nameMin: 2, nameMax: 60, bodyMin: 2, bodyMax: 3000 } as const;

export type CommentFieldError =
  | 'name-required'
  | 'name-too-short'
  | 'name-too-long'
  | 'body-required'
  | 'body-too-short'
  | 'body-too-long';

export interface CleanComment {
  name: string;
  body: string;
}

// Control characters other than tab and newline never belong in a comment.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

function length(s: string): number {
  return [...s].length;
}

export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

export function cleanBody(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

export function validateComment(
  rawName: string,
  rawBody: string,
):
  | { ok: true; value: CleanComment }
  | { ok: false; errors: Partial<Record<'name' | 'body', CommentFieldError>> } {
  const name = cleanName(rawName);
  const body = cleanBody(rawBody);
  const errors: Partial<Record<'name' | 'body', CommentFieldError>> = {};
  if (name === '') errors.name = 'name-required';
  else if (length(name) < COMMENT_LIMITS.nameMin) errors.name = 'name-too-short';
  else if (length(name) > COMMENT_LIMITS.nameMax) errors.name = 'name-too-long';
  if (body === '') errors.body = 'body-required';
  else if (length(body) < COMMENT_LIMITS.bodyMin) errors.body = 'body-too-short';
  else if (length(body) > COMMENT_LIMITS.bodyMax) errors.body = 'body-too-long';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { name, body } };
}
