// Full-text search over published articles: one query against FTS5 or the GIN index, filters,
// paging, and a relevance order both databases agree on. Snippets are cut in the app (snippets.ts)
// for the page of hits only.
import { type SqlBool, sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import { fts5Match, type MatchMode, scoreExpression, tsqueryLiteral } from './matching.js';
import type { ParsedQuery } from './query.js';

export type SearchSort = 'relevance' | 'date';

export interface SearchFilters {
  /** A section and its subsections. */
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** 'all' unless said otherwise; see searchWithFallback. */
  mode?: MatchMode;
}

export interface SearchHit {
  articleId: number;
  score: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Matches counted up to COUNT_CAP; `capped` says there were more. */
  total: number;
  capped: boolean;
  /** No article had every word, so these have some of them. */
  partial: boolean;
}

/** Counting every match of a common word costs more than the page itself; nobody pages that far. */
export const COUNT_CAP = 1000;

function base(db: Db, query: ParsedQuery, filters: SearchFilters, mode: MatchMode) {
  const dialect = dialectOf(db);
  let q = db.selectFrom('search_docs as d');
  if (query.parts.length > 0) {
    if (dialect === 'postgres') {
      q = q.where(sql<SqlBool>`d.tsv @@ ${tsqueryLiteral(query, mode)}::tsquery`);
    } else {
      q = q.where(
        sql<SqlBool>`d.article_id in (select rowid from search_fts where search_fts match ${fts5Match(query, mode)})`,
      );
    }
  }
  if (filters.categoryIds)
    q = q.where('d.category_id', 'in', filters.categoryIds.length ? filters.categoryIds : [-1]);
  if (filters.from !== undefined) q = q.where('d.published_at', '>=', filters.from);
  if (filters.to !== undefined) q = q.where('d.published_at', '<', filters.to);
  if (filters.tagId !== undefined) {
    const tagId = filters.tagId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_tags as t')
          .select('t.article_id')
          .whereRef('t.article_id', '=', 'd.article_id')
          .where('t.tag_id', '=', tagId),
      ),
    );
  }
  if (filters.authorId !== undefined) {
    const authorId = filters.authorId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'd.article_id')
          .where('aa.author_id', '=', authorId),
      ),
    );
  }
  return q;
}

/** Runs a search; an empty query with filters lists the filtered articles newest first. */
export async function searchArticles(db: Db, request: SearchRequest): Promise<SearchPage> {
  const { query, filters, sort, offset, limit } = request;
  const mode = request.mode ?? 'all';
  const score = scoreExpression(query, dialectOf(db));
  let hitsQuery = base(db, query, filters, mode).select(['d.article_id', score.as('score')]);
  if (sort === 'relevance' && query.parts.length > 0) hitsQuery = hitsQuery.orderBy(sql`score`, 'desc');
  const hitsRows = await hitsQuery
    .orderBy('d.published_at', 'desc')
    .orderBy('d.article_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const counted = await db
    .selectFrom(
      base(db, query, filters, mode)
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
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
    .selectFrom('search_docs')
    .select(['article_id', 'plain'])
    .where('article_id', 'in', articleIds)
    .execute();
  return new Map(rows.map((r) => [r.article_id, r.plain]));
}
