// Creating a user: the checks shared by sign-up and the `vestnik users add` command, and the
// insert, where a lost race for an email address becomes "email-taken" instead of an error.
import type { Db } from '../db/index.js';
import { type PasswordError, validatePassword } from './passwords.js';
import type { Role } from './roles.js';
import { type EmailError, type NameError, validateDisplayName, validateEmail } from './validate.js';

export type AccountField = 'email' | 'displayName' | 'password';
export type AccountFieldError = EmailError | NameError | PasswordError | 'email-taken';
export type AccountErrors = Partial<Record<AccountField, AccountFieldError>>;

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
}

export function checkNewUser(
  input: NewUserInput,
): { ok: true; email: string; displayName: string } | { ok: false; errors: AccountErrors } {
  const errors: AccountErrors = {};
  const email = validateEmail(input.email);
  const name = validateDisplayName(input.displayName);
  if (!email.ok) errors.email = email.error;
  if (!name.ok) errors.displayName = name.error;
  const password = validatePassword(input.password, {
    email: email.ok ? email.value : input.email,
    displayName: name.ok ? name.value : input.displayName,
  });
  if (password) errors.password = password;
  if (!email.ok || !name.ok || password) return { ok: false, errors };
  return { ok: true, email: email.value, displayName: name.value };
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Db,
  user: { email: string; displayName: string; passwordHash: string; role: Role; verifiedAt: number | null },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      email_verified_at: user.verifiedAt,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Runs the creation; if it fails because the address is now taken (two sign-ups racing past
 * the first check), answers 'email-taken'. The unique index is the arbiter, and its error
 * differs between the drivers, so the table is asked instead of the error parsed.
 */
export async function orEmailTaken<T>(
  db: Db,
  email: string,
  create: () => Promise<T>,
): Promise<T | 'email-taken'> {
  try {
    return await create();
  } catch (err) {
    if (await emailTaken(db, email)) return 'email-taken';
    throw err;
  }
}
