// Checks an account's email and display name. Errors are codes; the web layer words them.
import { COMMENT_LIMITS, cleanName } from '../comments/validate.js';

export type EmailError = 'email-required' | 'email-invalid' | 'email-too-long';
export type NameError = 'name-required' | 'name-too-short' | 'name-too-long';

export const EMAIL_MAX = 254;

// Pragmatic, not RFC 5322: what real mailboxes look like, letters of any script included
// (иван@пример.бг). No quotes, spaces or brackets, so an address can never break a mail header.
const LOCAL = String.raw`[\p{L}\p{N}_%+'\-]+(?:\.[\p{L}\p{N}_%+'\-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;
const TLD = String.raw`(?:\p{L}{2,63}|xn--[a-z0-9\-]{1,59})`;
const EMAIL = new RegExp(`^${LOCAL}@(?:${LABEL}\\.)+${TLD}$`, 'u');

export function validateEmail(raw: string): { ok: true; value: string } | { ok: false; error: EmailError } {
  const email = raw.normalize('NFC').trim().toLowerCase();
  if (email === '') return { ok: false, error: 'email-required' };
  if ([...email].length > EMAIL_MAX) return { ok: false, error: 'email-too-long' };
  const local = email.slice(0, email.lastIndexOf('@'));
  if (!EMAIL.test(email) || [...local].length > 64) return { ok: false, error: 'email-invalid' };
  return { ok: true, value: email };
}

export function validateDisplayName(
  raw: string,
): { ok: true; value: string } | { ok: false; error: NameError } {
  const name = cleanName(raw);
  const length = [...name].length;
  if (name === '') return { ok: false, error: 'name-required' };
  if (length < COMMENT_LIMITS.nameMin) return { ok: false, error: 'name-too-short' };
  if (length > COMMENT_LIMITS.nameMax) return { ok: false, error: 'name-too-long' };
  return { ok: true, value: name };
}
