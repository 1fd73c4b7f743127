// A revision's content: every field of the article at one version, with the names of its tags,
// category and authors, so a revision still reads right after those are renamed or deleted.
import type { Db } from '../db/index.js';
import type { ArticleStatus, CommentsModeration, CommentsWho } from '../db/schema.js';
import type { ArticleDraft } from './types.js';

export interface Snapshot {
  title: string;
  slug: string;
  lead: string;
  bodyHtml: string;
  categoryId: number;
  categoryName: string;
  tags: string[];
  authors: { id: number; name: string }[];
  coverMediaId: number | null;
  seoTitle: string;
  seoDescription: string;
  commentsWho: CommentsWho | null;
  commentsModeration: CommentsModeration | null;
  commentsCloseDays: number | null;
  breaking: boolean;
  status: ArticleStatus;
  scheduledAt: number | null;
}

/** Reads the article's current state; pass the transaction that just wrote it. */
export async function readSnapshot(db: Db, articleId: number): Promise<Snapshot> {
  const [a, tags, authors] = await Promise.all([
    db
      .selectFrom('articles as a')
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      .where('a.id', '=', articleId)
      .select([
        'a.title',
        'a.slug',
        'a.lead',
        'a.body_html',
        'a.category_id',
        'c.name as category_name',
        'a.cover_media_id',
        'a.seo_title',
        'a.seo_description',
        'a.comments_who',
        'a.comments_moderation',
        'a.comments_close_days',
        'a.breaking',
        'a.status',
        'a.scheduled_at',
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .where('at.article_id', '=', articleId)
      .select('t.name')
      .orderBy('t.name')
      .execute(),
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .where('aa.article_id', '=', articleId)
      .select(['au.id', 'au.name'])
      .orderBy('aa.position')
      .execute(),
  ]);
  return {
    title: a.title,
    slug: a.slug,
    lead: a.lead,
    bodyHtml: a.body_html,
    categoryId: a.category_id,
    categoryName: a.category_name,
    tags: tags.map((t) => t.name),
    authors: authors.map((r) => ({ id: r.id, name: r.name })),
    coverMediaId: a.cover_media_id,
    seoTitle: a.seo_title,
    seoDescription: a.seo_description,
    commentsWho: a.comments_who,
    commentsModeration: a.comments_moderation,
    commentsCloseDays: a.comments_close_days,
    breaking: a.breaking === 1,
    status: a.status,
    scheduledAt: a.scheduled_at === null ? null : Number(a.scheduled_at),
  };
}

/** Parses a stored snapshot; a damaged row reads as null rather than breaking the history page. */
export function parseSnapshot(json: string): Snapshot | null {
  try {
    const v = JSON.parse(json) as Snapshot;
    return typeof v === 'object' &&
      v !== null &&
      typeof v.title === 'string' &&
      typeof v.bodyHtml === 'string'
      ? v
      : null;
  } catch {
    return null;
  }
}

/** A draft that was not saved, as a snapshot, to compare with what is stored (a save conflict). */
export function snapshotOfDraft(
  d: ArticleDraft,
  names: { category: string; authors: Map<number, string> },
  current: Pick<Snapshot, 'status' | 'scheduledAt'>,
): Snapshot {
  return {
    title: d.title,
    slug: d.slug,
    lead: d.lead,
    bodyHtml: d.bodyHtml,
    categoryId: d.categoryId,
    categoryName: names.category,
    tags: d.tags,
    authors: d.authorIds.map((id) => ({ id, name: names.authors.get(id) ?? `#${id}` })),
    coverMediaId: d.coverMediaId,
    seoTitle: d.seoTitle,
    seoDescription: d.seoDescription,
    commentsWho: d.commentsWho,
    commentsModeration: d.commentsModeration,
    commentsCloseDays: d.commentsCloseDays,
    breaking: d.breaking,
    status: current.status,
    scheduledAt: current.scheduledAt,
  };
}
