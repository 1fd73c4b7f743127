// Turns the small element trees the reader collects (one per author, category, tag, term or item)
// into the plain objects of wxr-types.ts, checking each field and naming the element and line of
// anything wrong. Text and CDATA are kept exactly as written, apart from trimming single values.

import { zonedTimeToEpoch } from '../text/dates.js';
import { WxrError, type WxrErrorCode } from './wxr-error.js';
import {
  skipReason,
  WXR_POST_STATUSES,
  type WxrAuthor,
  type WxrCategory,
  type WxrComment,
  type WxrCommentStatus,
  type WxrItem,
  type WxrPostStatus,
  type WxrSkippedItem,
  type WxrTag,
  type WxrTerm,
  type WxrTermRef,
} from './wxr-types.js';

/** An element with its attributes, its own text (CDATA included) and its child elements. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  line: number;
  column: number;
}

function fail(code: WxrErrorCode, node: XmlNode, detail: string): never {
  throw new WxrError(code, detail, { line: node.line, column: node.column, element: node.name });
}

const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);

/** The trimmed text of a child element; '' when it is absent. */
function text(node: XmlNode, name: string): string {
  return child(node, name)?.text.trim() ?? '';
}

function required(node: XmlNode, name: string): string {
  const c = child(node, name);
  if (!c) fail('missing-element', node, `<${name}> is missing.`);
  const value = c.text.trim();
  if (value === '') fail('missing-element', c, `<${name}> is empty.`);
  return value;
}

/** A whole number ≥ 0, or null when absent or empty. */
function integer(node: XmlNode, name: string, mustExist = false): number | null {
  const c = child(node, name);
  const value = c?.text.trim() ?? '';
  if (value === '') {
    if (mustExist) required(node, name);
    return null;
  }
  if (!/^\d{1,15}$/.test(value)) fail('bad-value', c ?? node, `"${value}" is not a whole number.`);
  return Number(value);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A WordPress date 'YYYY-MM-DD HH:MM:SS', read as UTC or as wall time in `timeZone`. Empty and
 * 0000-00-00 mean "not set" (null); anything else that is not a real date is an error.
 */
function wpDate(node: XmlNode, name: string, timeZone: string | null): number | null {
  const c = child(node, name);
  const value = c?.text.trim() ?? '';
  if (!c || value === '' || value.startsWith('0000-00-00')) return null;
  const m = DATE.exec(value);
  const [y, mo, d, h, mi, s] = (m ?? []).slice(1).map((part) => Number(part ?? 0));
  const valid =
    m !== null &&
    y !== undefined &&
    mo !== undefined &&
    d !== undefined &&
    h !== undefined &&
    mi !== undefined &&
    s !== undefined &&
    y >= 1000 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() &&
    h <= 23 &&
    mi <= 59 &&
    s <= 59;
  if (!valid) fail('bad-date', c, `"${value}" is not a date of the form YYYY-MM-DD HH:MM:SS.`);
  if (timeZone === null) return Date.UTC(y, mo - 1, d, h, mi, s);
  return zonedTimeToEpoch(y, mo, d, h, mi, timeZone) + s * 1000;
}

/** The GMT date when set, else the local date read in the site's zone. */
function gmtOrLocal(node: XmlNode, gmtName: string, localName: string, timeZone: string): number | null {
  return wpDate(node, gmtName, null) ?? wpDate(node, localName, timeZone);
}

export function toAuthor(node: XmlNode): WxrAuthor {
  return {
    login: required(node, 'wp:author_login'),
    email: text(node, 'wp:author_email'),
    displayName: text(node, 'wp:author_display_name'),
    firstName: text(node, 'wp:author_first_name'),
    lastName: text(node, 'wp:author_last_name'),
    line: node.line,
  };
}

export function toCategory(node: XmlNode): WxrCategory {
  const nicename = required(node, 'wp:category_nicename');
  return {
    termId: integer(node, 'wp:term_id'),
    nicename,
    name: text(node, 'wp:cat_name') || nicename,
    parent: text(node, 'wp:category_parent') || null,
    description: text(node, 'wp:category_description'),
    line: node.line,
  };
}

export function toTag(node: XmlNode): WxrTag {
  const slug = required(node, 'wp:tag_slug');
  return {
    termId: integer(node, 'wp:term_id'),
    slug,
    name: text(node, 'wp:tag_name') || slug,
    description: text(node, 'wp:tag_description'),
    line: node.line,
  };
}

export function toTerm(node: XmlNode): WxrTerm {
  const slug = required(node, 'wp:term_slug');
  return {
    termId: integer(node, 'wp:term_id'),
    taxonomy: required(node, 'wp:term_taxonomy'),
    slug,
    name: text(node, 'wp:term_name') || slug,
    parent: text(node, 'wp:term_parent') || null,
    description: text(node, 'wp:term_description'),
    line: node.line,
  };
}

const COMMENT_STATUS: Record<string, WxrCommentStatus> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
};

function toComment(node: XmlNode, timeZone: string): WxrComment {
  const id = integer(node, 'wp:comment_id', true) as number;
  const approved = text(node, 'wp:comment_approved');
  const status = COMMENT_STATUS[approved];
  if (!status)
    fail(
      'bad-value',
      child(node, 'wp:comment_approved') ?? node,
      `comment ${id}: "${approved}" is not 1, 0, spam or trash.`,
    );
  const dateMs = gmtOrLocal(node, 'wp:comment_date_gmt', 'wp:comment_date', timeZone);
  if (dateMs === null) fail('bad-date', node, `comment ${id} has no date.`);
  const parent = integer(node, 'wp:comment_parent');
  const userId = integer(node, 'wp:comment_user_id');
  return {
    id,
    parentId: parent === 0 ? null : parent,
    author: text(node, 'wp:comment_author'),
    email: text(node, 'wp:comment_author_email'),
    url: text(node, 'wp:comment_author_url'),
    ip: text(node, 'wp:comment_author_IP'),
    dateMs,
    content: child(node, 'wp:comment_content')?.text ?? '',
    status,
    type: text(node, 'wp:comment_type') || 'comment',
    userId: userId === 0 ? null : userId,
    line: node.line,
  };
}

/** Statuses with a moment of publication: such an item must have a date. */
const DATED: readonly WxrPostStatus[] = ['publish', 'future', 'private'];

export function toItem(node: XmlNode, timeZone: string): WxrItem | WxrSkippedItem {
  const postType = required(node, 'wp:post_type');
  const reason = skipReason(postType);
  if (reason !== null) {
    const id = child(node, 'wp:post_id')?.text.trim() ?? '';
    return {
      postType,
      id: /^\d+$/.test(id) ? Number(id) : null,
      title: text(node, 'title'),
      reason,
      line: node.line,
    };
  }
  const id = integer(node, 'wp:post_id', true) as number;
  const status = required(node, 'wp:status') as WxrPostStatus;
  if (!WXR_POST_STATUSES.includes(status))
    fail(
      'bad-value',
      child(node, 'wp:status') ?? node,
      `item ${id}: "${status}" is not a WordPress post status.`,
    );
  const dateMs = gmtOrLocal(node, 'wp:post_date_gmt', 'wp:post_date', timeZone);
  if (dateMs === null && DATED.includes(status))
    fail('bad-date', node, `item ${id} (${status}) has no date.`);

  const categories: string[] = [];
  const tags: string[] = [];
  const otherTerms: WxrTermRef[] = [];
  const termNames: Record<string, string> = {};
  const postmeta: Record<string, string> = {};
  const comments: WxrComment[] = [];
  for (const c of node.children) {
    if (c.name === 'category') {
      const domain = c.attrs.domain ?? '';
      const name = c.text.trim();
      const nicename = c.attrs.nicename ?? '';
      // WXR 1.0 items name categories without domain or nicename: the name is all there is.
      if (domain === '' || domain === 'category') categories.push(nicename || name);
      else if (domain === 'post_tag' || domain === 'tag') tags.push(nicename || name);
      else otherTerms.push({ domain, nicename, name });
      if (domain === '' || domain === 'category' || domain === 'post_tag' || domain === 'tag')
        termNames[nicename || name] = name;
    } else if (c.name === 'wp:postmeta') {
      const key = text(c, 'wp:meta_key');
      if (key !== '') postmeta[key] = child(c, 'wp:meta_value')?.text ?? '';
    } else if (c.name === 'wp:comment') comments.push(toComment(c, timeZone));
  }
  const thumbnail = (postmeta._thumbnail_id ?? '').trim();
  const parent = integer(node, 'wp:post_parent');
  return {
    postType,
    id,
    title: text(node, 'title'),
    link: text(node, 'link'),
    guid: text(node, 'guid'),
    postName: text(node, 'wp:post_name'),
    status,
    dateMs,
    author: text(node, 'dc:creator'),
    contentHtml: child(node, 'content:encoded')?.text ?? '',
    excerptHtml: child(node, 'excerpt:encoded')?.text ?? '',
    parentId: parent === 0 ? null : parent,
    menuOrder: Number(text(node, 'wp:menu_order')) || 0,
    sticky: text(node, 'wp:is_sticky') === '1',
    password: text(node, 'wp:post_password'),
    categories,
    tags,
    otherTerms,
    termNames,
    postmeta,
    thumbnailId: /^\d+$/.test(thumbnail) && thumbnail !== '0' ? Number(thumbnail) : null,
    attachmentUrl: text(node, 'wp:attachment_url') || null,
    comments,
    line: node.line,
  };
}
