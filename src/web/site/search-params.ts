// The query string of /search, checked field by field. The words themselves are never refused
// (search/query.ts reads any text); the filters must name things that exist and dates that are dates.
import { withDescendants } from '../../content/categories.js';
import { findAuthorBySlug, findTagBySlug } from '../../content/people.js';
import type { Category, TagRef } from '../../content/types.js';
import type { Db } from '../../db/index.js';
import type { SearchFilters, SearchSort } from '../../search/search.js';
import { dayRange, parseYmd } from '../../text/dates.js';
import type { Messages } from '../i18n.js';

/** Paging stops here: the count is capped too (search.ts COUNT_CAP), and nobody reads page 101. */
export const MAX_PAGE = 100;
/** Over this the query is cut before parsing; parseQuery keeps 200 characters anyway. */
const MAX_RAW_QUERY = 2000;

export interface SearchForm {
  q: string;
  section: string;
  tag: string;
  author: string;
  from: string;
  to: string;
  sort: SearchSort;
  page: number;
}

export interface ResolvedSearch {
  form: SearchForm;
  filters: SearchFilters;
  tag: TagRef | null;
  authorName: string | null;
  errors: string[];
}

function single(query: Record<string, unknown>, key: string): string | null {
  const v = query[key];
  if (v === undefined) return '';
  // Repeated keys (?q=a&q=b) are not something our form sends.
  return typeof v === 'string' ? v : null;
}

export async function resolveSearch(
  db: Db,
  categories: readonly Category[],
  raw: unknown,
  t: Messages,
  timeZone: string,
): Promise<ResolvedSearch> {
  const query = (raw ?? {}) as Record<string, unknown>;
  const s = t.search;
  const errors: string[] = [];
  const text = (key: string) => {
    const v = single(query, key);
    if (v === null) errors.push(s.badQuery);
    return (v ?? '').trim();
  };
  const form: SearchForm = {
    q: text('q').slice(0, MAX_RAW_QUERY),
    section: text('section'),
    tag: text('tag'),
    author: text('author'),
    from: text('from'),
    to: text('to'),
    sort: 'relevance',
    page: 1,
  };
  const sort = text('sort');
  if (sort === 'date' || sort === 'relevance') form.sort = sort;
  else if (sort !== '') errors.push(s.badSort);
  const page = text('page');
  if (page !== '') {
    if (/^[1-9][0-9]{0,2}$/.test(page) && Number(page) <= MAX_PAGE) form.page = Number(page);
    else errors.push(s.badPage);
  }

  const filters: SearchFilters = {};
  if (form.section !== '') {
    const category = categories.find((c) => c.slug === form.section);
    if (category) filters.categoryIds = withDescendants([...categories], category.id);
    else errors.push(s.badSection);
  }
  let tag: TagRef | null = null;
  if (form.tag !== '') {
    tag = form.tag.length <= 200 ? await findTagBySlug(db, form.tag) : null;
    if (tag) filters.tagId = tag.id;
    else errors.push(s.badTag);
  }
  let authorName: string | null = null;
  if (form.author !== '') {
    const author = form.author.length <= 200 ? await findAuthorBySlug(db, form.author) : null;
    if (author) {
      filters.authorId = author.id;
      authorName = author.name;
    } else errors.push(s.badAuthor);
  }
  const day = (value: string, label: string, edge: 0 | 1) => {
    if (value === '') return undefined;
    if (!parseYmd(value)) {
      errors.push(s.badDate(label));
      return undefined;
    }
    return dayRange(value, timeZone)[edge];
  };
  // "To" includes its whole day.
  const from = day(form.from, s.from, 0);
  const to = day(form.to, s.to, 1);
  if (from !== undefined) filters.from = from;
  if (to !== undefined) filters.to = to;
  if (from !== undefined && to !== undefined && from >= to) errors.push(s.badRange);
  return { form, filters, tag, authorName, errors };
}

/** The URL of a search, with only the fields that are set: the form's GET target and the pager's links. */
export function searchUrl(form: SearchForm, page = 1): string {
  const params = new URLSearchParams();
  if (form.q) params.set('q', form.q);
  for (const key of ['section', 'tag', 'author', 'from', 'to'] as const)
    if (form[key]) params.set(key, form[key]);
  if (form.sort !== 'relevance') params.set('sort', form.sort);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/search?${qs}` : '/search';
}
