// Which database a Kysely instance (or a transaction of it) talks to, for the few queries that must
// differ: full-text search above all. Asking the adapter lets code inside a transaction know it
// without the caller passing the capability flags down.
import { PostgresAdapter } from 'kysely';
import type { Db } from './index.js';

export function dialectOf(db: Db): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
