// A feed of the site, a section, a topic or an author in one of the three formats: the newest
// items (feed-items.ts), their covers measured in the media storage, bodies with absolute URLs
// (feed-html.ts), rendered (feeds.ts). The web layer resolves the scope from the URL, names the
// channel in the reader's language and hands in how public URLs are built.
import type { AuthorRef, CategoryRef, TagRef } from '../content/types.js';
import type { Db } from '../db/index.js';
import { MEDIA_PREFIX } from '../media/urls.js';
import type { FeedContent } from '../newsroom/settings.js';
import { absoluteBody } from './feed-html.js';
import { type FeedCover, type FeedFilter, type FeedItem, loadFeedItems } from './feed-items.js';
import {
  type FeedChannel,
  type FeedEnclosure,
  type FeedEntry,
  type FeedFormat,
  renderFeed,
} from './feeds.js';

export type FeedScope =
  | { kind: 'site' }
  /** `categoryIds`: the section and its subsections. */
  | { kind: 'category'; category: CategoryRef; categoryIds: number[] }
  | { kind: 'tag'; tag: TagRef }
  | { kind: 'author'; author: AuthorRef };

/** Absolute public URLs, built by the web layer (src/web/site/urls.ts). */
export interface FeedAddresses {
  article(a: { slug: string; category: { slug: string } }): string;
  category(c: { slug: string }): string;
  tag(t: { slug: string }): string;
  author(a: { slug: string }): string;
}

export interface FeedRequest {
  format: FeedFormat;
  scope: FeedScope;
  /** In the site's language: "Вестник – Спорт". */
  title: string;
  description: string;
  homeUrl: string;
  feedUrls: Record<FeedFormat, string>;
  addresses: FeedAddresses;
  now: number;
}

export interface FeedDocument {
  text: string;
  /** The newest change among the items; null for an empty feed. */
  lastModified: number | null;
  /** The articles listed, for invalidating the cached document when one changes. */
  articleIds: number[];
}

export interface FeedServiceOptions {
  db: Db;
  siteUrl: string;
  siteName: string;
  /** BCP 47 language of the site. */
  language: string;
  /** Absolute URL of the site's icon. */
  iconUrl: string;
  /** Absolute URL of the site's square PNG logo. */
  logoUrl: string;
  /** The newsroom's setting: whole text or leads only. */
  content: () => FeedContent;
  /** Bytes of a stored media file (MediaLibrary.fileSize); null when it is missing. */
  fileSize: (key: string, name: string) => Promise<number | null>;
}

/** Tag URIs (RFC 4151) are minted once under the site's host; the date is part of the name. */
const TAG_DATE = '2026';

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

function imageType(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  return IMAGE_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'image/jpeg';
}

function filterOf(scope: FeedScope): FeedFilter {
  if (scope.kind === 'category') return { categoryIds: scope.categoryIds };
  if (scope.kind === 'tag') return { tagId: scope.tag.id };
  if (scope.kind === 'author') return { authorId: scope.author.id };
  return {};
}

export class FeedService {
  private readonly host: string;

  constructor(private readonly o: FeedServiceOptions) {
    this.host = new URL(o.siteUrl).hostname;
  }

  /** The article's GUID: the same whatever its slug or section becomes. */
  articleGuid(id: number): string {
    return `tag:${this.host},${TAG_DATE}:article:${id}`;
  }

  private channelId(scope: FeedScope): string {
    const base = `tag:${this.host},${TAG_DATE}:feed`;
    if (scope.kind === 'category') return `${base}:section:${scope.category.id}`;
    if (scope.kind === 'tag') return `${base}:topic:${scope.tag.id}`;
    if (scope.kind === 'author') return `${base}:author:${scope.author.id}`;
    return base;
  }

  async build(request: FeedRequest): Promise<FeedDocument> {
    const items = await loadFeedItems(this.o.db, request.now, filterOf(request.scope));
    const full = this.o.content() === 'full';
    const images = await Promise.all(items.map((item) => this.enclosure(item.cover)));
    const a = request.addresses;
    const entries = items.map((item, i): FeedEntry => this.entryOf(item, a, full, images[i] ?? null));
    const lastModified = items.length > 0 ? Math.max(...items.map((i) => i.updatedAt)) : null;
    const channel: FeedChannel = {
      id: this.channelId(request.scope),
      title: request.title,
      description: request.description,
      language: this.o.language,
      homeUrl: request.homeUrl,
      feedUrls: request.feedUrls,
      updated: lastModified ?? request.now,
      iconUrl: this.o.iconUrl,
      logoUrl: this.o.logoUrl,
      publisher: { name: this.o.siteName, url: `${this.o.siteUrl}/` },
    };
    return {
      text: renderFeed(request.format, channel, entries),
      lastModified,
      articleIds: items.map((i) => i.id),
    };
  }

  private entryOf(item: FeedItem, a: FeedAddresses, full: boolean, image: FeedEnclosure | null): FeedEntry {
    const url = a.article(item);
    return {
      guid: this.articleGuid(item.id),
      title: item.title,
      url,
      published: item.publishedAt,
      updated: item.updatedAt,
      authors: item.authors.map((au) => ({ name: au.name, url: a.author(au) })),
      categories: [
        { name: item.category.name, url: a.category(item.category) },
        ...item.tags.map((t) => ({ name: t.name, url: a.tag(t) })),
      ],
      summary: item.lead,
      contentHtml: full ? absoluteBody(item.bodyHtml, url) : null,
      image,
    };
  }

  /**
   * The cover as an enclosure: our own files with their real size (a missing file is left out, a
   * broken enclosure helps no reader), another site's image with length 0.
   */
  private async enclosure(cover: FeedCover | null): Promise<FeedEnclosure | null> {
    if (!cover) return null;
    const type = imageType(cover.file?.name ?? cover.url);
    const file = cover.file ?? this.mediaFileOf(cover.url);
    if (!file) {
      if (!/^https?:\/\//i.test(cover.url)) return null;
      return { url: cover.url, type, length: 0 };
    }
    const length = await this.o.fileSize(file.key, file.name).catch(() => null);
    return length === null ? null : { url: `${this.o.siteUrl}${cover.url}`, type, length };
  }

  /** A plain cover URL that still points into our media folder (imports keep such URLs). */
  private mediaFileOf(url: string): { key: string; name: string } | null {
    if (!url.startsWith(MEDIA_PREFIX)) return null;
    const rest = url.slice(MEDIA_PREFIX.length);
    const slash = rest.lastIndexOf('/');
    return slash > 0 ? { key: rest.slice(0, slash), name: rest.slice(slash + 1) } : null;
  }
}
