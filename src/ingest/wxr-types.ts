// Plain shapes of what a WordPress export (WXR 1.0–1.2) holds, as the reader yields them. Times are
// epoch milliseconds; HTML stays exactly as exported (the writer sanitizes it). `line` is where the
// element starts in the file, so later checks can name it.

export const WXR_POST_STATUSES = [
  'publish',
  'draft',
  'pending',
  'future',
  'private',
  'trash',
  'inherit',
] as const;
export type WxrPostStatus = (typeof WXR_POST_STATUSES)[number];

/** wp:comment_approved: 1 → approved, 0 → pending, spam, trash (and post-trashed → trash). */
export const WXR_COMMENT_STATUSES = ['approved', 'pending', 'spam', 'trash'] as const;
export type WxrCommentStatus = (typeof WXR_COMMENT_STATUSES)[number];

/** The post types Vestnik imports; every other type is counted and skipped with a reason. */
export const WXR_IMPORTED_TYPES = ['post', 'page', 'attachment'] as const;
export type WxrImportedType = (typeof WXR_IMPORTED_TYPES)[number];

export interface WxrSite {
  title: string;
  link: string;
  description: string;
  language: string;
  wxrVersion: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  line: number;
}

export interface WxrCategory {
  termId: number | null;
  nicename: string;
  name: string;
  /** The parent's nicename, or null at the top. */
  parent: string | null;
  description: string;
  line: number;
}

export interface WxrTag {
  termId: number | null;
  slug: string;
  name: string;
  description: string;
  line: number;
}

/** wp:term: any taxonomy (nav_menu, post_format, custom ones); categories and tags repeat here. */
export interface WxrTerm {
  termId: number | null;
  taxonomy: string;
  slug: string;
  name: string;
  parent: string | null;
  description: string;
  line: number;
}

export interface WxrComment {
  id: number;
  /** The parent comment's id in the same post, or null for a top-level comment. */
  parentId: number | null;
  author: string;
  email: string;
  url: string;
  ip: string;
  dateMs: number;
  content: string;
  status: WxrCommentStatus;
  /** 'comment', 'pingback', 'trackback' or a plugin's own type. */
  type: string;
  userId: number | null;
  line: number;
}

/** An item's <category domain="…" nicename="…">name</category>. */
export interface WxrTermRef {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  postType: string;
  id: number;
  title: string;
  /** The old permalink, for redirects. */
  link: string;
  guid: string;
  postName: string;
  status: WxrPostStatus;
  /** wp:post_date_gmt, or wp:post_date in the site's zone when the GMT date is 0000-00-00; null for undated drafts. */
  dateMs: number | null;
  /** dc:creator: the author's login. */
  author: string;
  contentHtml: string;
  excerptHtml: string;
  parentId: number | null;
  menuOrder: number;
  sticky: boolean;
  password: string;
  /** Category nicenames (domain "category"). */
  categories: string[];
  /** Tag slugs (domain "post_tag"). */
  tags: string[];
  /** References to other taxonomies (post_format, nav_menu, …). */
  otherTerms: WxrTermRef[];
  /** Tag and category names as the item spells them, by slug, for terms the channel does not declare. */
  termNames: Record<string, string>;
  postmeta: Record<string, string>;
  /** _thumbnail_id: the featured image's attachment id. */
  thumbnailId: number | null;
  /** wp:attachment_url, for attachments. */
  attachmentUrl: string | null;
  comments: WxrComment[];
  line: number;
}

/** What the reader yields, in file order: the site first, then channel data and items. */
export type WxrEvent =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'tag'; tag: WxrTag }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem }
  | { kind: 'skipped'; skipped: WxrSkippedItem };

/** An item of a post type Vestnik does not import (menus, revisions, theme data). */
export interface WxrSkippedItem {
  postType: string;
  id: number | null;
  title: string;
  reason: string;
  line: number;
}

/** Why an item of this post type is not imported, or null when it is. */
export function skipReason(postType: string): string | null {
  if ((WXR_IMPORTED_TYPES as readonly string[]).includes(postType)) return null;
  if (postType === 'nav_menu_item')
    return 'navigation menu entries are theme data; menus are built in Vestnik';
  if (postType === 'revision') return 'revisions are not imported; the current text is';
  if (postType.startsWith('wp_') || postType === 'custom_css' || postType === 'customize_changeset')
    return 'theme and editor data has no counterpart in Vestnik';
  return `post type "${postType}" has no counterpart in Vestnik`;
}
