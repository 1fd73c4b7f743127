// Password hashing with scrypt (OWASP: N=2^17, r=8, p=1) and the rules a new password must meet.
// The stored string names its own parameters, so the cost can rise later: a log-in with an older,
// cheaper hash reports needsRehash and the caller stores a fresh one.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export type PasswordError =
  | 'password-too-short'
  | 'password-too-long'
  | 'password-too-common'
  | 'password-like-email';

export const PASSWORD_LIMITS = { min: 10, max: 128 } as const;

const BLOCK_SIZE = 8;
const PARALLEL = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, costLog2: number, r: number, p: number, keyLength: number) {
  const N = 2 ** costLog2;
  // scrypt needs about 128·N·r bytes; Node's default ceiling (32 MiB) refuses N=2^17.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) => {
    // NFC, so the same password typed on two keyboards that compose letters differently matches.
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, costLog2: number): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, costLog2, BLOCK_SIZE, PARALLEL, KEY_BYTES);
  return [
    'scrypt',
    costLog2,
    BLOCK_SIZE,
    PARALLEL,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

interface StoredHash {
  costLog2: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseStored(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [costLog2, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,2}$/.test(s) ? Number(s) : Number.NaN));
  if (costLog2 === undefined || r === undefined || p === undefined) return null;
  // Bounds keep a corrupt or hostile row from asking for gigabytes of memory.
  if (!(costLog2 >= 1 && costLog2 <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length < 16) return null;
  return { costLog2, r, p, salt, key };
}

export async function verifyPassword(
  password: string,
  stored: string,
  costLog2: number,
): Promise<{ ok: boolean; needsRehash: boolean }> {
  const parsed = parseStored(stored);
  if (!parsed) return { ok: false, needsRehash: false };
  const key = await derive(password, parsed.salt, parsed.costLog2, parsed.r, parsed.p, parsed.key.length);
  const ok = timingSafeEqual(key, parsed.key);
  return { ok, needsRehash: ok && parsed.costLog2 < costLog2 };
}

// The passwords people pick first, Bulgarian keyboards included: the top rows of the phonetic
// (явертъуиоп), BDS (уеишщксдзц) and Russian (йцукенгшщз) layouts, and "парола" in both scripts.
const COMMON = new Set([
  '0123456789',
  '1234567890',
  '12345678910',
  '0987654321',
  '9876543210',
  '1234512345',
  '1122334455',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'qwertyuiop',
  'qwertyuiop1',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'asdfghjkl1',
  'zxcvbnm123',
  'abcdefghij',
  'abc1234567',
  'abcd123456',
  'password12',
  'password123',
  'password1234',
  'passwordpassword',
  'iloveyou12',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'admin12345',
  'administrator',
  'changeme123',
  'parola1234',
  'parola123',
  'parola12345',
  'parolaparola',
  'mojataparola',
  'obichamte',
  'obichamte123',
  'bulgaria123',
  'bulgaria1234',
  'sofia12345',
  'levski1914',
  'cska1948',
  'парола123',
  'парола1234',
  'паролапарола',
  'обичамте123',
  'българия123',
  'йцукенгшщз',
  'йцукенгшщзх',
  'явертъуиоп',
  'уеишщксдзц',
]);

function codePoints(s: string): number {
  return [...s].length;
}

/** Letters and digits only, lower-cased: "Ivan.Petrov" and "ivanpetrov" compare equal. */
function squash(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function looksLike(password: string, context: { email: string; displayName: string }): boolean {
  const p = squash(password);
  const email = context.email.trim().toLowerCase();
  const candidates = [email, email.split('@')[0] ?? '', context.displayName].map(squash);
  // The name or address itself, or it with a few characters tacked on ("ivan.petrov1!").
  return candidates.some((c) => codePoints(c) >= 3 && p.includes(c) && codePoints(p) - codePoints(c) <= 4);
}

export function validatePassword(
  password: string,
  context: { email: string; displayName: string },
): PasswordError | null {
  const length = codePoints(password);
  if (length < PASSWORD_LIMITS.min) return 'password-too-short';
  if (length > PASSWORD_LIMITS.max) return 'password-too-long';
  const lower = password.normalize('NFC').toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size === 1) return 'password-too-common';
  if (looksLike(password, context)) return 'password-like-email';
  return null;
}
