// Published articles with everything a client of the content needs (authors, tags, the cover with
// its caption and size), listed newest first by keyset: "older than this (published_at, id)".
// A keyset page never repeats or skips an article when new ones are published between pages,
// which an offset would. Authors and tags are read for the whole page at once: three queries
// per page, however long it is.
import type { Db } from '../db/index.js';
import { fallbackWidth, variantUrl } from '../media/urls.js';
import type { AuthorRef, CategoryRef, TagRef } from './types.js';

export interface FullCover {
  /** A site path ("/media/…") or an absolute URL given by the newsroom. */
  url: string;
  alt: string;
  caption: string;
  credit: string;
  /** Known for media-library images; null for covers given as a plain URL. */
  width: number | null;
  height: number | null;
}

export interface FullArticle {
  id: number;
  slug: string;
  title: string;
  lead: string;
  /** Null unless the body was asked for. */
  bodyHtml: string | null;
  publishedAt: number;
  updatedAt: number;
  category: CategoryRef;
  authors: AuthorRef[];
  tags: TagRef[];
  cover: FullCover | null;
  breaking: boolean;
  commentCount: number;
}

/** Where the previous page ended: the next page holds strictly older articles. */
export interface Keyset {
  publishedAt: number;
  id: number;
}

export interface FullArticleFilter {
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  /** published_at >= since (epoch ms). */
  since?: number;
  /** published_at < until (epoch ms). */
  until?: number;
  /** updated_at >= updatedSince. */
  updatedSince?: number;
  breaking?: boolean;
}

function baseQuery(db: Db, now: number) {
  return db
    .selectFrom('articles as a')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .leftJoin('media as m', 'm.id', 'a.cover_media_id')
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .select([
      'a.id',
      'a.slug',
      'a.title',
      'a.lead',
      'a.published_at',
      'a.updated_at',
      'a.breaking',
      'a.comment_count',
      'a.cover_url',
      'a.cover_alt',
      'a.cover_caption',
      'a.cover_credit',
      'c.id as category_id',
      'c.slug as category_slug',
      'c.name as category_name',
      'm.storage_key as media_key',
      'm.variant_widths as media_widths',
      'm.width as media_width',
      'm.height as media_height',
    ]);
}

type Base = ReturnType<typeof baseQuery>;
type Row = Awaited<ReturnType<Base['execute']>>[number] & { body_html?: string };

function applyFilter(q: Base, f: FullArticleFilter): Base {
  let out = q;
  if (f.categoryIds && f.categoryIds.length > 0) out = out.where('a.category_id', 'in', f.categoryIds);
  const { tagId, authorId } = f;
  if (tagId !== undefined)
    out = out.where('a.id', 'in', (eb) =>
      eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId),
    );
  if (authorId !== undefined)
    out = out.where('a.id', 'in', (eb) =>
      eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId),
    );
  if (f.since !== undefined) out = out.where('a.published_at', '>=', f.since);
  if (f.until !== undefined) out = out.where('a.published_at', '<', f.until);
  if (f.updatedSince !== undefined) out = out.where('a.updated_at', '>=', f.updatedSince);
  if (f.breaking !== undefined) out = out.where('a.breaking', '=', f.breaking ? 1 : 0);
  return out;
}

function coverOf(r: Row): FullCover | null {
  const widths = r.media_widths === null ? null : (JSON.parse(r.media_widths) as number[]);
  const fromMedia = r.media_key !== null && widths !== null && widths.length > 0;
  // cover_url is the media item's fallback JPEG when there is one; it is set by every save.
  const url =
    r.cover_url ?? (fromMedia ? variantUrl(r.media_key as string, fallbackWidth(widths), 'jpg') : null);
  if (url === null) return null;
  return {
    url,
    alt: r.cover_alt,
    caption: r.cover_caption,
    credit: r.cover_credit,
    width: fromMedia ? Number(r.media_width) : null,
    height: fromMedia ? Number(r.media_height) : null,
  };
}

/** Authors (in byline order) and tags (by name) of many articles, in two queries. */
async function bylinesOf(db: Db, ids: number[]) {
  const authors = new Map<number, AuthorRef[]>();
  const tags = new Map<number, TagRef[]>();
  if (ids.length === 0) return { authors, tags };
  const [authorRows, tagRows] = await Promise.all([
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .where('aa.article_id', 'in', ids)
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .select(['aa.article_id', 'au.id', 'au.slug', 'au.name'])
      .execute(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .where('at.article_id', 'in', ids)
      .orderBy('at.article_id')
      .orderBy('t.name')
      .orderBy('t.id')
      .select(['at.article_id', 't.id', 't.slug', 't.name', 't.kind'])
      .execute(),
  ]);
  for (const { article_id, ...a } of authorRows)
    authors.set(article_id, [...(authors.get(article_id) ?? []), a]);
  for (const { article_id, ...t } of tagRows) tags.set(article_id, [...(tags.get(article_id) ?? []), t]);
  return { authors, tags };
}

async function complete(db: Db, rows: Row[]): Promise<FullArticle[]> {
  const { authors, tags } = await bylinesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    bodyHtml: r.body_html ?? null,
    publishedAt: Number(r.published_at),
    updatedAt: Number(r.updated_at),
    category: { id: r.category_id, slug: r.category_slug, name: r.category_name },
    authors: authors.get(r.id) ?? [],
    tags: tags.get(r.id) ?? [],
    cover: coverOf(r),
    breaking: Number(r.breaking) === 1,
    commentCount: Number(r.comment_count),
  }));
}

function withBody(q: Base, body: boolean): Base {
  // The body is the widest column by far: read only when asked.
  return body ? (q.select('a.body_html') as unknown as Base) : q;
}

/** A page of published articles, newest first, strictly after `after` when given. */
export async function listFullArticles(
  db: Db,
  now: number,
  filter: FullArticleFilter,
  options: { after: Keyset | null; limit: number; body: boolean },
): Promise<FullArticle[]> {
  let q = applyFilter(baseQuery(db, now), filter);
  const { after } = options;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('a.published_at', '<', after.publishedAt),
        eb.and([eb('a.published_at', '=', after.publishedAt), eb('a.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await withBody(q, options.body)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit)
    .execute();
  return complete(db, rows as Row[]);
}

/** Published articles by id, in any order; ids that are not published are left out. */
export async function fullArticlesByIds(
  db: Db,
  now: number,
  ids: number[],
  body: boolean,
): Promise<Map<number, FullArticle>> {
  if (ids.length === 0) return new Map();
  const rows = await withBody(baseQuery(db, now).where('a.id', 'in', ids), body).execute();
  return new Map((await complete(db, rows as Row[])).map((a) => [a.id, a]));
}

/**
 * The published article with this slug. Slugs are unique within a section only; when two sections
 * use the same one, the newest article wins (the newsroom's URL names the section to tell them apart).
 */
export async function fullArticleBySlug(
  db: Db,
  now: number,
  slug: string,
  body: boolean,
): Promise<FullArticle | null> {
  const rows = await withBody(baseQuery(db, now).where('a.slug', '=', slug), body)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(1)
    .execute();
  return (await complete(db, rows as Row[]))[0] ?? null;
}
