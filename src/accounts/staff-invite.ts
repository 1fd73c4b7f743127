// A staff account made by an admin: no password is typed by anybody but its owner. The account
// gets a password nobody knows and a mailed single-use link (the reset-password kind, valid
// longer) to choose their own; using it also confirms the address.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { Role } from '../db/schema.js';
import { emailTaken, insertUser } from './new-user.js';
import { hashPassword } from './passwords.js';
import { issueToken } from './tokens.js';
import { type EmailError, type NameError, validateDisplayName, validateEmail } from './validate.js';

export type StaffRole = Exclude<Role, 'reader'>;

export const INVITE_ROLES: readonly StaffRole[] = ['contributor', 'author', 'moderator', 'editor', 'admin'];

export function isStaffRole(s: string): s is StaffRole {
  return (INVITE_ROLES as readonly string[]).includes(s);
}

export const INVITE_TOKEN_TTL_MS = 7 * 86_400_000;

export interface InviteInput {
  email: string;
  displayName: string;
  role: string;
}

export type InviteErrors = {
  email?: EmailError | 'email-taken';
  displayName?: NameError;
  role?: 'choice';
};

export type InviteResult =
  | { ok: true; userId: number; email: string; displayName: string; role: StaffRole; token: string }
  /** existingId: the account that already has the address, for a link to it. */
  | { ok: false; errors: InviteErrors; existingId?: number };

export async function createInvitedUser(
  db: Db,
  input: InviteInput,
  passwordCost: number,
  now: number,
): Promise<InviteResult> {
  const errors: InviteErrors = {};
  const email = validateEmail(input.email);
  const name = validateDisplayName(input.displayName);
  if (!email.ok) errors.email = email.error;
  if (!name.ok) errors.displayName = name.error;
  if (!isStaffRole(input.role)) errors.role = 'choice';
  if (!email.ok || !name.ok || !isStaffRole(input.role)) return { ok: false, errors };
  const role = input.role;
  const existing = async () =>
    db.selectFrom('users').select('id').where('email', '=', email.value).executeTakeFirst();
  const found = await existing();
  if (found) return { ok: false, errors: { email: 'email-taken' }, existingId: found.id };
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'), passwordCost);
  try {
    return await db.transaction().execute(async (trx) => {
      const userId = await insertUser(
        trx,
        { email: email.value, displayName: name.value, passwordHash, role, verifiedAt: null },
        now,
      );
      const token = await issueToken(trx, userId, 'reset-password', INVITE_TOKEN_TTL_MS, now);
      return { ok: true as const, userId, email: email.value, displayName: name.value, role, token };
    });
  } catch (err) {
    if (!(await emailTaken(db, email.value))) throw err;
    return { ok: false, errors: { email: 'email-taken' }, existingId: (await existing())?.id };
  }
}

/** A fresh link for a staff account whose invitation expired or got lost. */
export async function reissueInvite(
  db: Db,
  userId: number,
  now: number,
): Promise<{ email: string; displayName: string; role: StaffRole; token: string } | null> {
  const user = await db
    .selectFrom('users')
    .select(['email', 'display_name', 'role'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || !isStaffRole(user.role)) return null;
  const token = await issueToken(db, userId, 'reset-password', INVITE_TOKEN_TTL_MS, now);
  return { email: user.email, displayName: user.display_name, role: user.role, token };
}
