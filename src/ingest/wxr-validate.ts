// The first of two passes over a WordPress export: reads it whole (streaming), checks what
// no single element can check alone — category parents, comment threads, duplicate ids, featured
// images — and counts everything, so the writer's pass can be all-or-nothing and the report can
// account for every post, category, tag and comment. Only ids, lines and URLs are kept, never text.

import { WxrError } from './wxr-error.js';
import { readWxr, type WxrReadOptions } from './wxr-read.js';
import {
  WXR_COMMENT_STATUSES,
  WXR_POST_STATUSES,
  type WxrAuthor,
  type WxrCategory,
  type WxrCommentStatus,
  type WxrEvent,
  type WxrItem,
  type WxrPostStatus,
  type WxrSite,
  type WxrTag,
} from './wxr-types.js';

export interface WxrValidateOptions extends WxrReadOptions {
  /** Two items with one wp:post_id: an error by default (redirects and comments key on it), or only reported. */
  duplicateIds?: 'error' | 'report';
}

export interface WxrDuplicate {
  kind: 'id' | 'guid';
  value: string;
  /** Lines of every item that carries it, in file order. */
  lines: number[];
}

export interface WxrFeaturedImage {
  postId: number;
  attachmentId: number;
  /** The attachment's URL, or null when the export has no such attachment. */
  url: string | null;
}

export interface WxrReport {
  site: WxrSite;
  posts: Record<WxrPostStatus, number>;
  pages: Record<WxrPostStatus, number>;
  attachments: number;
  /** Authors, categories and tags: the declared ones plus those only items name. */
  authors: WxrAuthor[];
  /** Parents before their children, so the writer can insert in this order. */
  categories: WxrCategory[];
  tags: WxrTag[];
  authorsFromItems: string[];
  categoriesFromItems: string[];
  tagsFromItems: string[];
  /** wp:term elements by taxonomy (menus, post formats, …); categories and tags repeat there. */
  terms: Record<string, number>;
  comments: Record<WxrCommentStatus, number>;
  commentTypes: Record<string, number>;
  skipped: { postType: string; count: number; reason: string }[];
  featuredImages: WxrFeaturedImage[];
  duplicates: WxrDuplicate[];
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function problem(
  code: ConstructorParameters<typeof WxrError>[0],
  line: number,
  element: string,
  detail: string,
) {
  return new WxrError(code, detail, { line, column: 1, element });
}

/** Reads and checks the export at `path`; throws the first WxrError, else returns the report. */
export function validateWxr(path: string, options: WxrValidateOptions): Promise<WxrReport> {
  return validateWxrEvents(readWxr(path, options), options);
}

export async function validateWxrEvents(
  events: AsyncIterable<WxrEvent>,
  options: Pick<WxrValidateOptions, 'duplicateIds'> = {},
): Promise<WxrReport> {
  let site: WxrSite | null = null;
  const authors = new Map<string, WxrAuthor>();
  const categories = new Map<string, WxrCategory>();
  const tags = new Map<string, WxrTag>();
  const authorsFromItems = new Set<string>();
  const categoriesFromItems = new Set<string>();
  const tagsFromItems = new Set<string>();
  const report = {
    posts: zeroes(WXR_POST_STATUSES),
    pages: zeroes(WXR_POST_STATUSES),
    attachments: 0,
    terms: {} as Record<string, number>,
    comments: zeroes(WXR_COMMENT_STATUSES),
    commentTypes: {} as Record<string, number>,
  };
  const skipped = new Map<string, { postType: string; count: number; reason: string }>();
  const idLines = new Map<number, number[]>();
  const guidLines = new Map<string, number[]>();
  const attachmentUrls = new Map<number, string | null>();
  const thumbnails: { postId: number; attachmentId: number }[] = [];

  const checkItem = (item: WxrItem) => {
    if (item.postType === 'post') report.posts[item.status]++;
    else if (item.postType === 'page') report.pages[item.status]++;
    else {
      report.attachments++;
      attachmentUrls.set(item.id, item.attachmentUrl ?? (item.guid || null));
    }
    pushLine(idLines, item.id, item.line);
    if (item.guid !== '') pushLine(guidLines, item.guid, item.line);
    if (item.thumbnailId !== null) thumbnails.push({ postId: item.id, attachmentId: item.thumbnailId });
    if (item.author !== '' && !authors.has(item.author)) authorsFromItems.add(item.author);
    // Terms that items name but the channel does not declare are created, as WordPress does.
    for (const t of item.tags)
      if (!tags.has(t)) {
        tagsFromItems.add(t);
        tags.set(t, {
          termId: null,
          slug: t,
          name: item.termNames[t] ?? t,
          description: '',
          line: item.line,
        });
      }
    for (const c of item.categories)
      if (!categories.has(c)) {
        categoriesFromItems.add(c);
        const name = item.termNames[c] ?? c;
        categories.set(c, {
          termId: null,
          nicename: c,
          name,
          parent: null,
          description: '',
          line: item.line,
        });
      }
    checkComments(item);
    for (const c of item.comments) {
      report.comments[c.status]++;
      report.commentTypes[c.type] = (report.commentTypes[c.type] ?? 0) + 1;
    }
  };

  for await (const event of events) {
    switch (event.kind) {
      case 'site':
        site = event.site;
        break;
      case 'author':
        authors.set(event.author.login, event.author);
        break;
      case 'category':
        categories.set(event.category.nicename, event.category);
        break;
      case 'tag':
        tags.set(event.tag.slug, event.tag);
        break;
      case 'term':
        report.terms[event.term.taxonomy] = (report.terms[event.term.taxonomy] ?? 0) + 1;
        break;
      case 'skipped': {
        const s = event.skipped;
        const entry = skipped.get(s.postType) ?? { postType: s.postType, count: 0, reason: s.reason };
        entry.count++;
        skipped.set(s.postType, entry);
        break;
      }
      case 'item':
        checkItem(event.item);
        break;
    }
  }
  if (site === null) throw problem('not-wxr', 1, 'rss', 'the file holds no WordPress site.');

  const duplicates: WxrDuplicate[] = [];
  for (const [id, lines] of idLines)
    if (lines.length > 1) {
      if ((options.duplicateIds ?? 'error') === 'error')
        throw problem(
          'duplicate-id',
          lines[1] ?? 0,
          'wp:post_id',
          `post id ${id} is used by more than one item (lines ${lines.join(', ')}).`,
        );
      duplicates.push({ kind: 'id', value: String(id), lines });
    }
  for (const [guid, lines] of guidLines)
    if (lines.length > 1) duplicates.push({ kind: 'guid', value: guid, lines });

  // Authors named only by items join the declared ones, with the login as their name.
  for (const login of authorsFromItems)
    authors.set(login, { login, email: '', displayName: login, firstName: '', lastName: '', line: 0 });

  return {
    site,
    ...report,
    authors: [...authors.values()],
    categories: parentsFirst(categories),
    tags: [...tags.values()],
    authorsFromItems: [...authorsFromItems],
    categoriesFromItems: [...categoriesFromItems],
    tagsFromItems: [...tagsFromItems],
    skipped: [...skipped.values()],
    featuredImages: thumbnails.map((t) => ({ ...t, url: attachmentUrls.get(t.attachmentId) ?? null })),
    duplicates,
  };
}

function pushLine<K>(map: Map<K, number[]>, key: K, line: number): void {
  const lines = map.get(key);
  if (lines) lines.push(line);
  else map.set(key, [line]);
}

/** Every comment's parent is a comment of the same post; comment ids are unique within it. */
function checkComments(item: WxrItem): void {
  const ids = new Set<number>();
  for (const c of item.comments) {
    if (ids.has(c.id))
      throw problem(
        'duplicate-comment-id',
        c.line,
        'wp:comment_id',
        `comment id ${c.id} appears twice in post ${item.id}.`,
      );
    ids.add(c.id);
  }
  for (const c of item.comments)
    if (c.parentId !== null && !ids.has(c.parentId))
      throw problem(
        'unknown-parent-comment',
        c.line,
        'wp:comment_parent',
        `comment ${c.id} answers comment ${c.parentId}, which post ${item.id} does not have.`,
      );
}

/** The categories ordered parents first; a missing parent or a loop is an error naming the category. */
function parentsFirst(categories: Map<string, WxrCategory>): WxrCategory[] {
  const ordered: WxrCategory[] = [];
  const placed = new Set<string>();
  for (const start of categories.values()) {
    const chain: WxrCategory[] = [];
    const onChain = new Set<string>();
    let c: WxrCategory | undefined = start;
    while (c && !placed.has(c.nicename)) {
      if (onChain.has(c.nicename))
        throw problem(
          'category-cycle',
          c.line,
          'wp:category_parent',
          `category "${c.nicename}" is its own ancestor.`,
        );
      onChain.add(c.nicename);
      chain.push(c);
      if (c.parent === null) break;
      const parent = categories.get(c.parent);
      if (!parent)
        throw problem(
          'unknown-parent-category',
          c.line,
          'wp:category_parent',
          `category "${c.nicename}" has the parent "${c.parent}", which the export does not define.`,
        );
      c = parent;
    }
    for (const link of chain.reverse()) {
      placed.add(link.nicename);
      ordered.push(link);
    }
  }
  return ordered;
}
