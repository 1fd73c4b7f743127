// Rendering a reading page: the frame every page shares, HTML out, ETag and conditional GET,
// Cache-Control for caches in front, and a copy in the page cache when the URL allows it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { messages } from '../i18n.js';
import {
  type CachedPage,
  encodedBody,
  etagOf,
  matchesEtag,
  notModified,
  pickEncoding,
} from '../page-cache.js';
import type { SiteDeps } from './deps.js';
import type { Frame } from './views/frame.js';

export const PAGE_CACHE_CONTROL =
  'public, max-age=0, must-revalidate, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400';

export function buildFrame(deps: SiteDeps, path: string, request?: FastifyRequest): Frame {
  return {
    siteName: deps.config.siteName,
    siteUrl: deps.config.siteUrl,
    twitterSite: deps.config.twitterSite,
    locale: deps.config.locale,
    timeZone: deps.config.timeZone,
    t: messages(deps.config.locale),
    now: deps.clock.now(),
    banner: deps.banner.active(deps.clock.now()),
    categories: deps.categories.all,
    rankings: deps.rankings.lists,
    path,
    assets: deps.assets,
    viewer: request?.viewer ?? null,
  };
}

/** Only URLs without a query, or with nothing but ?page=N, are kept in the page cache. */
export function cacheableUrl(url: string): boolean {
  const q = url.indexOf('?');
  return q === -1 || /^page=[1-9][0-9]{0,5}$/.test(url.slice(q + 1));
}

export interface PageOptions {
  status?: number;
  /** What the page shows, for invalidation: article:42, category:3 … ('rankings' is added). */
  tags?: string[];
  /** False for per-reader variants (a form with errors, a notice after posting). */
  cacheable?: boolean;
}

export function sendPage(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  view: VNode,
  options: PageOptions = {},
): FastifyReply {
  const status = options.status ?? 200;
  const body = Buffer.from(`<!doctype html>${renderToString(view)}`, 'utf8');
  // A signed-in reader's page is theirs alone: never stored, never shared by caches in front.
  const cacheable =
    status === 200 && options.cacheable !== false && request.viewer === null && cacheableUrl(request.url);
  const etag = etagOf(body);
  reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', cacheable ? PAGE_CACHE_CONTROL : 'private, no-store')
    .header('vary', 'Accept-Encoding');
  if (status === 200) reply.header('etag', etag);
  const page: CachedPage = {
    status,
    headers: {},
    body,
    etag,
    tags: ['rankings', 'categories', ...(options.tags ?? [])],
    storedAt: deps.clock.now(),
  };
  if (cacheable && deps.pageCache.enabled) {
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) page.headers[k] = String(v);
    deps.pageCache.set(request.url, page);
  }
  if (status === 200 && matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encodedBody(page, encoding));
}

/** Parses ?page=N: 1 when absent, null when malformed. */
export function pageParam(query: unknown): number | null {
  const raw = (query as Record<string, unknown> | undefined)?.page;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}

/** Tags for a list of articles shown on a page. */
export function articleTags(items: { id: number }[]): string[] {
  return items.map((a) => `article:${a.id}`);
}

export interface DocumentOptions {
  /** e.g. 'application/rss+xml; charset=utf-8'. */
  contentType: string;
  /** What the document lists, for invalidation ('lists', 'article:42', …). */
  tags: string[];
  /** Newest change shown (epoch ms): sent as Last-Modified for If-Modified-Since. */
  lastModified?: number | null;
  /** Seconds shared caches in front may keep it (default 300). */
  sharedMaxAge?: number;
}

/**
 * Sends a machine-read document (a feed, a sitemap, robots.txt) the way reading pages are sent:
 * ETag and Last-Modified with conditional GET, compression, and a copy in the page cache so the
 * next request is answered before routing. Never per reader: no cookies are read.
 */
export function sendDocument(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  text: string,
  options: DocumentOptions,
): FastifyReply {
  const body = Buffer.from(text, 'utf8');
  const etag = etagOf(body);
  const maxAge = options.sharedMaxAge ?? 300;
  reply
    .code(200)
    .header('content-type', options.contentType)
    .header(
      'cache-control',
      `public, max-age=60, s-maxage=${maxAge}, stale-while-revalidate=60, stale-if-error=86400`,
    )
    .header('vary', 'Accept-Encoding')
    .header('etag', etag);
  if (options.lastModified) reply.header('last-modified', new Date(options.lastModified).toUTCString());
  const page: CachedPage = {
    status: 200,
    headers: {},
    body,
    etag,
    tags: options.tags,
    storedAt: deps.clock.now(),
  };
  if (deps.pageCache.enabled && cacheableUrl(request.url)) {
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) page.headers[k] = String(v);
    deps.pageCache.set(request.url, page);
  }
  const lastModified = reply.getHeader('last-modified');
  if (notModified(request.headers, etag, typeof lastModified === 'string' ? lastModified : undefined))
    return reply.code(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encodedBody(page, encoding));
}
