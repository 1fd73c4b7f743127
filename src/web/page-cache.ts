// Rendered reading pages, kept in memory by URL and tagged with what they show (article:42,
// rankings, category:7). A change drops every page carrying its tag. Hits are served straight
// from the Node request handler, before routing: the cache is the site's own Varnish.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  tags: string[];
  storedAt: number;
  gzip?: Buffer;
  br?: Buffer;
}

export interface PageCacheOptions {
  enabled: boolean;
  maxBytes: number;
  ttlMs: number;
  now: () => number;
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Picks the best encoding the client accepts; q-values of 0 refuse one. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const ok = (name: string) => {
    const m = accept.match(new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=([0-9.]+))?`, 'i'));
    return m !== null && (m[1] === undefined || Number(m[1]) > 0);
  };
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** Compressed bodies are made once per page and kept with it. */
export function encodedBody(page: CachedPage, encoding: 'br' | 'gzip' | null): Buffer {
  if (encoding === 'br') {
    page.br ??= brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return page.br;
  }
  if (encoding === 'gzip') {
    page.gzip ??= gzipSync(page.body, { level: 6 });
    return page.gzip;
  }
  return page.body;
}

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });
}

/**
 * A conditional GET the stored copy satisfies (RFC 9110 §13.2.2): If-None-Match decides when sent;
 * otherwise If-Modified-Since against Last-Modified, to the second, as feed readers send it.
 */
export function notModified(
  headers: { 'if-none-match'?: string; 'if-modified-since'?: string },
  etag: string,
  lastModified: string | undefined,
): boolean {
  if (headers['if-none-match'] !== undefined) return matchesEtag(headers['if-none-match'], etag);
  const since = headers['if-modified-since'];
  if (!since || !lastModified) return false;
  const sinceMs = Date.parse(since);
  const modifiedMs = Date.parse(lastModified);
  return Number.isFinite(sinceMs) && Number.isFinite(modifiedMs) && modifiedMs <= sinceMs;
}

export class PageCache {
  private readonly pages: LRUCache<string, CachedPage>;
  private readonly byTag = new Map<string, Set<string>>();
  hits = 0;
  misses = 0;

  constructor(private readonly options: PageCacheOptions) {
    this.pages = new LRUCache<string, CachedPage>({
      maxSize: options.maxBytes,
      sizeCalculation: (p) => p.body.length * 2 + 512,
      dispose: (page, key) => this.untag(key, page.tags),
    });
  }

  get enabled(): boolean {
    return this.options.enabled;
  }

  get size(): number {
    return this.pages.size;
  }

  get(key: string): CachedPage | undefined {
    if (!this.options.enabled) return undefined;
    const page = this.pages.get(key);
    if (page && this.options.now() - page.storedAt > this.options.ttlMs) {
      this.pages.delete(key);
      return undefined;
    }
    return page;
  }

  set(key: string, page: CachedPage): void {
    if (!this.options.enabled) return;
    this.pages.set(key, page);
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.byTag.set(tag, keys);
    }
  }

  invalidate(tags: string[]): number {
    let dropped = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.pages.delete(key)) dropped++;
      this.byTag.delete(tag);
    }
    return dropped;
  }

  clear(): void {
    this.pages.clear();
    this.byTag.clear();
  }

  private untag(key: string, tags: string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byTag.delete(tag);
    }
  }

  /** Serves a cached page from the raw Node request if there is one; true when it did. */
  serveRaw(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.options.enabled || (req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
    const page = this.get(req.url);
    if (!page) {
      this.misses++;
      return false;
    }
    this.hits++;
    if (notModified(req.headers, page.etag, page.headers['last-modified'])) {
      const lastModified = page.headers['last-modified'];
      res.writeHead(304, {
        etag: page.etag,
        'cache-control': page.headers['cache-control'] ?? 'no-cache',
        ...(lastModified ? { 'last-modified': lastModified } : {}),
      });
      res.end();
      return true;
    }
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const body = encodedBody(page, encoding);
    const headers: Record<string, string | number> = { ...page.headers, 'content-length': body.length };
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(page.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}
