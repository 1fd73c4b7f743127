// Creating articles and reading one published article with its authors and tags.
import type { Db } from '../db/index.js';
import type { ArticleStatus } from '../db/schema.js';
import { localParts } from '../text/dates.js';
import { sanitizeArticleHtml } from '../text/sanitize.js';
import { anyStatusSummaryQuery, summaryQuery, toSummary } from './summaries.js';
import type { Article, CommentRules } from './types.js';

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
  commentRules?: Partial<CommentRules>;
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
        comments_who: input.commentRules?.who ?? null,
        comments_moderation: input.commentRules?.moderation ?? null,
        comments_close_days: input.commentRules?.closeDays ?? null,
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

// Every article page asks for its authors and tags; the queries are built once per database
// (Kysely builders are immutable), and only the article id is added per request.
function buildBylineQueries(db: Db) {
  return {
    authors: db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .orderBy('aa.position')
      .select(['au.id', 'au.slug', 'au.name']),
    tags: db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .orderBy('t.name')
      .select(['t.id', 't.slug', 't.name', 't.kind']),
  };
}

const bylineCache = new WeakMap<Db, ReturnType<typeof buildBylineQueries>>();

function bylineQueries(db: Db) {
  let q = bylineCache.get(db);
  if (!q) {
    q = buildBylineQueries(db);
    bylineCache.set(db, q);
  }
  return q;
}

export async function findPublishedArticle(
  db: Db,
  now: number,
  categorySlug: string,
  slug: string,
): Promise<Article | null> {
  return articleOf(db, summaryQuery(db, now).where('c.slug', '=', categorySlug).where('a.slug', '=', slug));
}

/** The article with this id in any status, as its page would show it: the newsroom's preview. */
export async function findArticleForPreview(db: Db, id: number, now: number): Promise<Article | null> {
  const a = await articleOf(db, anyStatusSummaryQuery(db).where('a.id', '=', id));
  // Not yet published: shown as if it went out now.
  return a && a.publishedAt === 0 ? { ...a, publishedAt: now } : a;
}

async function articleOf(db: Db, query: ReturnType<typeof anyStatusSummaryQuery>): Promise<Article | null> {
  const row = await query
    .select([
      'a.body_html',
      'a.updated_at',
      'a.category_id',
      'a.comments_who',
      'a.comments_moderation',
      'a.comments_close_days',
      'a.cover_caption',
      'a.cover_credit',
      'a.seo_title',
      'a.seo_description',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const q = bylineQueries(db);
  const [authors, tags] = await Promise.all([
    q.authors.where('aa.article_id', '=', row.id).execute(),
    q.tags.where('at.article_id', '=', row.id).execute(),
  ]);
  const summary = toSummary(row);
  return {
    ...summary,
    cover: summary.cover ? { ...summary.cover, caption: row.cover_caption, credit: row.cover_credit } : null,
    bodyHtml: row.body_html,
    updatedAt: row.updated_at,
    categoryId: row.category_id,
    commentRules: {
      who: row.comments_who,
      moderation: row.comments_moderation,
      closeDays: row.comments_close_days,
    },
    authors,
    tags,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
  };
}

/** Other published articles sharing the most tags with this one, newest first among equals. */

export async function findPublishedArticleById(db: Db, now: number, id: number): Promise<Article | null> {
  const row = await summaryQuery(db, now).where('a.id', '=', id).select('c.slug as cslug').executeTakeFirst();
  return row ? findPublishedArticle(db, now, row.cslug, row.slug) : null;
}

/** Year-months ("2026-11") that have published articles, newest first. */
