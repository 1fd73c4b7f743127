// What a delivery says about the article or comment, built when the event happens (a later change
// gets its own event). Only what a public page or feed would show, plus the status: never a
// commenter's email or network address.
import { findArticleForPreview } from '../content/articles.js';
import type { Db } from '../db/index.js';
import type { ContentEvent } from '../infra/events.js';
import { loadDeskArticle } from '../newsroom/desk-articles.js';
import { encodePathSegment } from '../text/slug.js';

export interface ArticleData {
  article: {
    id: number;
    title: string;
    url: string;
    status: string;
    publishedAt: string | null;
    updatedAt: string;
    section: { id: number; slug: string; name: string };
    authors: { id: number; slug: string; name: string }[];
    tags: { id: number; slug: string; name: string; kind: string }[];
  };
}

export interface CommentData {
  comment: {
    id: number;
    articleId: number;
    articleUrl: string;
    authorName: string;
    status: string;
    createdAt: string;
  };
}

export type EventData = ArticleData | CommentData | { ping: { message: string } };

export interface WebhookPayload {
  event: string;
  id: string;
  occurredAt: string;
  data: EventData;
}

const iso = (ms: number) => new Date(ms).toISOString();

function articleUrl(siteUrl: string, categorySlug: string, slug: string): string {
  return `${siteUrl}/${encodePathSegment(categorySlug)}/${encodePathSegment(slug)}`;
}

async function articleData(db: Db, siteUrl: string, id: number, now: number): Promise<ArticleData | null> {
  const [desk, shown] = await Promise.all([loadDeskArticle(db, id), findArticleForPreview(db, id, now)]);
  if (!desk || !shown) return null;
  return {
    article: {
      id,
      title: desk.title,
      url: articleUrl(siteUrl, desk.categorySlug, desk.slug),
      status: desk.status,
      publishedAt: desk.publishedAt === null ? null : iso(desk.publishedAt),
      updatedAt: iso(desk.updatedAt),
      section: { id: shown.category.id, slug: shown.category.slug, name: shown.category.name },
      authors: shown.authors.map((a) => ({ id: a.id, slug: a.slug, name: a.name })),
      tags: shown.tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name, kind: t.kind })),
    },
  };
}

// A read-only projection of the comment: the comments domain has no lookup by id that gives the
// moderation status, and this one must never select the email or the visitor hash.
async function commentData(db: Db, siteUrl: string, id: number): Promise<CommentData | null> {
  const row = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('categories as k', 'k.id', 'a.category_id')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .where('c.id', '=', id)
    .select([
      'c.id',
      'c.article_id',
      'c.author_name',
      'c.status',
      'c.created_at',
      'u.display_name',
      'a.slug',
      'k.slug as category_slug',
    ])
    .executeTakeFirst();
  if (!row) return null;
  return {
    comment: {
      id: row.id,
      articleId: row.article_id,
      articleUrl: articleUrl(siteUrl, row.category_slug, row.slug),
      // A signed-in reader is shown under their current display name, as on the page.
      authorName: row.display_name ?? row.author_name,
      status: row.status,
      createdAt: iso(Number(row.created_at)),
    },
  };
}

/** The data part of the payload; null when the article or comment is gone already. */
export function eventData(
  db: Db,
  siteUrl: string,
  event: ContentEvent,
  now: number,
): Promise<EventData | null> {
  if (event.type === 'comment.created') return commentData(db, siteUrl, event.commentId);
  return articleData(db, siteUrl, event.articleId, now);
}

/** What the event is about, for coalescing: "article:42" or "comment:7". */
export function subjectOf(event: ContentEvent): string {
  return event.type === 'comment.created' ? `comment:${event.commentId}` : `article:${event.articleId}`;
}

export function payloadJson(event: string, id: string, occurredAt: number, data: EventData): string {
  const payload: WebhookPayload = { event, id, occurredAt: iso(occurredAt), data };
  return JSON.stringify(payload);
}
