// Creating articles and reading the published ones. Lists return summaries joined with their
// category; one article page reads the whole article with authors and tags.
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { ArticleStatus, CommentsPolicy, Database } from '../db/schema.js';
import { localParts } from '../text/dates.js';
import { sanitizeArticleHtml } from '../text/sanitize.js';
import type { Article, ArticleSummary, Page } from './types.js';

export interface NewArticleInput {
  categoryId: number;
  slug: string;
  title: string;
  lead: string;
  bodyHtml: string;
  status: ArticleStatus;
  publishedAt: number | null;
  authorIds: number[];
  tagIds: number[];
  cover?: { url: string; alt: string; caption: string; credit: string } | null;
  commentsPolicy?: CommentsPolicy;
}

/** Inserts the article with its authors and tags in one transaction; the body is sanitized. */
export async function createArticle(db: Db, input: NewArticleInput, now: number, timeZone: string) {
  return db.transaction().execute((trx) => insertArticle(trx, input, now, timeZone));
}

/** The inserts of createArticle, for callers that already hold a transaction (imports, demo). */
export async function insertArticle(trx: Db, input: NewArticleInput, now: number, timeZone: string) {
  const local = input.publishedAt === null ? null : localParts(input.publishedAt, timeZone);
  {
    const { id } = await trx
      .insertInto('articles')
      .values({
        category_id: input.categoryId,
        slug: input.slug,
        title: input.title,
        lead: input.lead,
        body_html: sanitizeArticleHtml(input.bodyHtml),
        status: input.status,
        published_at: input.publishedAt,
        published_ymd: local?.ymd ?? null,
        published_md: local?.md ?? null,
        created_at: now,
        updated_at: now,
        cover_url: input.cover?.url ?? null,
        cover_alt: input.cover?.alt ?? '',
        cover_caption: input.cover?.caption ?? '',
        cover_credit: input.cover?.credit ?? '',
        comments_policy: input.commentsPolicy ?? 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.authorIds.length > 0) {
      await trx
        .insertInto('article_authors')
        .values(input.authorIds.map((author_id, position) => ({ article_id: id, author_id, position })))
        .execute();
    }
    if (input.tagIds.length > 0) {
      await trx
        .insertInto('article_tags')
        .values([...new Set(input.tagIds)].map((tag_id) => ({ article_id: id, tag_id })))
        .execute();
    }
    return id;
  }
}

function buildSummaryBase(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .where('a.status', '=', 'published')
    .select([
      'a.id',
      'a.slug',
      'a.title',
      'a.lead',
      'a.published_at',
      'a.comment_count',
      'a.cover_url',
      'a.cover_alt',
      'c.id as category_id',
      'c.slug as category_slug',
      'c.name as category_name',
    ]);
}

// Kysely builders are immutable, so the common part of every list query is built once per
// database and extended per call: parsing the select list each time cost more than the query.
const summaryBases = new WeakMap<Db, ReturnType<typeof buildSummaryBase>>();

function summaryQuery(db: Db, now: number) {
  let base = summaryBases.get(db);
  if (!base) {
    base = buildSummaryBase(db);
    summaryBases.set(db, base);
  }
  return base.where('a.published_at', '<=', now);
}

type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  lead: string;
  published_at: number | null;
  comment_count: number;
  cover_url: string | null;
  cover_alt: string;
  category_id: number;
  category_slug: string;
  category_name: string;
};

function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    publishedAt: r.published_at ?? 0,
    commentCount: r.comment_count,
    category: { id: r.category_id, slug: r.category_slug, name: r.category_name },
    cover: r.cover_url ? { url: r.cover_url, alt: r.cover_alt } : null,
  };
}

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

type SummaryBuilder = SelectQueryBuilder<
  Database & { a: Database['articles']; c: Database['categories'] },
  'a' | 'c',
  SummaryRow
>;

function applyFilter(q: SummaryBuilder, f: ArticleFilter): SummaryBuilder {
  let out = q;
  if (f.categoryIds && f.categoryIds.length > 0) out = out.where('a.category_id', 'in', f.categoryIds);
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_tags as t')
          .select('t.article_id')
          .whereRef('t.article_id', '=', 'a.id')
          .where('t.tag_id', '=', tagId),
      ),
    );
  }
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id')
          .where('aa.author_id', '=', authorId),
      ),
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
export async function findPublishedArticle(
  db: Db,
  now: number,
  categorySlug: string,
  slug: string,
): Promise<Article | null> {
  const row = await summaryQuery(db, now)
    .where('c.slug', '=', categorySlug)
    .where('a.slug', '=', slug)
    .select(['a.body_html', 'a.updated_at', 'a.comments_policy', 'a.cover_caption', 'a.cover_credit'])
    .executeTakeFirst();
  if (!row) return null;
  const [authors, tags] = await Promise.all([
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .where('aa.article_id', '=', row.id)
      .orderBy('aa.position')
      .select(['au.id', 'au.slug', 'au.name'])
      .execute(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .where('at.article_id', '=', row.id)
      .orderBy('t.name')
      .select(['t.id', 't.slug', 't.name', 't.kind'])
      .execute(),
  ]);
  const summary = toSummary(row);
  return {
    ...summary,
    cover: summary.cover ? { ...summary.cover, caption: row.cover_caption, credit: row.cover_credit } : null,
    bodyHtml: row.body_html,
    updatedAt: row.updated_at,
    commentsPolicy: row.comments_policy,
    authors,
    tags,
  };
}

/** Other published articles sharing the most tags with this one, newest first among equals. */
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
export async function findPublishedArticleById(db: Db, now: number, id: number): Promise<Article | null> {
  const row = await summaryQuery(db, now).where('a.id', '=', id).select('c.slug as cslug').executeTakeFirst();
  return row ? findPublishedArticle(db, now, row.cslug, row.slug) : null;
}

/** Year-months ("2026-11") that have published articles, newest first. */
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
