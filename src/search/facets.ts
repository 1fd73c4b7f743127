// Facets: a PostgreSQL search document's section, month and id range, written into its tsvector as
// extra lexemes, so the GIN index filters and narrows by them itself. PostgreSQL's planner prices
// `tsv @@ query` as cheap and, given a B-tree on the date or the id, reads every row in the range
// and unpacks each one's tsvector (hundreds of milliseconds for a year); with facets one GIN scan
// intersects the word's postings with the filter's and the table is visited only for the answer.
// The lexemes start with '#', which no term has (terms are letters and digits), so no query a
// reader types can reach them. The exact filters still run on the row: facets only narrow.
import { quoteLexeme } from './documents.js';

/** Ids are bucketed by the thousand: the search's newest-first window asks for the top buckets. */
export const ID_BUCKET = 1000;

export interface FacetSource {
  articleId: number;
  categoryId: number;
  /** Epoch ms. */
  publishedAt: number;
}

const monthOf = (ms: number) => {
  const d = new Date(ms);
  return `#m${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
const bucketOf = (id: number) => `#r${Math.floor(id / ID_BUCKET)}`;

/** The facet lexemes of one document (no positions: they are never part of a phrase). */
export function facetLexemes(source: FacetSource): string[] {
  return [bucketOf(source.articleId), `#c${source.categoryId}`, monthOf(source.publishedAt)];
}

const any = (lexemes: string[]) => `(${lexemes.map(quoteLexeme).join(' | ')})`;

/** Any of these sections. */
export function categoryFacet(categoryIds: number[]): string {
  return categoryIds.length === 0 ? quoteLexeme('#c-1') : any(categoryIds.map((id) => `#c${id}`));
}

/** Past this many months a date range narrows too little to be worth the lexemes. */
const MAX_MONTHS = 36;

/**
 * The months (UTC) a [from, to) range touches, or null when the range is open or too wide to help.
 * A superset of the range: the exact bounds are checked on the row.
 */
export function monthFacet(from: number | undefined, to: number | undefined): string | null {
  if (from === undefined || to === undefined || to <= from) return null;
  const months: string[] = [];
  const d = new Date(from);
  let year = d.getUTCFullYear();
  let month = d.getUTCMonth();
  const last = monthOf(to - 1);
  for (;;) {
    const m = monthOf(Date.UTC(year, month, 1));
    months.push(m);
    if (m === last || months.length > MAX_MONTHS) break;
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return months.length > MAX_MONTHS ? null : any(months);
}

/** The newest `buckets` id buckets, counted down from the one the largest id is in. */
export function recentFacet(maxId: number, buckets: number): string {
  const top = Math.floor(maxId / ID_BUCKET);
  const lexemes: string[] = [];
  for (let b = top; b > top - buckets && b >= 0; b--) lexemes.push(`#r${b}`);
  return any(lexemes);
}
