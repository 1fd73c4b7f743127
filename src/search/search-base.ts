// The matching rows of search_docs for a query and its filters: the one WHERE both databases and
// every search path share.
import { type SqlBool, sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import { categoryFacet, monthFacet } from './facets.js';
import { fts5Match, type MatchMode, phraseCheck, tsqueryLiteral } from './matching.js';
import type { ParsedQuery } from './query.js';
import type { SearchFilters } from './search-types.js';

/**
 * `recent` (PostgreSQL, with words): a facet tsquery the match must also meet, for the window's
 * newest-first tries (search-postgres.ts).
 */
export function matchingDocs(
  db: Db,
  query: ParsedQuery,
  filters: SearchFilters,
  mode: MatchMode,
  recent?: string,
) {
  const dialect = dialectOf(db);
  let q = db.selectFrom('search_docs as d');
  // With words on PostgreSQL the GIN index does the filtering through facets, and the exact
  // bounds below are written so that no B-tree can be chosen instead (see facets.ts).
  const gin = dialect === 'postgres' && query.parts.length > 0;
  if (query.parts.length > 0) {
    if (dialect === 'postgres') {
      const facets = [
        filters.categoryIds && categoryFacet(filters.categoryIds),
        monthFacet(filters.from, filters.to),
        recent,
      ].filter((f): f is string => Boolean(f));
      // With every part required, phrases go to the index as their words and are checked after.
      const check = mode === 'all' ? phraseCheck(query) : null;
      const words = tsqueryLiteral(query, mode, check !== null);
      const tsquery = facets.length ? `(${words}) & ${facets.join(' & ')}` : words;
      q = q.where(sql<SqlBool>`d.tsv @@ ${tsquery}::tsquery`);
      if (check) q = q.where(check);
    } else {
      q = q.where(
        sql<SqlBool>`d.article_id in (select rowid from search_fts where search_fts match ${fts5Match(query, mode)})`,
      );
    }
  }
  if (filters.categoryIds)
    q = q.where('d.category_id', 'in', filters.categoryIds.length ? filters.categoryIds : [-1]);
  const publishedAt = gin ? sql<number>`(d.published_at + 0)` : sql.ref<number>('d.published_at');
  if (filters.from !== undefined) q = q.where(publishedAt, '>=', filters.from);
  if (filters.to !== undefined) q = q.where(publishedAt, '<', filters.to);
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
