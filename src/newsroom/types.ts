// What the newsroom edits: an article's fields as the editor form holds them, the person acting,
// and the article as the back office sees it (any status, with its workflow facts).
import type { ArticleStatus, CommentsModeration, CommentsWho, Role } from '../db/schema.js';

export interface ArticleDraft {
  title: string;
  /** Empty: made from the title when the article is created. */
  slug: string;
  lead: string;
  bodyHtml: string;
  categoryId: number;
  /** Tag names as typed; missing ones are created on save. */
  tags: string[];
  /** Author profile ids in byline order; empty means the actor's own byline. */
  authorIds: number[];
  coverMediaId: number | null;
  seoTitle: string;
  seoDescription: string;
  commentsWho: CommentsWho | null;
  commentsModeration: CommentsModeration | null;
  commentsCloseDays: number | null;
  breaking: boolean;
}

export interface Actor {
  id: number;
  role: Role;
  displayName: string;
}

/** An article in the back office: the draft fields plus where it stands. */
export interface DeskArticle extends ArticleDraft {
  id: number;
  version: number;
  status: ArticleStatus;
  ownerId: number | null;
  scheduledAt: number | null;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
  previewKey: string | null;
  categorySlug: string;
}

export type DraftField = keyof ArticleDraft;

export type DraftError =
  | 'required'
  | 'too-long'
  | 'bad-slug'
  | 'slug-taken'
  | 'unknown-category'
  | 'unknown-author'
  | 'unknown-media'
  | 'too-many'
  | 'bad-value';

export type DraftErrors = Partial<Record<DraftField, DraftError>>;
