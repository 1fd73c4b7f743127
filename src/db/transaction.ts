// Writes that belong together run in one transaction. A step that opens its own (saving an
// article, a workflow transition) joins the caller's when it is handed one, so an import can make
// several such steps all-or-nothing without the steps knowing about it.
import type { Db } from './index.js';

export function inTransaction<T>(db: Db, run: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
