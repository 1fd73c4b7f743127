// What a feed lists: the newest published articles of the site, a section (with its subsections),
// a topic or an author, as plain items with their bylines, topics and cover. One query for the
// articles, then one each for the authors and the tags of all of them: three in all, whatever the
// count, each driven by an index.

import { summaryQuery, toSummary } from '../content/summaries.js';
import type { AuthorRef, CategoryRef, CoverRef, TagRef } from '../content/types.js';
import type { Db } from '../db/index.js';
import { fallbackWidth, mediaUrl, variantName } from '../media/urls.js';

/** Feed readers poll often; fifty items cover a busy day of a mid-size newsroom. */
export const FEED_ITEM_LIMIT = 50;

export interface FeedFilter {
  /** A section and its subsections (content/categories.ts withDescendants). */
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
}

/** The cover as stored: its URL, and where its file is when it is a media-library image. */
export interface FeedCover {
  /** Site-relative (/media/…) for our own images, absolute for anyone else's. */
  url: string;
  alt: string;
  /** The media-library file behind `url` (the fallback JPEG variant); null for a plain URL. */
  file: { key: string; name: string } | null;
}

export interface FeedItem {
  id: number;
  slug: string;
  title: string;
  lead: string;
  bodyHtml: string;
  publishedAt: number;
  /** The later of the last save and the publication: what "updated" means to a feed reader. */
  updatedAt: number;
  category: CategoryRef;
  authors: AuthorRef[];
  tags: TagRef[];
  cover: FeedCover | null;
}

function feedQuery(db: Db, now: number, filter: FeedFilter) {
  let q = summaryQuery(db, now).select(['a.body_html', 'a.updated_at']);
  const { categoryIds, tagId, authorId } = filter;
  if (categoryIds && categoryIds.length > 0) q = q.where('a.category_id', 'in', categoryIds);
  if (tagId !== undefined)
    q = q.where('a.id', 'in', (eb) =>
      eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId),
    );
  if (authorId !== undefined)
    q = q.where('a.id', 'in', (eb) =>
      eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId),
    );
  return q;
}

/** The newest published articles matching the filter, newest first. */
export async function loadFeedItems(
  db: Db,
  now: number,
  filter: FeedFilter,
  limit = FEED_ITEM_LIMIT,
): Promise<FeedItem[]> {
  const rows = await feedQuery(db, now, filter)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [authorRows, tagRows] = await Promise.all([
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .where('aa.article_id', 'in', ids)
      .select(['aa.article_id', 'au.id', 'au.slug', 'au.name'])
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .execute(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .where('at.article_id', 'in', ids)
      .select(['at.article_id', 't.id', 't.slug', 't.name', 't.kind'])
      .orderBy('t.name')
      .execute(),
  ]);
  const authors = groupBy(authorRows, (r) => ({ id: r.id, slug: r.slug, name: r.name }));
  const tags = groupBy(tagRows, (r) => ({ id: r.id, slug: r.slug, name: r.name, kind: r.kind }));
  return rows.map((r) => {
    const summary = toSummary(r);
    const updatedAt = Math.max(Number(r.updated_at), summary.publishedAt);
    return {
      id: summary.id,
      slug: summary.slug,
      title: summary.title,
      lead: summary.lead,
      bodyHtml: r.body_html,
      publishedAt: summary.publishedAt,
      updatedAt,
      category: summary.category,
      authors: authors.get(summary.id) ?? [],
      tags: tags.get(summary.id) ?? [],
      cover: coverOf(summary.cover),
    };
  });
}

/** A library cover is sent as its fallback JPEG, the file every reader can show. */
function coverOf(cover: CoverRef | null): FeedCover | null {
  if (!cover) return null;
  if (!cover.media) return { url: cover.url, alt: cover.alt, file: null };
  const { key, widths } = cover.media;
  const name = variantName(fallbackWidth(widths), 'jpg');
  return { url: mediaUrl(key, name), alt: cover.alt, file: { key, name } };
}

function groupBy<R extends { article_id: number }, T>(rows: R[], pick: (r: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.article_id);
    if (list) list.push(pick(r));
    else out.set(r.article_id, [pick(r)]);
  }
  return out;
}
