// The sitemaps and robots.txt over HTTP: splitting, Google News, lastmod, conditional GET, the
// page cache dropping them on publish, and the addresses that must not exist.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../../content/categories.js';
import { buildArticle, buildNewsroom, type Newsroom } from '../../../content/factories.js';
import { describeEachDatabase } from '../../../db/testing.js';
import { SitemapEntries } from '../../../syndication/sitemap-entries.js';
import { locsOf, validateSitemap } from '../../../syndication/sitemap-testing.js';
import { w3cDate } from '../../../syndication/sitemaps.js';
import { get, post, signIn, tokenOf } from '../../admin/testing.js';
import { createTestSite, type TestSite } from '../../testing.js';
import { parseSitemapName, robotsTxt } from './sitemaps.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const HOUR = 3_600_000;
const SITE = 'http://localhost:3000';
const SPECIAL_TITLE = `Газ & ток: „по-скъпи“ <с 10%> за 'зимата' и "пролетта"`;
const CYRILLIC_SLUG = 'газ-и-ток';

describe('sitemap file names', () => {
  it('accepts the files there can be and nothing else', () => {
    expect(parseSitemapName('articles-1.xml')).toEqual(['articles', 1]);
    expect(parseSitemapName('tags.xml')).toEqual(['tags', 1]);
    expect(parseSitemapName('authors-2.xml')).toEqual(['authors', 2]);
    expect(parseSitemapName('news.xml')).toEqual(['news', 1]);
    for (const bad of ['articles.xml', 'articles-0.xml', 'articles-01.xml', 'articles-x.xml', 'tags-1.xml'])
      expect(parseSitemapName(bad), bad).toBeNull();
    for (const bad of ['news-2.xml', 'categories-1.xml', 'articles-1.xml.gz', 'articles-1234567.xml'])
      expect(parseSitemapName(bad), bad).toBeNull();
  });
});

describeEachDatabase('sitemaps and robots.txt over HTTP', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  let base: string;
  const published: { id: number; slug: string; updatedAt: number }[] = [];
  const hiddenSlugs = ['chernova', 'planirana', 'svalena', 'utreshna'];

  const locOf = (slug: string) => `${SITE}/svyat/${encodeURIComponent(slug)}`;
  const xml = (path: string, headers: Record<string, string> = {}) => site.app.inject({ url: path, headers });

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, NOW - 1000 * HOUR);
    // Eight published articles (ids 1 … 8), ten hours apart; then four that crawlers never see.
    for (let k = 1; k <= 8; k++) {
      const slug = k === 2 ? CYRILLIC_SLUG : `statiya-${k}`;
      const id = await buildArticle(db, {
        categoryId: room.categories.world,
        slug,
        title: k === 1 ? SPECIAL_TITLE : `Статия номер ${k}`,
        publishedAt: NOW - k * 10 * HOUR,
        tagIds: k <= 2 ? [room.tags.energy] : [],
        authorIds: k === 3 ? [room.authorId] : [],
      });
      published.push({ id, slug, updatedAt: NOW - k * 10 * HOUR });
    }
    await db.updateTable('articles').set({ cover_url: '/media/kor1/960.jpg' }).where('id', '=', 1).execute();
    const [draft, scheduled, unpublished, future] = [
      await buildArticle(db, {
        categoryId: room.categories.world,
        slug: hiddenSlugs[0],
        publishedAt: NOW - HOUR,
        status: 'draft',
        tagIds: [room.tags.sofia],
      }),
      await buildArticle(db, {
        categoryId: room.categories.world,
        slug: hiddenSlugs[1],
        publishedAt: NOW - HOUR,
      }),
      await buildArticle(db, {
        categoryId: room.categories.world,
        slug: hiddenSlugs[2],
        publishedAt: NOW - HOUR,
      }),
      await buildArticle(db, {
        categoryId: room.categories.world,
        slug: hiddenSlugs[3],
        publishedAt: NOW + HOUR,
      }),
    ];
    await db.updateTable('articles').set({ status: 'scheduled' }).where('id', '=', scheduled).execute();
    await db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', unpublished).execute();
    expect([draft, future].every((id) => id > 8)).toBe(true);
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, NOW);
    await site.services.categories.load();
    // Files of three URLs, so eight articles need three of them.
    site.services.sitemaps = new SitemapEntries(site.services.db, { urlLimit: 3 });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => site.close());

  it('lists the child sitemaps that exist, with lastmod, in a valid index', async () => {
    const res = await xml('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(validateSitemap(res.body, 'index')).toMatchObject({ ok: true });
    expect(locsOf(res.body)).toEqual([
      `${SITE}/sitemaps/categories.xml`,
      `${SITE}/sitemaps/articles-1.xml`,
      `${SITE}/sitemaps/articles-2.xml`,
      `${SITE}/sitemaps/articles-3.xml`,
      `${SITE}/sitemaps/tags.xml`,
      `${SITE}/sitemaps/authors.xml`,
      `${SITE}/sitemaps/news.xml`,
    ]);
    const lastmod = (name: string) =>
      new RegExp(`${name}</loc><lastmod>([^<]+)</lastmod>`).exec(res.body)?.[1];
    expect(lastmod('categories.xml')).toBe(w3cDate(NOW - 10 * HOUR));
    expect(lastmod('articles-1.xml')).toBe(w3cDate(NOW - 10 * HOUR));
    expect(lastmod('articles-2.xml')).toBe(w3cDate(NOW - 40 * HOUR));
    expect(lastmod('articles-3.xml')).toBe(w3cDate(NOW - 70 * HOUR));
    expect(lastmod('tags.xml')).toBe(w3cDate(NOW - 10 * HOUR));
    expect(lastmod('authors.xml')).toBe(w3cDate(NOW - 30 * HOUR));
    expect(res.headers['last-modified']).toBe(new Date(NOW - 10 * HOUR).toUTCString());
  });

  it('splits the articles into valid files holding exactly the published ones, once each', async () => {
    const locs: string[] = [];
    for (const n of [1, 2, 3]) {
      const res = await xml(`/sitemaps/articles-${n}.xml`);
      expect(res.statusCode).toBe(200);
      expect(validateSitemap(res.body, 'urlset+extensions')).toMatchObject({ ok: true });
      const here = locsOf(res.body);
      expect(here.length).toBeLessThanOrEqual(3);
      locs.push(...here);
    }
    expect(locs).toEqual(published.map((a) => locOf(a.slug)));
    expect(new Set(locs).size).toBe(8);
    for (const slug of hiddenSlugs) expect(locs.join()).not.toContain(slug);
    const first = (await xml('/sitemaps/articles-1.xml')).body;
    expect(first).toContain(
      `<url><loc>${SITE}/svyat/statiya-1</loc><lastmod>${w3cDate(NOW - 10 * HOUR)}</lastmod>` +
        `<image:image><image:loc>${SITE}/media/kor1/960.jpg</image:loc></image:image></url>`,
    );
  });

  it('percent-encodes a Cyrillic slug the way the site links it', async () => {
    const body = (await xml('/sitemaps/articles-1.xml')).body;
    const encoded = `/svyat/${encodeURIComponent(CYRILLIC_SLUG)}`;
    expect(body).toContain(`<loc>${SITE}${encoded}</loc>`);
    expect((await get(site, '/')).body).toContain(`href="${encoded}"`);
    expect((await get(site, encoded)).statusCode).toBe(200);
  });

  it('gives Google News the last 48 hours with the publication, date and intact title', async () => {
    const res = await xml('/sitemaps/news.xml');
    expect(res.statusCode).toBe(200);
    expect(validateSitemap(res.body, 'urlset+extensions')).toMatchObject({ ok: true });
    // Published 10, 20, 30 and 40 hours ago; 50 hours is too old.
    expect(locsOf(res.body)).toEqual(published.slice(0, 4).map((a) => locOf(a.slug)));
    expect(res.body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(res.body).toContain(
      '<news:publication><news:name>Вестник</news:name><news:language>bg</news:language></news:publication>',
    );
    expect(res.body).toContain(`<news:publication_date>${w3cDate(NOW - 20 * HOUR)}</news:publication_date>`);
    expect(res.body).toContain('<news:title>Статия номер 2</news:title>');
    expect(res.body).toContain(
      '<news:title>Газ &amp; ток: „по-скъпи“ &lt;с 10%&gt; за &apos;зимата&apos; и &quot;пролетта&quot;</news:title>',
    );
  });

  it('lists the home page, the archive, the topics and every section in categories.xml', async () => {
    const res = await xml('/sitemaps/categories.xml');
    expect(validateSitemap(res.body, 'urlset')).toMatchObject({ ok: true });
    expect(locsOf(res.body)).toEqual([
      `${SITE}/`,
      `${SITE}/arhiv`,
      `${SITE}/temi`,
      `${SITE}/svyat`,
      `${SITE}/sport`,
      `${SITE}/futbol`,
    ]);
    expect(res.body).toContain(`<loc>${SITE}/svyat</loc><lastmod>${w3cDate(NOW - 10 * HOUR)}</lastmod>`);
    expect(res.body).toContain(`<loc>${SITE}/sport</loc></url>`);
  });

  it('lists only tags and authors with published articles', async () => {
    const tags = await xml('/sitemaps/tags.xml');
    expect(validateSitemap(tags.body, 'urlset')).toMatchObject({ ok: true });
    // „София“ is only on the draft.
    expect(locsOf(tags.body)).toEqual([`${SITE}/tema/energetika`]);
    expect(tags.body).toContain(`<lastmod>${w3cDate(NOW - 10 * HOUR)}</lastmod>`);
    const authors = await xml('/sitemaps/authors.xml');
    expect(validateSitemap(authors.body, 'urlset')).toMatchObject({ ok: true });
    expect(locsOf(authors.body)).toEqual([`${SITE}/avtor/maria-ivanova`]);
  });

  it('keeps the sitemaps’ addresses from becoming sections', async () => {
    for (const slug of ['sitemap.xml', 'sitemaps', 'robots.txt'])
      await expect(createCategory(site.services.db, { slug, name: 'Карта' }, NOW), slug).rejects.toThrow(
        /reserved/,
      );
  });

  it('answers 404 for files that do not exist', async () => {
    for (const path of [
      '/sitemaps/articles-0.xml',
      '/sitemaps/articles-999.xml',
      '/sitemaps/articles-x.xml',
      '/sitemaps/articles-4.xml',
      '/sitemaps/articles-5.xml',
      '/sitemaps/articles.xml',
      '/sitemaps/tags-1.xml',
      '/sitemaps/tags-2.xml',
      '/sitemaps/nishto.xml',
      '/sitemaps/',
    ]) {
      const res = await xml(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type'], path).toContain('text/html');
    }
  });

  it('answers conditional GETs with 304, by ETag and by If-Modified-Since', async () => {
    for (const path of ['/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/news.xml', '/robots.txt']) {
      const first = await fetch(`${base}${path}`);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"/);
      expect((await fetch(`${base}${path}`, { headers: { 'if-none-match': etag } })).status, path).toBe(304);
      const modified = first.headers.get('last-modified');
      if (path === '/robots.txt') continue;
      expect(modified, path).toBeTruthy();
      const since = { 'if-modified-since': modified ?? '' };
      expect((await fetch(`${base}${path}`, { headers: since })).status, path).toBe(304);
      const earlier = { 'if-modified-since': new Date(Date.parse(modified ?? '') - 1000).toUTCString() };
      expect((await fetch(`${base}${path}`, { headers: earlier })).status, path).toBe(200);
    }
  });

  it('is compressed for clients that ask', async () => {
    const res = await xml('/sitemaps/articles-1.xml', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('drops the cached sitemaps when an article is published', async () => {
    const before = await fetch(`${base}/sitemap.xml`);
    const beforeBody = await before.text();
    const news = await (await fetch(`${base}/sitemaps/news.xml`)).text();
    expect(site.services.pageCache.get('/sitemap.xml')).toBeDefined();
    expect(site.services.pageCache.get('/sitemaps/news.xml')).toBeDefined();
    site.clock.set(NOW + 5 * 60_000);
    const editor = await signIn(site, 'editor', 'Елена Редакторова');
    const form = await get(site, '/admin/articles/new', editor.cookie);
    const made = await post(
      site,
      '/admin/articles',
      {
        _csrf: tokenOf(form.body),
        title: 'Свежа новина от пленарната зала',
        slug: 'svezha-novina',
        lead: 'Депутатите приеха бюджета на второ четене.',
        body_html: '<p>Гласуването продължи до късно.</p>',
        category_id: String(room.categories.world),
        tags: '',
        comments_who: 'inherit',
        comments_moderation: 'inherit',
        comments_close_days: '',
        seo_title: '',
        seo_description: '',
        cover_media_id: '',
        intent: 'publish',
      },
      editor.cookie,
    );
    expect(made.statusCode).toBe(303);
    expect(site.services.pageCache.get('/sitemap.xml')).toBeUndefined();
    expect(site.services.pageCache.get('/sitemaps/news.xml')).toBeUndefined();
    const after = await fetch(`${base}/sitemap.xml`, {
      headers: { 'if-none-match': before.headers.get('etag') ?? '' },
    });
    expect(after.status).toBe(200);
    const afterBody = await after.text();
    expect(afterBody).not.toBe(beforeBody);
    // Id 13 starts a fifth range of three (ids 9 … 12 were never public).
    expect(afterBody).toContain(
      `<loc>${SITE}/sitemaps/articles-5.xml</loc><lastmod>${w3cDate(NOW + 5 * 60_000)}</lastmod>`,
    );
    const freshNews = await (await fetch(`${base}/sitemaps/news.xml`)).text();
    expect(freshNews).not.toBe(news);
    expect(locsOf(freshNews)[0]).toBe(`${SITE}/svyat/svezha-novina`);
    expect(freshNews).toContain('<news:title>Свежа новина от пленарната зала</news:title>');
  });

  it('serves robots.txt that closes the private and wasteful paths and names both sitemaps', async () => {
    const res = await xml('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(robotsTxt(SITE));
    const lines = res.body.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${SITE}/sitemaps/news.xml`);
    const closed = ['/admin', '/admin/articles/5', '/preview/abc123', '/profil', '/profil/vhod'];
    closed.push(
      '/search',
      '/search?q=%D0%B3%D0%B0%D0%B7',
      '/comments/42',
      '/api/views/7',
      '/api/v1/articles',
    );
    for (const path of closed) expect(crawlable(res.body, path), path).toBe(false);
    // Sections whose slugs merely start like a closed path stay open.
    const open = ['/', '/svyat/statiya-1', '/administratsiya', '/profilaktika/zima', '/searchlight'];
    open.push('/tema/energetika', '/arhiv/2026/11', '/sitemap.xml', '/sitemaps/news.xml', '/apiteka');
    for (const path of open) expect(crawlable(res.body, path), path).toBe(true);
  });
});

/**
 * RFC 9309 matching for the "*" group: the longest matching rule wins, Allow on a tie; "*" is
 * any run of characters and a final "$" anchors the end.
 */
function crawlable(robots: string, path: string): boolean {
  let best: { length: number; allow: boolean } | null = null;
  for (const line of robots.split('\n')) {
    const m = /^(Allow|Disallow):\s*(\S*)$/.exec(line);
    if (!m?.[2]) continue;
    const rule = m[2];
    const anchored = rule.endsWith('$');
    const body = (anchored ? rule.slice(0, -1) : rule)
      .replace(/[.+?^(){}|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*');
    if (!new RegExp(`^${body}${anchored ? '$' : ''}`).test(path)) continue;
    const allow = m[1] === 'Allow';
    if (!best || rule.length > best.length || (rule.length === best.length && allow))
      best = { length: rule.length, allow };
  }
  return best?.allow ?? true;
}
