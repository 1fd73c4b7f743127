// PageMeta for the pages that have something to tell search engines and social sites: the article,
// the home page, sections, topics and authors. Pure: the page's data and the frame in, the
// plain facts the syndication builders take out. Every URL given to them is absolute.
import type { Article, Cover } from '../../../content/types.js';
import { variantUrl } from '../../../media/urls.js';
import {
  breadcrumbList,
  type Crumb,
  newsArticle,
  newsMediaOrganization,
  type Publisher,
  webSite,
} from '../../../syndication/json-ld.js';
import type { SocialImage } from '../../../syndication/social-meta.js';
import { PUBLISHER_LOGO } from '../publisher-logo.js';
import { urls } from '../urls.js';
import type { Frame } from './frame.js';
import type { PageMeta } from './head-meta.js';

/** A site path made absolute; a URL that already is (a cover from elsewhere) is kept. */
export function absolute(f: Frame, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : new URL(pathOrUrl, `${f.siteUrl}/`).href;
}

/** A trail step as a page gives it: a name and a site path. */
export interface Step {
  name: string;
  path: string;
}

export function publisherOf(f: Frame): Publisher {
  return {
    name: f.siteName,
    url: absolute(f, urls.home()),
    logo: {
      url: absolute(f, PUBLISHER_LOGO.path),
      width: PUBLISHER_LOGO.width,
      height: PUBLISHER_LOGO.height,
    },
  };
}

/** Home, then the section's parents from the top, then the section. */
export function sectionSteps(f: Frame, categoryId: number): Step[] {
  const byId = new Map(f.categories.map((c) => [c.id, c]));
  const chain = [];
  // The guard stops a loop in bad data from hanging the page.
  for (let c = byId.get(categoryId); c && chain.length < 10; c = byId.get(c.parentId ?? -1)) chain.unshift(c);
  return [
    { name: f.t.home, path: urls.home() },
    ...chain.map((c) => ({ name: c.name, path: urls.category(c) })),
  ];
}

export function breadcrumbs(f: Frame, steps: Step[]) {
  const crumbs: Crumb[] = steps.map((s) => ({ name: s.name, url: absolute(f, s.path) }));
  return breadcrumbList(crumbs);
}

/**
 * The cover as social sites take it: the largest JPEG the media library made (1600 px when the
 * original was that wide), with its real size; a cover from elsewhere as it is, size unknown.
 */
export function coverImage(f: Frame, cover: Cover | null): SocialImage | null {
  if (!cover) return null;
  const m = cover.media;
  if (m && m.widths.length > 0 && m.width > 0) {
    const width = Math.max(...m.widths);
    return {
      url: absolute(f, variantUrl(m.key, width, 'jpg')),
      width,
      height: Math.max(1, Math.round((m.height * width) / m.width)),
      alt: cover.alt,
    };
  }
  return cover.url ? { url: absolute(f, cover.url), width: null, height: null, alt: cover.alt } : null;
}

export function articleMeta(f: Frame, a: Article): PageMeta {
  const url = absolute(f, urls.article(a));
  const image = coverImage(f, a.cover);
  const authors = a.authors.map((au) => ({ name: au.name, url: absolute(f, urls.author(au)) }));
  const tags = a.tags.map((t) => t.name);
  return {
    canonicalPath: urls.article(a),
    image,
    article: {
      publishedAt: a.publishedAt,
      modifiedAt: a.updatedAt,
      timeZone: f.timeZone,
      section: a.category.name,
      tags,
      authorUrls: authors.map((au) => au.url),
    },
    jsonLd: [
      newsArticle(publisherOf(f), {
        url,
        title: a.title,
        lead: a.lead,
        publishedAt: a.publishedAt,
        modifiedAt: a.updatedAt,
        timeZone: f.timeZone,
        authors,
        images: image ? [image.url] : [],
        section: a.category.name,
        tags,
        language: f.locale,
      }),
      breadcrumbs(f, [...sectionSteps(f, a.categoryId), { name: a.title, path: urls.article(a) }]),
    ],
  };
}

export function homeMeta(f: Frame): PageMeta {
  const publisher = publisherOf(f);
  return {
    canonicalPath: urls.home(),
    jsonLd: [
      webSite({ name: f.siteName, url: publisher.url, language: f.locale, searchPath: '/search' }),
      newsMediaOrganization(publisher),
    ],
  };
}

/** A list page (section, topic, author): its own page as canonical, and the trail to it. */
export function listMeta(f: Frame, canonicalPath: string, steps: Step[]): PageMeta {
  return { canonicalPath, jsonLd: [breadcrumbs(f, steps)] };
}
