import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import { describeEachDatabase } from '../db/testing.js';
import { PageCache, pickEncoding } from './page-cache.js';
import { createTestSite, type TestSite } from './testing.js';

describe('page cache', () => {
  const page = (tags: string[]) => ({
    status: 200,
    headers: {},
    body: Buffer.from('x'),
    etag: '"e"',
    tags,
    storedAt: 0,
  });

  it('drops every page carrying an invalidated tag, and only those', () => {
    let t = 0;
    const cache = new PageCache({ enabled: true, maxBytes: 1e6, ttlMs: 1000, now: () => t });
    cache.set('/a', page(['article:1', 'rankings']));
    cache.set('/b', page(['article:2', 'rankings']));
    cache.set('/c', page(['article:2']));
    expect(cache.invalidate(['article:2'])).toBe(2);
    expect(cache.get('/a')).toBeDefined();
    expect(cache.get('/b')).toBeUndefined();
    t = 2000;
    expect(cache.get('/a')).toBeUndefined();
  });

  it('clear() drops every page, whatever its tags (the banner is on all of them)', () => {
    const cache = new PageCache({ enabled: true, maxBytes: 1e6, ttlMs: 1000, now: () => 0 });
    cache.set('/a', page(['article:1']));
    cache.set('/b', page([]));
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.invalidate(['article:1'])).toBe(0);
  });

  it('does nothing when disabled', () => {
    const cache = new PageCache({ enabled: false, maxBytes: 1e6, ttlMs: 1000, now: () => 0 });
    cache.set('/a', page([]));
    expect(cache.get('/a')).toBeUndefined();
  });

  it('negotiates encodings', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describeEachDatabase('page cache over HTTP', (getDb) => {
  let site: TestSite;
  let base: string;
  let articleId: number;
  const now = Date.UTC(2026, 10, 25, 10, 0);

  beforeAll(async () => {
    const room = await buildNewsroom(getDb().db, now);
    articleId = await buildArticle(getDb().db, {
      categoryId: room.categories.world,
      slug: 'keshirana',
      publishedAt: now - 60_000,
    });
    site = await createTestSite(getDb(), {}, now);
    await site.services.rankings.refresh();
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => site.close());

  it('serves the second request from the cache with the same headers, honours 304, and refreshes on a new comment', async () => {
    const first = await fetch(`${base}/svyat/keshirana`);
    const body = await first.text();
    const hits = site.services.pageCache.hits;
    const second = await fetch(`${base}/svyat/keshirana`);
    expect(await second.text()).toBe(body);
    expect(site.services.pageCache.hits).toBe(hits + 1);
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const cond = await fetch(`${base}/svyat/keshirana`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(cond.status).toBe(304);

    const token = /name="_csrf" value="([^"]+)"/.exec(body)![1]!;
    const posted = await fetch(`${base}/comments`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0' },
      body: new URLSearchParams({
        _csrf: token,
        article_id: String(articleId),
        name: 'Читател',
        email: 'chitatel@example.bg',
        body: 'Свеж коментар.',
      }),
    });
    expect(posted.status).toBe(303);
    const fresh = await (await fetch(`${base}/svyat/keshirana`)).text();
    expect(fresh).toContain('Свеж коментар.');
    expect(fresh).toContain('1 коментар');
  });

  it('pages with a query other than ?page are not cached', async () => {
    const hits = site.services.pageCache.hits;
    await fetch(`${base}/svyat/keshirana?reply=1`);
    await fetch(`${base}/svyat/keshirana?reply=1`);
    expect(site.services.pageCache.hits).toBe(hits);
  });
});
