// Lists of published articles: newest first with filters and paging, per section, related.
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { type SummaryBuilder, summaryQuery, toSummary } from './summaries.js';
import type { ArticleSummary, Page } from './types.js';

export interface ArticleFilter {
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  /** [from, to) in epoch ms. */
  range?: [number, number];
  /** Month-day "MM-DD" (local), for "on this day". */
  monthDay?: string;
  excludeIds?: number[];
}

function applyFilter(q: SummaryBuilder, f: ArticleFilter): SummaryBuilder {
  let out = q;
  if (f.categoryIds && f.categoryIds.length > 0) out = out.where('a.category_id', 'in', f.categoryIds);
  const { tagId, authorId } = f;
  if (tagId !== undefined) {
    out = out.where('a.id', 'in', (eb) =>
      eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId),
    );
  }
  if (authorId !== undefined) {
    out = out.where('a.id', 'in', (eb) =>
      eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId),
    );
  }
  if (f.range) out = out.where('a.published_at', '>=', f.range[0]).where('a.published_at', '<', f.range[1]);
  if (f.monthDay) out = out.where('a.published_md', '=', f.monthDay);
  if (f.excludeIds && f.excludeIds.length > 0) out = out.where('a.id', 'not in', f.excludeIds);
  return out;
}

/** Newest first. */
export async function listPublished(
  db: Db,
  now: number,
  filter: ArticleFilter,
  limit: number,
  offset = 0,
): Promise<ArticleSummary[]> {
  const rows = await applyFilter(summaryQuery(db, now) as SummaryBuilder, filter)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toSummary);
}

export async function countPublished(db: Db, now: number, filter: ArticleFilter): Promise<number> {
  const q = applyFilter(summaryQuery(db, now) as SummaryBuilder, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'));
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function pagePublished(
  db: Db,
  now: number,
  filter: ArticleFilter,
  page: number,
  pageSize: number,
): Promise<Page<ArticleSummary>> {
  const [items, total] = await Promise.all([
    listPublished(db, now, filter, pageSize, (page - 1) * pageSize),
    countPublished(db, now, filter),
  ]);
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function summariesByIds(
  db: Db,
  now: number,
  ids: number[],
): Promise<Map<number, ArticleSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await summaryQuery(db, now).where('a.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

/** The published article at /{categorySlug}/{slug}, with its authors and tags. */

export async function relatedByTags(
  db: Db,
  now: number,
  articleId: number,
  tagIds: number[],
  limit: number,
): Promise<ArticleSummary[]> {
  if (tagIds.length === 0) return [];
  // Driven by the tag index: count shared tags first, then join the (few) candidates.
  const shared = db
    .selectFrom('article_tags')
    .where('tag_id', 'in', tagIds)
    .where('article_id', '!=', articleId)
    .groupBy('article_id')
    .select((eb) => ['article_id', eb.fn.countAll<number>().as('shared')]);
  const rows = await summaryQuery(db, now)
    .innerJoin(shared.as('s'), 's.article_id', 'a.id')
    .orderBy('s.shared', 'desc')
    .orderBy('a.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** The published article with this id (for form posts that name the article by id). */

export async function archiveMonths(db: Db, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .where('published_ymd', 'is not', null)
    .select((eb) => eb.fn<string>('substr', ['published_ymd', eb.val(1), eb.val(7)]).as('ym'))
    .distinct()
    .orderBy('ym', 'desc')
    .execute();
  return rows.map((r) => r.ym);
}

/** The newest `perCategory` articles of each of the given categories, in one query. */
export async function latestPerCategory(
  db: Db,
  now: number,
  categoryIds: number[],
  perCategory: number,
  excludeIds: number[] = [],
): Promise<ArticleSummary[]> {
  if (categoryIds.length === 0) return [];
  let inner = summaryQuery(db, now)
    .where('a.category_id', 'in', categoryIds)
    .select(
      sql<number>`row_number() over (partition by ${sql.ref('a.category_id')} order by ${sql.ref('a.published_at')} desc, ${sql.ref('a.id')} desc)`.as(
        'rn',
      ),
    );
  if (excludeIds.length > 0) inner = inner.where('a.id', 'not in', excludeIds);
  const rows = await db
    .selectFrom(inner.as('x'))
    .selectAll()
    .where('x.rn', '<=', perCategory)
    .orderBy('x.published_at', 'desc')
    .orderBy('x.id', 'desc')
    .execute();
  return rows.map(toSummary);
}
