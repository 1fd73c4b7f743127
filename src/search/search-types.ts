// What a search is asked and what it answers: shared by search.ts and its PostgreSQL road.
import type { MatchMode } from './matching.js';
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
  /** PostgreSQL, for tests: the id buckets the window is looked for among first, in turn (search-postgres.ts). */
  recentBuckets?: number[];
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
