// An admin changing a staff member: their role, their name, and the byline they write under — all
// in one transaction. The site always keeps an admin: the last one cannot be demoted, and nobody
// changes their own role (so no admin can lock themselves out by a slip of the mouse).
import { countAdmins, lockAdmins } from '../accounts/admin-lock.js';
import { can, isRole, type Role } from '../accounts/roles.js';
import { type NameError, validateDisplayName } from '../accounts/validate.js';
import type { Db } from '../db/index.js';
import { authorIdForUser } from './bylines.js';

export interface Byline {
  name: string;
  title: string;
  bio: string;
}

export interface StaffChange {
  role: string;
  displayName: string;
  /** Saved only when the (new) role writes articles; null leaves the byline alone. */
  byline: Byline | null;
}

export type BylineProblem = 'required' | 'too-short' | 'too-long';

export interface StaffChangeErrors {
  role?: 'choice';
  displayName?: NameError;
  bylineName?: BylineProblem;
  bylineTitle?: BylineProblem;
  bylineBio?: BylineProblem;
}

export type StaffChangeResult =
  | { ok: true; before: Role; after: Role; authorId: number | null }
  | { ok: false; reason: 'not-found' | 'own-role' | 'last-admin' }
  | { ok: false; reason: 'invalid'; errors: StaffChangeErrors };

export const BYLINE_LIMITS = { name: 80, title: 80, bio: 1000 } as const;

/** Roles that write articles have a byline. */
export const writesArticles = (role: Role) => can(role, 'articles.write');

const oneLine = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const length = (s: string) => [...s].length;

function checkByline(b: Byline, errors: StaffChangeErrors): Byline {
  const name = oneLine(b.name);
  const title = oneLine(b.title);
  const bio = b.bio.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (name === '') errors.bylineName = 'required';
  else if (length(name) < 2) errors.bylineName = 'too-short';
  else if (length(name) > BYLINE_LIMITS.name) errors.bylineName = 'too-long';
  if (length(title) > BYLINE_LIMITS.title) errors.bylineTitle = 'too-long';
  if (length(bio) > BYLINE_LIMITS.bio) errors.bylineBio = 'too-long';
  return { name, title, bio };
}

export async function bylineOf(
  db: Db,
  userId: number,
): Promise<(Byline & { id: number; slug: string }) | null> {
  const row = await db
    .selectFrom('authors')
    .select(['id', 'slug', 'name', 'title', 'bio'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

export async function changeStaffMember(
  db: Db,
  actorId: number,
  userId: number,
  change: StaffChange,
  now: number,
): Promise<StaffChangeResult> {
  const errors: StaffChangeErrors = {};
  const role = change.role;
  if (!isRole(role)) errors.role = 'choice';
  const name = validateDisplayName(change.displayName);
  if (!name.ok) errors.displayName = name.error;
  const byline = change.byline ? checkByline(change.byline, errors) : null;
  if (!isRole(role) || !name.ok || Object.keys(errors).length > 0)
    return { ok: false, reason: 'invalid', errors };

  return db.transaction().execute(async (trx): Promise<StaffChangeResult> => {
    const user = await trx.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'not-found' };
    const before = user.role;
    if (before !== role) {
      if (userId === actorId) return { ok: false, reason: 'own-role' };
      if (before === 'admin') {
        // Under the lock, so two admins demoting each other at once cannot leave none.
        await lockAdmins(trx);
        if ((await countAdmins(trx, userId)) === 0) return { ok: false, reason: 'last-admin' };
      }
    }
    await trx
      .updateTable('users')
      .set({ role, display_name: name.value, updated_at: now })
      .where('id', '=', userId)
      .execute();
    let authorId: number | null = null;
    if (byline && writesArticles(role)) {
      authorId = await authorIdForUser(trx, { id: userId, displayName: byline.name }, now);
      await trx
        .updateTable('authors')
        .set({ name: byline.name, title: byline.title, bio: byline.bio })
        .where('id', '=', authorId)
        .execute();
    }
    return { ok: true, before, after: role, authorId };
  });
}
