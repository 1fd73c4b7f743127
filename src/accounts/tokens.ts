// One-time links sent by mail (email verification, password reset). Like session tokens, only
// the SHA-256 of the token is stored, so the database alone cannot be used to take an account.
import type { Db } from '../db/index.js';
import type { UserTokenPurpose } from '../db/schema.js';
import { hashToken, isWellFormedToken, newToken } from './sessions.js';

export type TokenProblem = 'invalid' | 'expired' | 'used';

export type TokenCheck =
  | { ok: true; userId: number; tokenHash: string }
  | { ok: false; reason: TokenProblem };

export async function issueToken(
  db: Db,
  userId: number,
  purpose: UserTokenPurpose,
  ttlMs: number,
  now: number,
): Promise<string> {
  // Expired links of this kind are of no further use; used ones are kept to answer "used".
  await db
    .deleteFrom('user_tokens')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '<=', now)
    .execute();
  const token = newToken();
  await db
    .insertInto('user_tokens')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose,
      created_at: now,
      expires_at: now + ttlMs,
      used_at: null,
    })
    .execute();
  return token;
}

/** Whether the token could be used now, without using it. */
export async function checkToken(
  db: Db,
  token: string,
  purpose: UserTokenPurpose,
  now: number,
): Promise<TokenCheck> {
  if (!isWellFormedToken(token)) return { ok: false, reason: 'invalid' };
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('user_tokens')
    .select(['user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.used_at !== null) return { ok: false, reason: 'used' };
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id, tokenHash };
}

/**
 * Uses the token: checks it and marks it used in one conditional update, so two clicks racing
 * each other cannot both succeed. Call inside the transaction that does what the token allows.
 */
export async function consumeToken(
  db: Db,
  token: string,
  purpose: UserTokenPurpose,
  now: number,
): Promise<TokenCheck> {
  const checked = await checkToken(db, token, purpose, now);
  if (!checked.ok) return checked;
  const marked = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', checked.tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(marked.numUpdatedRows) === 1 ? checked : { ok: false, reason: 'used' };
}

/** Spends a user's other unused links of one kind (a new password makes older reset links void). */
export async function spendTokens(
  db: Db,
  userId: number,
  purpose: UserTokenPurpose,
  now: number,
): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
