// What the content domain hands out: plain objects, no rows, no HTTP.
import type { CommentsModeration, CommentsWho, TagKind } from '../db/schema.js';

export interface CategoryRef {
  id: number;
  slug: string;
  name: string;
}

export interface Category extends CategoryRef {
  parentId: number | null;
  description: string;
  position: number;
  commentRules: CommentRules;
}

export interface AuthorRef {
  id: number;
  slug: string;
  name: string;
}

export interface Author extends AuthorRef {
  title: string;
  bio: string;
}

export interface TagRef {
  id: number;
  slug: string;
  name: string;
  kind: TagKind;
}

/** A cover from the media library: what its responsive variants are built from. */
export interface CoverMedia {
  key: string;
  widths: number[];
  width: number;
  height: number;
}

/** What a card in a list shows of the cover. */
export interface CoverRef {
  url: string;
  alt: string;
  /** Set when the cover is a media-library image (with AVIF/WebP variants); null for plain URLs. */
  media?: CoverMedia | null;
}

/** The article page also shows the caption and the photographer. */
export interface Cover extends CoverRef {
  caption: string;
  credit: string;
}

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  lead: string;
  publishedAt: number;
  category: CategoryRef;
  commentCount: number;
  cover: CoverRef | null;
  /** Flagged by the newsroom as breaking news: cards and the page say so. */
  breaking: boolean;
}

export interface Article extends Omit<ArticleSummary, 'cover'> {
  cover: Cover | null;
  bodyHtml: string;
  updatedAt: number;
  authors: AuthorRef[];
  tags: TagRef[];
  categoryId: number;
  /** This article's own comment rules; null fields inherit from the category and the site. */
  commentRules: CommentRules;
  /** The newsroom's title and description for search results and shares; '' means use the headline and lead. */
  seoTitle?: string;
  seoDescription?: string;
}

export interface CommentRules {
  who: CommentsWho | null;
  moderation: CommentsModeration | null;
  closeDays: number | null;
}

export const INHERIT_COMMENT_RULES: CommentRules = { who: null, moderation: null, closeDays: null };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}
