// The first-run setup: the site's first admin, made from a web form that exists only while no
// account is an admin. Two people sending the form at once get one admin between them.
import type { Db } from '../db/index.js';
import { hasAdmin, lockAdmins } from './admin-lock.js';
import { type AccountErrors, checkNewUser, emailTaken, insertUser, type NewUserInput } from './new-user.js';
import { hashPassword } from './passwords.js';

export type FirstAdminResult =
  | { ok: true; userId: number }
  | { ok: false; reason: 'has-admin' }
  | { ok: false; reason: 'invalid'; errors: AccountErrors };

export async function createFirstAdmin(
  db: Db,
  input: NewUserInput,
  passwordCost: number,
  now: number,
): Promise<FirstAdminResult> {
  const checked = checkNewUser(input);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  // Refused before the costly hash when the question is already settled.
  if (await hasAdmin(db)) return { ok: false, reason: 'has-admin' };
  const { email, displayName } = checked;
  const passwordHash = await hashPassword(input.password, passwordCost);
  const taken: FirstAdminResult = { ok: false, reason: 'invalid', errors: { email: 'email-taken' } };
  try {
    return await db.transaction().execute(async (trx): Promise<FirstAdminResult> => {
      // "No admin yet" is asked again under the lock: the answer above may be stale by now.
      await lockAdmins(trx);
      if (await hasAdmin(trx)) return { ok: false, reason: 'has-admin' };
      if (await emailTaken(trx, email)) return taken;
      const userId = await insertUser(
        trx,
        { email, displayName, passwordHash, role: 'admin', verifiedAt: now },
        now,
      );
      return { ok: true, userId };
    });
  } catch (err) {
    // A reader signing up with the same address at the same moment: the unique index decided.
    if (await emailTaken(db, email)) return taken;
    throw err;
  }
}
