// Structured data (schema.org as JSON-LD) for search engines: the article as a NewsArticle, the
// breadcrumb trail, the site and its publisher. Pure: plain data in, plain objects out; the web
// layer puts them in the page head (one <script type="application/ld+json">, see src/text/escape.ts).
// The fields follow Google's documentation for Article, Breadcrumb and the sitelinks search box.
import { isoWithOffset } from './iso-time.js';

export type JsonLdNode = Record<string, unknown>;

export interface ImageRef {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
}

/** The organisation behind the site: the publisher of every article. */
export interface Publisher {
  name: string;
  /** The home page, absolute. */
  url: string;
  /** A raster logo (Google takes no SVG here), with its real size. */
  logo: ImageRef;
}

export interface ArticleFacts {
  /** The canonical address, absolute. */
  url: string;
  title: string;
  lead: string;
  publishedAt: number;
  modifiedAt: number;
  /** The site's time zone: the dates carry its offset. */
  timeZone: string;
  authors: { name: string; url: string }[];
  /** Absolute URLs of the cover, largest first; empty when the article has none. */
  images: string[];
  section: string;
  tags: string[];
  /** The site's language, e.g. "bg". */
  language: string;
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

/** Google shows at most 110 characters of a headline. */
export const HEADLINE_MAX = 110;

/** The text cut to `max` characters on a word boundary, with "…" when anything was cut. */
export function cutHeadline(text: string, max = HEADLINE_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  // Room for the ellipsis; back to the last space so no word is cut in half.
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:–—-]+$/, '')}…`;
}

function imageObject(image: ImageRef): JsonLdNode {
  return { '@type': 'ImageObject', url: image.url, width: image.width, height: image.height };
}

export function newsMediaOrganization(publisher: Publisher): JsonLdNode {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${publisher.url}#organization`,
    name: publisher.name,
    url: publisher.url,
    logo: imageObject(publisher.logo),
  };
}

export function newsArticle(publisher: Publisher, a: ArticleFacts): JsonLdNode {
  return {
    '@type': 'NewsArticle',
    '@id': `${a.url}#article`,
    url: a.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    headline: cutHeadline(a.title),
    ...(a.lead.trim() !== '' ? { description: a.lead.trim() } : {}),
    ...(a.images.length > 0 ? { image: a.images } : {}),
    datePublished: isoWithOffset(a.publishedAt, a.timeZone),
    // Never before publication: an article imported with an older edit time still reads right.
    dateModified: isoWithOffset(Math.max(a.modifiedAt, a.publishedAt), a.timeZone),
    ...(a.authors.length > 0
      ? { author: a.authors.map((au) => ({ '@type': 'Person', name: au.name, url: au.url })) }
      : {}),
    publisher: newsMediaOrganization(publisher),
    articleSection: a.section,
    ...(a.tags.length > 0 ? { keywords: a.tags } : {}),
    inLanguage: a.language,
    isAccessibleForFree: true,
  };
}

/** Positions from 1, every item with its absolute URL. */
export function breadcrumbList(crumbs: Crumb[]): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: c.url,
    })),
  };
}

/** The site with its search, so a search engine can offer a search box that lands on /search. */
export function webSite(site: {
  name: string;
  url: string;
  language: string;
  searchPath: string;
}): JsonLdNode {
  return {
    '@type': 'WebSite',
    '@id': `${site.url}#website`,
    name: site.name,
    url: site.url,
    inLanguage: site.language,
    publisher: { '@id': `${site.url}#organization` },
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${new URL(site.searchPath, site.url).href}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** The nodes of one page as one document: a single @context, the nodes in @graph. */
export function jsonLdDocument(nodes: JsonLdNode[]): JsonLdNode {
  return { '@context': 'https://schema.org', '@graph': nodes };
}
