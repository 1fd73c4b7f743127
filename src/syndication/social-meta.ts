// What social sites and messengers read when a page is shared: Open Graph (Facebook, LinkedIn,
// Viber, Telegram …) and Twitter cards. Pure: plain data in, a list of <meta> tags out, each named
// by `property` (Open Graph) or `name` (Twitter), as the two specifications ask.
import { isoWithOffset } from './iso-time.js';

export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface SocialImage {
  /** Absolute URL of a JPEG or PNG: social sites take no AVIF, and some no WebP. */
  url: string;
  /** In pixels; null when not known (an image from outside the media library). */
  width: number | null;
  height: number | null;
  alt: string;
}

export interface SocialArticle {
  publishedAt: number;
  modifiedAt: number;
  timeZone: string;
  section: string;
  tags: string[];
  /** Absolute URLs of the authors' pages. */
  authorUrls: string[];
}

export interface SocialPage {
  siteName: string;
  /** The site's language: "bg" is written bg_BG, "en" en_US. */
  language: 'bg' | 'en';
  title: string;
  description: string;
  /** The canonical address, absolute. */
  url: string;
  image: SocialImage | null;
  /** Set on article pages: og:type becomes "article" with its times, section, tags and authors. */
  article: SocialArticle | null;
  /** The site's @handle on X/Twitter, if it has one. */
  twitterSite: string | null;
}

const OG_LOCALE = { bg: 'bg_BG', en: 'en_US' } as const;

/** Social sites cut long descriptions themselves, but a sentence-sized one reads better. */
const DESCRIPTION_MAX = 300;

function shortened(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length <= DESCRIPTION_MAX) return clean;
  const head = chars.slice(0, DESCRIPTION_MAX - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${space > DESCRIPTION_MAX / 2 ? head.slice(0, space) : head}…`;
}

export function socialMeta(page: SocialPage): MetaTag[] {
  const og = (property: string, content: string): MetaTag => ({ property, content });
  const tw = (name: string, content: string): MetaTag => ({ name, content });
  const description = shortened(page.description);
  const tags: MetaTag[] = [
    og('og:site_name', page.siteName),
    og('og:locale', OG_LOCALE[page.language]),
    og('og:type', page.article ? 'article' : 'website'),
    og('og:title', page.title),
    ...(description ? [og('og:description', description)] : []),
    og('og:url', page.url),
  ];
  const a = page.article;
  if (a) {
    tags.push(
      og('article:published_time', isoWithOffset(a.publishedAt, a.timeZone)),
      og('article:modified_time', isoWithOffset(Math.max(a.modifiedAt, a.publishedAt), a.timeZone)),
      og('article:section', a.section),
      ...a.tags.map((t) => og('article:tag', t)),
      ...a.authorUrls.map((u) => og('article:author', u)),
    );
  }
  const image = page.image;
  if (image) {
    tags.push(
      og('og:image', image.url),
      ...(image.width && image.height
        ? [og('og:image:width', String(image.width)), og('og:image:height', String(image.height))]
        : []),
      ...(image.alt ? [og('og:image:alt', image.alt)] : []),
    );
  }
  tags.push(
    tw('twitter:card', image ? 'summary_large_image' : 'summary'),
    ...(page.twitterSite ? [tw('twitter:site', page.twitterSite)] : []),
    tw('twitter:title', page.title),
    ...(description ? [tw('twitter:description', description)] : []),
  );
  if (image) {
    tags.push(tw('twitter:image', image.url), ...(image.alt ? [tw('twitter:image:alt', image.alt)] : []));
  }
  return tags;
}
