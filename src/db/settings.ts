// Small key-value settings shared by every process that uses the database.
import { randomBytes } from 'node:crypto';
import type { Db } from './index.js';

/** Returns the stored secret under `key`, creating it the first time (race-safe). */
export async function getOrCreateSecret(db: Db, key: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.value;
}
