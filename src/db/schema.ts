// Table types as Kysely sees them. Times are epoch milliseconds (bigint in PostgreSQL, integer
// in SQLite), so the same comparisons and arithmetic work on both; see docs/decisions.md.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
export type CommentsPolicy = 'open' | 'premoderated' | 'closed';
export type CommentStatus = 'approved' | 'pending' | 'rejected' | 'deleted';
export type TagKind = 'topic' | 'person' | 'place' | 'organisation';

export interface CategoryTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  name: string;
  description: string;
  position: number;
  created_at: number;
}

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string;
  bio: string;
  created_at: number;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: TagKind;
  created_at: number;
}

export interface ArticleTable {
  id: Generated<number>;
  category_id: number;
  slug: string;
  title: string;
  lead: string;
  body_html: string;
  status: ArticleStatus;
  published_at: number | null;
  /** Local calendar date of publication in the site's time zone: archive and "on this day". */
  published_ymd: string | null;
  published_md: string | null;
  created_at: number;
  updated_at: number;
  cover_url: string | null;
  cover_alt: string;
  cover_caption: string;
  cover_credit: string;
  comments_policy: CommentsPolicy;
  /** Approved, visible comments; kept in step with the comments table in the same transaction. */
  comment_count: Generated<number>;
  view_count: Generated<number>;
}

export interface ArticleAuthorTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
}

export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  /** The top of the thread: itself for top-level comments. Replies are shown two levels deep. */
  thread_id: number | null;
  author_name: string;
  body: string;
  status: CommentStatus;
  created_at: number;
  /** A one-off key from the form: a double submit of the same form stores one comment. */
  submission_key: string;
  /** Salted hash of the poster's network identity, for flood checks; never the raw IP. */
  visitor_hash: string;
}

export interface ArticleViewHourTable {
  article_id: number;
  /** Epoch hour: floor(ms / 3 600 000). */
  hour: number;
  views: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface Database {
  categories: CategoryTable;
  authors: AuthorTable;
  tags: TagTable;
  articles: ArticleTable;
  article_authors: ArticleAuthorTable;
  article_tags: ArticleTagTable;
  comments: CommentTable;
  article_view_hours: ArticleViewHourTable;
  settings: SettingTable;
}

export type ArticleRow = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;
export type ArticleUpdate = Updateable<ArticleTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type AuthorRow = Selectable<AuthorTable>;
export type TagRow = Selectable<TagTable>;
export type CommentRow = Selectable<CommentTable>;
