// The PostgreSQL road for a search with words. A GIN index yields row addresses, not ids or
// scores, so every match it names costs a heap visit; this road visits as few as the answer needs.
// First the window: the newest COUNT_CAP + 1 matches by id, which is also the count (capped) and,
// for relevance, the set that is ranked — exactly the rule search.ts states for both databases.
// A common word's window lies among the newest ids, so those are tried first. Then only the window's
// rows are scored. The answers are the same as the general road's; only the work differs.
import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/index.js';
import { ID_BUCKET, recentFacet } from './facets.js';
import { scoreExpression } from './matching.js';
import { matchingDocs } from './search-base.js';
import type { SearchPage, SearchRequest } from './search-types.js';

/**
 * The first try, in id buckets (facets.ts): the newest 5,000 ids. A word in one article of four
 * fills the window there; rarer words have fewer matches, and the later tries cost little for them.
 */
export const FIRST_TRY_BUCKETS = 5;

export interface WindowBounds {
  /** COUNT_CAP. */
  cap: number;
  /** The largest id in search_docs (newestDocId). */
  newestId: number;
}

export async function searchPostgres(
  db: Db,
  request: SearchRequest,
  bounds: WindowBounds,
): Promise<SearchPage> {
  const { cap } = bounds;
  const { query, filters, sort, offset, limit } = request;
  const mode = request.mode ?? 'all';
  const window = await newestMatches(db, request, cap + 1, bounds.newestId);
  const n = window.length;
  const page = { total: Math.min(n, cap), capped: n > cap, partial: mode === 'any' };
  if (n === 0) return { ...page, hits: [] };

  if (sort === 'date' && n > cap) {
    // More matches than the window holds: newest first needs every match, so read them all.
    const rows = await matchingDocs(db, query, filters, mode)
      .select('d.article_id')
      .orderBy('d.published_at', 'desc')
      .orderBy('d.article_id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return { ...page, hits: rows.map((r) => ({ articleId: r.article_id, score: 0 })) };
  }

  const ids = window.slice(0, cap);
  const score = sort === 'relevance' ? scoreExpression(query, 'postgres') : sql<number>`0`;
  let ranked = db
    .selectFrom('search_docs as d')
    .select(['d.article_id', score.as('score')])
    .where(sql<SqlBool>`d.article_id = any(${ids}::integer[])`);
  if (sort === 'relevance') ranked = ranked.orderBy(sql`score`, 'desc');
  const rows = await ranked
    .orderBy('d.published_at', 'desc')
    .orderBy('d.article_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { ...page, hits: rows.map((r) => ({ articleId: r.article_id, score: Number(r.score) })) };
}

/** Ids of the newest `size` matches, newest first. */
async function newestMatches(db: Db, request: SearchRequest, size: number, maxId: number): Promise<number[]> {
  const { query, filters } = request;
  const mode = request.mode ?? 'all';
  const newest = (recent?: string) =>
    matchingDocs(db, query, filters, mode, recent)
      .select('d.article_id')
      .orderBy('d.article_id', 'desc')
      .limit(size)
      .execute();
  // Any match in the newest buckets is newer than every match outside them: if they hold a full
  // window, it is the window. Each try costs about as much as the rows it reads, so after the first
  // the next is sized from what the last one found (with a quarter to spare); when even that would
  // cover half the archive or more, the whole archive is read instead.
  const tries = request.recentBuckets;
  const worthIt = (buckets: number) => buckets * ID_BUCKET * (tries ? 1 : 2) <= maxId;
  let buckets = tries?.[0] ?? FIRST_TRY_BUCKETS;
  for (let attempt = 1; worthIt(buckets); attempt++) {
    const recent = await newest(recentFacet(maxId, buckets));
    if (recent.length === size) return recent.map((r) => r.article_id);
    const next = tries ? tries[attempt] : Math.ceil((buckets * size * 1.25) / Math.max(recent.length, 1));
    if (next === undefined || next <= buckets) break;
    buckets = next;
  }
  return (await newest()).map((r) => r.article_id);
}

/** The largest id in search_docs, read from the primary key's end. */
export async function newestDocId(db: Db): Promise<number> {
  const top = await db
    .selectFrom('search_docs')
    .select((eb) => eb.fn.max('article_id').as('id'))
    .executeTakeFirst();
  return Number(top?.id ?? 0);
}
