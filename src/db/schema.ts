// Table types as Kysely sees them. Times are epoch milliseconds (bigint in PostgreSQL, integer
// in SQLite), so the same comparisons and arithmetic work on both; see docs/decisions.md.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
/** Who may comment: anyone with a name and an email, signed-in readers only, or nobody. */
export type CommentsWho = 'guests' | 'registered' | 'closed';
/** Pre-moderation holds every comment for a moderator; post-moderation publishes and reviews after. */
export type CommentsModeration = 'pre' | 'post';
export type Role = 'reader' | 'contributor' | 'author' | 'moderator' | 'editor' | 'admin';
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
  /** Comment policy overrides; null inherits from the site. */
  comments_who: CommentsWho | null;
  comments_moderation: CommentsModeration | null;
  comments_close_days: number | null;
}

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string;
  bio: string;
  created_at: number;
  /** The staff account writing under this byline, if any. */
  user_id: number | null;
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
  /** Comment policy overrides; null inherits from the category, then the site. */
  comments_who: CommentsWho | null;
  comments_moderation: CommentsModeration | null;
  comments_close_days: number | null;
  /** Approved, visible comments; kept in step with the comments table in the same transaction. */
  comment_count: Generated<number>;
  view_count: Generated<number>;
  /** Bumped by every save: a save based on an older version is refused, never merged silently. */
  version: Generated<number>;
  breaking: Generated<number>;
  /** The staff account that created it ("their own" article in the role matrix). */
  owner_id: number | null;
  updated_by: number | null;
  cover_media_id: number | null;
  /** When a scheduled article goes out; published_at is set from it at that moment. */
  scheduled_at: number | null;
  /** The secret of the preview link; null when there is none (a new one revokes the old). */
  preview_key: string | null;
  seo_title: Generated<string>;
  seo_description: Generated<string>;
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
  /** The top of the thread, for replies; null for a top-level comment (its own thread). */
  thread_id: number | null;
  author_name: string;
  body: string;
  status: CommentStatus;
  created_at: number;
  /** A one-off key from the form: a double submit of the same form stores one comment. */
  submission_key: string;
  /** Salted hash of the poster's network identity, for flood checks; never the raw IP. */
  visitor_hash: string;
  /** The signed-in reader who wrote it; null for guests and for deleted accounts. */
  user_id: number | null;
  /** A guest's email: for moderators only, never shown. */
  author_email: string | null;
  /** Why the moderation chain (or a moderator) put it where it is: a ModerationReason code. */
  moderation_reason: Generated<string>;
  /** What the check saw (a listed word, a link count); moderators only. */
  moderation_detail: string | null;
  spam_score: Generated<number>;
  edited_at: number | null;
  featured: Generated<number>;
  likes: Generated<number>;
  dislikes: Generated<number>;
  /** Reports not yet resolved by a moderator: the "reported" queue. */
  open_reports: Generated<number>;
  /** The author asked for an email when someone replies. */
  notify_replies: Generated<number>;
  moderated_at: number | null;
}

export interface UserTable {
  id: Generated<number>;
  /** Lower-cased; unique. */
  email: string;
  display_name: string;
  password_hash: string;
  role: Generated<Role>;
  email_verified_at: number | null;
  created_at: number;
  updated_at: number;
  suspended_until: number | null;
  banned_at: number | null;
  /** Their comments look published to them and to nobody else. */
  shadow_banned: Generated<number>;
  /** The default for the "email me replies" box on their comments. */
  notify_replies: Generated<number>;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
  id: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  user_agent: string;
}

export type UserTokenPurpose = 'verify-email' | 'reset-password';

export interface UserTokenTable {
  token_hash: string;
  user_id: number;
  purpose: UserTokenPurpose;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface RateLimitTable {
  key: string;
  count: number;
  updated_at: number;
  expires_at: number;
}

export interface CommentRevisionTable {
  id: Generated<number>;
  comment_id: number;
  /** The text as it was before the edit. */
  body: string;
  created_at: number;
}

export interface CommentReactionTable {
  comment_id: number;
  user_id: number;
  /** 1 for 👍, -1 for 👎. */
  value: number;
  created_at: number;
}

export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'misinformation' | 'other';

export interface CommentReportTable {
  id: Generated<number>;
  comment_id: number;
  user_id: number | null;
  reporter_key: string;
  reason: ReportReason;
  note: string;
  created_at: number;
  resolved_at: number | null;
}

export interface ModerationLogTable {
  id: Generated<number>;
  actor_id: number | null;
  /** Kept when the account is gone: the log must still say who did it. */
  actor_name: string;
  action: string;
  comment_id: number | null;
  user_id: number | null;
  detail: string;
  created_at: number;
}

export interface ArticleViewHourTable {
  article_id: number;
  /** Epoch hour: floor(ms / 3 600 000). */
  hour: number;
  views: number;
}

export type RevisionKind = 'create' | 'save' | 'autosave' | 'restore' | 'status';

export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  /** The article's version this snapshot is of. */
  version: number;
  kind: RevisionKind;
  user_id: number | null;
  /** Kept when the account is gone. */
  user_name: string;
  created_at: number;
  /** JSON of every field (see newsroom/snapshot.ts). */
  snapshot: string;
}

export type MediaFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export interface MediaTable {
  id: Generated<number>;
  /** Where the variants live in the media storage (a folder name). */
  storage_key: string;
  original_name: string;
  source_format: MediaFormat;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON array of widths made for every format, smallest first. */
  variant_widths: string;
  search_text: string;
  created_by: number | null;
  created_at: number;
}

export interface HomeSlotTable {
  /** 0 is the lead story, 1… the top stories in order. */
  slot: number;
  article_id: number;
  /** After this time the slot falls back to the newest articles; null keeps it. */
  until: number | null;
  set_by: number | null;
  set_at: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

/**
 * A published article as the search index holds it: space-separated terms (stems) per field.
 * Narrow on purpose (every query reads these rows); the long texts are in search_texts.
 */
export interface SearchDocTable {
  article_id: number;
  category_id: number;
  published_at: number;
  title_terms: string;
  lead_terms: string;
}

/** The long parts of a search document: body terms (related articles) and plain text (snippets). */
export interface SearchTextTable {
  article_id: number;
  body_terms: string;
  plain: string;
}

/** Related articles, computed when an article is published; position 0 is shown first. */
export interface ArticleRelatedTable {
  article_id: number;
  related_id: number;
  position: number;
  score: number;
}

export type ApiKeyKind = 'content' | 'admin';

export interface ApiKeyTable {
  id: Generated<number>;
  kind: ApiKeyKind;
  name: string;
  prefix: string;
  /** SHA-256 of the secret: the secrets are long and random, so a fast hash is enough. */
  secret_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  user_id: number | null;
  created_by: number | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface WebhookTable {
  id: Generated<number>;
  name: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  active: Generated<number>;
  /** Kept as given (not hashed): the sender needs it to sign deliveries. */
  secret: string;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}

export type WebhookDeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

export interface WebhookDeliveryTable {
  id: Generated<number>;
  /** The id receivers see (payload "id", Vestnik-Delivery header). */
  uuid: string;
  webhook_id: number;
  event: string;
  /** What the event is about ("article:42"), for coalescing article.updated. */
  subject: Generated<string>;
  /** The JSON body sent, built when the event happened. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: number;
  /** HTTP status of the last attempt; null when there was no answer. */
  last_status: number | null;
  last_error: string | null;
  response_excerpt: string | null;
  duration_ms: number | null;
  created_at: number;
  delivered_at: number | null;
  /** A worker owns a claimed row until then. */
  claimed_until: number | null;
}

/** An address an article left when its slug or section changed (0008): followed with a 301. */
export interface ArticleSlugHistoryTable {
  id: Generated<number>;
  article_id: number;
  category_id: number | null;
  slug: string;
  created_at: number;
}

/** The old slug of a renamed or merged tag, and the tag it now leads to (0008). */
export interface TagRedirectTable {
  old_slug: string;
  tag_id: number;
  created_at: number;
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
  users: UserTable;
  sessions: SessionTable;
  user_tokens: UserTokenTable;
  rate_limits: RateLimitTable;
  comment_revisions: CommentRevisionTable;
  comment_reactions: CommentReactionTable;
  comment_reports: CommentReportTable;
  moderation_log: ModerationLogTable;
  article_revisions: ArticleRevisionTable;
  media: MediaTable;
  home_slots: HomeSlotTable;
  search_docs: SearchDocTable;
  search_texts: SearchTextTable;
  article_related: ArticleRelatedTable;
  api_keys: ApiKeyTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  article_slug_history: ArticleSlugHistoryTable;
  tag_redirects: TagRedirectTable;
  page_imports: PageImportTable;
}

/** A scraped page imported as an article, by the hash of its extracted content. */
export interface PageImportTable {
  content_hash: string;
  article_id: number;
  source_name: Generated<string>;
  created_at: number;
}

export type ArticleRow = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;
export type ArticleUpdate = Updateable<ArticleTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type AuthorRow = Selectable<AuthorTable>;
export type TagRow = Selectable<TagTable>;
export type CommentRow = Selectable<CommentTable>;
export type UserRow = Selectable<UserTable>;
export type MediaRow = Selectable<MediaTable>;
export type RevisionRow = Selectable<ArticleRevisionTable>;
