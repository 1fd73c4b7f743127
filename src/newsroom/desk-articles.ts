// The back office's view of articles: one article with every field for the editor, the list with
// filters, and the secret preview link.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { ArticleStatus } from '../db/schema.js';
import { terms } from '../text/tokens.js';
import type { DeskArticle } from './types.js';

export async function loadDeskArticle(db: Db, id: number): Promise<DeskArticle | null> {
  const [a, tags, authors] = await Promise.all([
    db
      .selectFrom('articles as a')
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      .where('a.id', '=', id)
      .selectAll('a')
      .select('c.slug as category_slug')
      .executeTakeFirst(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .where('at.article_id', '=', id)
      .select('t.name')
      .orderBy('t.name')
      .execute(),
    db
      .selectFrom('article_authors')
      .select('author_id')
      .where('article_id', '=', id)
      .orderBy('position')
      .execute(),
  ]);
  if (!a) return null;
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    ownerId: a.owner_id,
    scheduledAt: n(a.scheduled_at),
    publishedAt: n(a.published_at),
    createdAt: Number(a.created_at),
    updatedAt: Number(a.updated_at),
    previewKey: a.preview_key,
    categorySlug: a.category_slug,
    title: a.title,
    slug: a.slug,
    lead: a.lead,
    bodyHtml: a.body_html,
    categoryId: a.category_id,
    tags: tags.map((t) => t.name),
    authorIds: authors.map((r) => r.author_id),
    coverMediaId: a.cover_media_id,
    seoTitle: a.seo_title,
    seoDescription: a.seo_description,
    commentsWho: a.comments_who,
    commentsModeration: a.comments_moderation,
    commentsCloseDays: a.comments_close_days,
    breaking: a.breaking === 1,
  };
}

export interface DeskListFilter {
  status?: ArticleStatus;
  /** Only articles this account created. */
  ownerId?: number;
  /** Words of the title, matched case-insensitively (Cyrillic too). */
  q?: string;
  categoryId?: number;
}

export interface DeskListItem {
  id: number;
  title: string;
  status: ArticleStatus;
  categoryName: string;
  ownerName: string | null;
  updatedAt: number;
  scheduledAt: number | null;
  publishedAt: number | null;
  ownerId: number | null;
}

/** Newest change first. The title match runs in JS on a bounded candidate set (SQLite's lower() is ASCII-only). */
export async function listDeskArticles(
  db: Db,
  filter: DeskListFilter,
  page: number,
  pageSize: number,
): Promise<{ items: DeskListItem[]; total: number; pages: number }> {
  let q = db
    .selectFrom('articles as a')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .leftJoin('users as u', 'u.id', 'a.owner_id');
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.ownerId !== undefined) q = q.where('a.owner_id', '=', filter.ownerId);
  if (filter.categoryId !== undefined) q = q.where('a.category_id', '=', filter.categoryId);
  const words = (filter.q ?? '')
    .toLocaleLowerCase('bg')
    .split(/\s+/)
    .filter((w) => w !== '');
  const select = q
    .select([
      'a.id',
      'a.title',
      'a.status',
      'c.name as category_name',
      'u.display_name as owner_name',
      'a.updated_at',
      'a.scheduled_at',
      'a.published_at',
      'a.owner_id',
    ])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc');
  const toItem = (r: Awaited<ReturnType<typeof select.execute>>[number]): DeskListItem => ({
    id: r.id,
    title: r.title,
    status: r.status,
    categoryName: r.category_name,
    ownerName: r.owner_name,
    updatedAt: Number(r.updated_at),
    scheduledAt: r.scheduled_at === null ? null : Number(r.scheduled_at),
    publishedAt: r.published_at === null ? null : Number(r.published_at),
    ownerId: r.owner_id,
  });
  if (words.length === 0) {
    const [rows, count] = await Promise.all([
      select
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const total = Number(count.n);
    return { items: rows.map(toItem), total, pages: Math.max(1, Math.ceil(total / pageSize)) };
  }
  // The public index holds only published articles; the desk needs drafts too, so the newest
  // 5000 titles are matched here: a typed word matches as a substring (метро → метроучастък) or by
  // its stem (държавата → Държави).
  const wanted = words.map((w) => ({ raw: w, stem: terms(w)[0] }));
  const rows = (await select.limit(5000).execute()).filter((r) => {
    const title = r.title.toLocaleLowerCase('bg');
    const stems = new Set(terms(r.title));
    return wanted.every((w) => title.includes(w.raw) || (w.stem !== undefined && stems.has(w.stem)));
  });
  return {
    items: rows.slice((page - 1) * pageSize, page * pageSize).map(toItem),
    total: rows.length,
    pages: Math.max(1, Math.ceil(rows.length / pageSize)),
  };
}

/** A new secret preview link for the article (the old one stops working). */
export async function renewPreviewKey(db: Db, id: number): Promise<string> {
  const key = randomBytes(24).toString('base64url');
  await db.updateTable('articles').set({ preview_key: key }).where('id', '=', id).execute();
  return key;
}

export async function revokePreviewKey(db: Db, id: number): Promise<void> {
  await db.updateTable('articles').set({ preview_key: null }).where('id', '=', id).execute();
}

/** The article behind a preview link, whatever its status. Keys are long and random; a miss is null. */
export async function findByPreviewKey(db: Db, key: string): Promise<number | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(key)) return null;
  const row = await db.selectFrom('articles').select('id').where('preview_key', '=', key).executeTakeFirst();
  return row?.id ?? null;
}

/** Author profiles for the byline picker, by name. */
export async function listAuthors(db: Db): Promise<{ id: number; name: string; userId: number | null }[]> {
  const rows = await db.selectFrom('authors').select(['id', 'name', 'user_id']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, userId: r.user_id }));
}
