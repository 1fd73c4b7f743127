// Full-text search over published articles: one query against FTS5 or the GIN index, filters,
// paging, and a relevance order both databases agree on. Snippets are cut in the app (snippets.ts)
// for the page of hits only.
import { type SqlBool, sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import { fts5Match, scoreExpression } from './matching.js';
import { matchingDocs as base } from './search-base.js';
import { newestDocId, searchPostgres } from './search-postgres.js';
import type { SearchPage, SearchRequest } from './search-types.js';

export type { SearchFilters, SearchHit, SearchPage, SearchRequest, SearchSort } from './search-types.js';

/** Counting every match of a common word costs more than the page itself; nobody pages that far. */
export const COUNT_CAP = 1000;

/**
 * Runs a search; an empty query with filters lists the filtered articles newest first. When more
 * than COUNT_CAP articles match, relevance ranks the newest COUNT_CAP of them (by id): scoring a common
 * word's tens of thousands of matches would cost a pass over all of them per page, and a reader
 * of news wants the recent ones among equals anyway. Both databases apply the same rule.
 */
export async function searchArticles(db: Db, request: SearchRequest): Promise<SearchPage> {
  if (dialectOf(db) !== 'postgres') return runSearch(db, request);
  // PostgreSQL does not count the cost of unpacking each row's tsvector, and picks sequential or
  // date-index scans that read the whole table; the GIN index is always the better road here.
  const planned = async (trx: Db) => {
    // Before the settings below: with plain index scans off, max() would read the whole table.
    const newestId = request.query.parts.length > 0 ? await newestDocId(trx) : 0;
    // One statement for the three settings. JIT is off too: disabled scans make plans look costly
    // enough to compile, which takes ~80 ms for a query that runs in 3.
    await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
      set_config('jit', 'off', true)`.execute(trx);
    return request.query.parts.length > 0
      ? searchPostgres(trx, request, { cap: COUNT_CAP, newestId })
      : runSearch(trx, request);
  };
  return db.isTransaction ? planned(db) : db.transaction().execute(planned);
}

async function runSearch(db: Db, request: SearchRequest): Promise<SearchPage> {
  const { query, filters, sort, offset, limit } = request;
  const mode = request.mode ?? 'all';
  // Without filters SQLite can count and window in FTS5 itself, which streams its matches by
  // rowid instead of collecting them all first.
  const ftsOnly = dialectOf(db) === 'sqlite' && query.parts.length > 0 && Object.keys(filters).length === 0;
  const match = ftsOnly ? fts5Match(query, mode) : '';
  const counted = ftsOnly
    ? await sql<{ n: number }>`select count(*) as n from (select 1 from search_fts
        where search_fts match ${match} limit ${COUNT_CAP + 1})`.execute(db)
    : await sql<{ n: number }>`select count(*) as n from (${base(db, query, filters, mode)
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)}) as m`.execute(db);
  const n = Number(counted.rows[0]?.n ?? 0);
  const ranked = sort === 'relevance' && query.parts.length > 0;
  const score = scoreExpression(query, dialectOf(db));
  let hitsQuery = base(db, query, filters, mode).select(['d.article_id', score.as('score')]);
  if (ranked && n > COUNT_CAP) {
    // The newest by id: ids grow as articles are written, and both databases read them from an
    // index (FTS5's own rowid order, the primary key) without touching the rows.
    const newest = ftsOnly
      ? sql`(select rowid from search_fts where search_fts match ${match} order by rowid desc limit ${COUNT_CAP})`
      : sql`(${base(db, query, filters, mode).select('d.article_id').orderBy('d.article_id', 'desc').limit(COUNT_CAP)})`;
    hitsQuery = db
      .selectFrom('search_docs as d')
      .where(sql<SqlBool>`d.article_id in ${newest}`)
      .select(['d.article_id', score.as('score')]);
  }
  if (ranked) hitsQuery = hitsQuery.orderBy(sql`score`, 'desc');
  const hitsRows = await hitsQuery
    .orderBy('d.published_at', 'desc')
    .orderBy('d.article_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    hits: hitsRows.map((r) => ({ articleId: r.article_id, score: Number(r.score) })),
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
    partial: mode === 'any',
  };
}

/**
 * Every word must match; when no article has them all, the articles with some of them (most in the
 * headline first) beat an empty page. A reader who typed a form our light stemmer does not join to
 * the headline's (кабели/кабел) still gets there through the other words.
 */
export async function searchWithFallback(db: Db, request: SearchRequest): Promise<SearchPage> {
  const all = await searchArticles(db, { ...request, mode: 'all' });
  if (all.total > 0 || request.query.parts.length < 2) return all;
  return searchArticles(db, { ...request, mode: 'any' });
}

/** The stored plain text of the hits, for their snippets. */
export async function plainTexts(db: Db, articleIds: number[]): Promise<Map<number, string>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('search_texts')
    .select(['article_id', 'plain'])
    .where('article_id', 'in', articleIds)
    .execute();
  return new Map(rows.map((r) => [r.article_id, r.plain]));
}
