// The sitemaps and robots.txt: /sitemap.xml (the index), /sitemaps/*.xml (articles in id ranges,
// sections, tags, authors, Google News) and /robots.txt. Sent through sendDocument, so they get the
// page cache, ETag and Last-Modified like feeds; a publish, unpublish or save of a public article
// drops them ('lists'), as does a change of sections or bylines ('categories').
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleEntry, NamedEntry } from '../../../syndication/sitemap-types.js';
import {
  type ChildSitemap,
  newestOf,
  renderSitemapIndex,
  renderUrlset,
  type UrlEntry,
} from '../../../syndication/sitemaps.js';
import type { SiteDeps } from '../deps.js';
import { sendDocument } from '../respond.js';
import { urls } from '../urls.js';
import { sendError } from './errors.js';

const XML = 'application/xml; charset=utf-8';
const TAGS = ['lists', 'categories'];

export const sitemapUrls = {
  index: () => '/sitemap.xml',
  articles: (page: number) => `/sitemaps/articles-${page}.xml`,
  sections: () => '/sitemaps/categories.xml',
  /** The first file of a split list keeps the plain name: tags.xml, then tags-2.xml … */
  tags: (page: number) => (page === 1 ? '/sitemaps/tags.xml' : `/sitemaps/tags-${page}.xml`),
  authors: (page: number) => (page === 1 ? '/sitemaps/authors.xml' : `/sitemaps/authors-${page}.xml`),
  news: () => '/sitemaps/news.xml',
};

/** "articles-3.xml" → ['articles', 3]; "tags.xml" → ['tags', 1]; null for anything else. */
export function parseSitemapName(file: string): [string, number] | null {
  const m = /^(articles|tags|authors|categories|news)(?:-([1-9][0-9]{0,5}))?\.xml$/.exec(file);
  if (!m?.[1]) return null;
  const kind = m[1];
  if (kind === 'articles') return m[2] ? [kind, Number(m[2])] : null;
  if (kind === 'categories' || kind === 'news') return m[2] ? null : [kind, 1];
  // tags-1.xml would be a second address of tags.xml.
  if (m[2] === '1') return null;
  return [kind, m[2] ? Number(m[2]) : 1];
}

/**
 * What crawlers may fetch. /admin, /preview and /profil are private or per reader; search results
 * and comment threads are noindex pages, so crawling them only spends the crawl budget. /api/ is
 * closed as a whole: partners' API clients authenticate with keys and do not read robots.txt, and
 * the JSON and comment fragments under it are nothing a search engine should index.
 * Rules are prefixes, so a bare "/admin" would also close a section "/administratsiya": each path
 * is closed as itself ("$", RFC 9309) and as a folder ("/admin/").
 */
export function robotsTxt(siteUrl: string): string {
  const closed = ['/admin$', '/admin/', '/preview/', '/profil$', '/profil/', '/search$', '/search?'];
  return [
    'User-agent: *',
    'Allow: /',
    ...closed.map((path) => `Disallow: ${path}`),
    'Disallow: /comments/',
    'Disallow: /api/',
    '',
    `Sitemap: ${siteUrl}${sitemapUrls.index()}`,
    `Sitemap: ${siteUrl}${sitemapUrls.news()}`,
    '',
  ].join('\n');
}

/** Site-relative media paths made absolute; anything but http(s) is left out. */
function absoluteImage(siteUrl: string, url: string | null): string[] {
  if (!url) return [];
  const absolute = url.startsWith('/') && !url.startsWith('//') ? siteUrl + url : url;
  if (!/^https?:\/\//.test(absolute)) return [];
  // Imported covers may carry spaces or Cyrillic; crawlers want the URL percent-encoded.
  return [/[^\x21-\x7e]/.test(absolute) ? encodeURI(absolute) : absolute];
}

export function sitemapRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const site = deps.config.siteUrl;
  const send = (request: FastifyRequest, reply: FastifyReply, text: string, lastModified: number | null) =>
    sendDocument(deps, request, reply, text, { contentType: XML, tags: TAGS, lastModified });

  const articleUrl = (a: ArticleEntry) =>
    site + urls.article({ slug: a.slug, category: { slug: a.categorySlug } });

  app.get('/robots.txt', async (request, reply) =>
    sendDocument(deps, request, reply, robotsTxt(site), {
      contentType: 'text/plain; charset=utf-8',
      tags: ['robots'],
      sharedMaxAge: 3600,
    }),
  );

  app.get(sitemapUrls.index(), async (request, reply) => {
    const o = await deps.sitemaps.overview(deps.clock.now());
    const children: ChildSitemap[] = [
      { loc: site + sitemapUrls.sections(), lastmod: o.sections },
      ...o.articles.map((p) => ({ loc: site + sitemapUrls.articles(p.page), lastmod: p.lastmod })),
      ...o.tags.map((p) => ({ loc: site + sitemapUrls.tags(p.page), lastmod: p.lastmod })),
      ...o.authors.map((p) => ({ loc: site + sitemapUrls.authors(p.page), lastmod: p.lastmod })),
    ];
    // An empty urlset is not a valid sitemap: news.xml is listed only while it has articles.
    if (o.news !== null) children.push({ loc: site + sitemapUrls.news(), lastmod: o.news });
    const lastModified = newestOf(children.map((c) => c.lastmod));
    return send(request, reply, renderSitemapIndex(children), lastModified);
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const parsed = parseSitemapName(request.params.file);
    if (!parsed) return sendError(deps, request, reply, 404);
    const [kind, page] = parsed;
    const now = deps.clock.now();
    const entries = deps.sitemaps;
    if (kind === 'articles') {
      const rows = await entries.articles(now, page);
      if (rows.length === 0) return sendError(deps, request, reply, 404);
      const body = renderUrlset(
        rows.map((a) => ({ loc: articleUrl(a), lastmod: a.updatedAt, images: absoluteImage(site, a.cover) })),
      );
      return send(request, reply, body, newestOf(rows.map((a) => a.updatedAt)));
    }
    if (kind === 'news') {
      const rows = await entries.news(now);
      const body = renderUrlset(
        rows.map(
          (a): UrlEntry => ({
            loc: articleUrl(a),
            lastmod: a.updatedAt,
            images: absoluteImage(site, a.cover),
            news: {
              publicationName: deps.config.siteName,
              language: deps.config.locale,
              publishedAt: a.publishedAt,
              title: a.title,
            },
          }),
        ),
      );
      return send(request, reply, body, newestOf(rows.map((a) => a.updatedAt)));
    }
    if (kind === 'categories') {
      const s = await entries.sections(now);
      const list: UrlEntry[] = [
        { loc: site + urls.home(), lastmod: s.newest },
        { loc: site + urls.archive(), lastmod: s.newest },
        { loc: site + urls.topics(), lastmod: s.newestTagged },
        ...s.categories.map((c) => ({ loc: site + urls.category(c), lastmod: c.newest })),
      ];
      return send(request, reply, renderUrlset(list), s.newest);
    }
    const named: NamedEntry[] =
      kind === 'tags' ? await entries.tags(now, page) : await entries.authors(now, page);
    if (named.length === 0) return sendError(deps, request, reply, 404);
    const link = kind === 'tags' ? urls.tag : urls.author;
    const body = renderUrlset(named.map((n) => ({ loc: site + link(n), lastmod: n.newest })));
    return send(request, reply, body, newestOf(named.map((n) => n.newest)));
  });
}
