// Rebuilds the search index from the articles: after an upgrade that changes the stemmer, after
// restoring a backup, or whenever `vestnik reindex` is run. Batches keep memory flat; each batch is
// one transaction, so the site keeps serving (and writing) while a large archive is reindexed.
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import { buildDocs, writeBuiltDocs } from './index-sync.js';
import { refreshRelated } from './related.js';

export interface ReindexResult {
  indexed: number;
  removed: number;
  related: number;
}

export interface ReindexOptions {
  batchSize?: number;
  /**
   * Related lists: 'all' recomputes every article's (one query each, slow on a big archive),
   * 'missing' only those that have none (after an upgrade or a restore), 'none' leaves them.
   */
  related?: 'none' | 'missing' | 'all';
  onProgress?: (indexed: number) => void;
}

export async function reindexAll(db: Db, options: ReindexOptions = {}): Promise<ReindexResult> {
  const batchSize = options.batchSize ?? 500;
  // Documents of articles no longer published (or deleted by hand) go first.
  let removed = 0;
  for (const table of ['search_docs', 'search_texts'] as const) {
    const stale = await db
      .deleteFrom(table)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('articles as a')
              .select('a.id')
              .whereRef('a.id', '=', `${table}.article_id`)
              .where('a.status', '=', 'published'),
          ),
        ),
      )
      .executeTakeFirst();
    if (table === 'search_docs') removed = Number(stale.numDeletedRows);
  }
  let indexed = 0;
  let after = 0;
  const ids: number[] = [];
  // A pipeline: the next batch is read and its documents built here while the database writes the
  // previous one (on PostgreSQL, another process on another core does that work).
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'category_id', 'published_at', 'title', 'lead', 'body_html'])
      .where('status', '=', 'published')
      .where('published_at', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    const built = buildDocs(rows.map((r) => ({ ...r, published_at: Number(r.published_at) })));
    await writing;
    writing = db
      .transaction()
      .execute((trx) => writeBuiltDocs(trx, built))
      .then(() => {
        indexed += rows.length;
        options.onProgress?.(indexed);
      });
    // Awaited on the next turn (or after the loop); until then a failure must not count as unhandled.
    writing.catch(() => {});
    after = rows[rows.length - 1]?.id ?? after;
    if (options.related === 'all') ids.push(...rows.map((r) => r.id));
  }
  await writing;
  // Fresh statistics for the planner: the index may have grown from nothing.
  await (dialectOf(db) === 'postgres'
    ? sql`analyze search_docs, search_texts`
    : sql`pragma optimize`
  ).execute(db);
  if (options.related === 'missing') ids.push(...(await withoutRelated(db)));
  let related = 0;
  for (const id of ids) {
    await db.transaction().execute((trx) => refreshRelated(trx, id));
    related++;
  }
  return { indexed, removed, related };
}

/** Published articles with no related list yet. */
async function withoutRelated(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('search_docs as d')
    .select('d.article_id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('article_related as r')
            .select('r.article_id')
            .whereRef('r.article_id', '=', 'd.article_id'),
        ),
      ),
    )
    .orderBy('d.article_id')
    .execute();
  return rows.map((r) => r.article_id);
}
