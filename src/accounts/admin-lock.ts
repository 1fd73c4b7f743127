// Who holds the admin role is decided one transaction at a time: the first-run setup ("no admin
// yet") and every role change ("not the last admin") read the admins and then write, and two such
// transactions running side by side could each read the old state and together break the rule.
import type { Db } from '../db/index.js';

const LOCK_KEY = 'lock.admins';

/**
 * Takes the admins' lock for the rest of the caller's transaction. It is an upsert of one row of
 * `settings`, chosen over pg_advisory_xact_lock because the same statement works on both
 * databases: on PostgreSQL a second transaction blocks on the row (or on the first one's
 * uncommitted insert of it) until the first commits, and then, under READ COMMITTED, its next
 * query sees what the first wrote; on SQLite the write makes the transaction the file's single
 * writer at once (other processes wait for it through busy_timeout), and inside one process
 * Kysely's one connection runs transactions one after another anyway.
 */
export async function lockAdmins(trx: Db): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key: LOCK_KEY, value: '' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: '' }))
    .execute();
}

/** How many accounts have the admin role, leaving one account out of the count if asked. */
export async function countAdmins(db: Db, except?: number): Promise<number> {
  let query = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'admin');
  if (except !== undefined) query = query.where('id', '!=', except);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether any account is an admin: the scan stops at the first, usually among the first accounts made. */
export async function hasAdmin(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
