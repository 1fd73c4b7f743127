// Feed documents from plain entries: RSS 2.0 and Atom 1.0 through the `feed` package, JSON Feed
// 1.1 written here (the package writes version 1 of JSON Feed, with one author an item and no
// attachments). Every URL handed in is absolute; nothing here knows of HTTP or of the database.
import { type Author, type Category, Feed, type Item } from 'feed';
import { escapeHtml } from '../text/escape.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const isFeedFormat = (v: string): v is FeedFormat => (FEED_FORMATS as readonly string[]).includes(v);

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedLink {
  name: string;
  url: string;
}

export interface FeedEnclosure {
  url: string;
  type: string;
  /** Bytes; 0 when unknown (another site's image), as the RSS profile allows. */
  length: number;
}

export interface FeedEntry {
  /** Never changes with the slug or the section: a tag URI of the article's id. */
  guid: string;
  title: string;
  url: string;
  published: number;
  updated: number;
  authors: FeedLink[];
  /** The section first, then the topics. */
  categories: FeedLink[];
  /** The lead, as plain text. */
  summary: string;
  /** The body (absolute URLs), or null when the feeds carry leads only. */
  contentHtml: string | null;
  image: FeedEnclosure | null;
}

export interface FeedChannel {
  /** A tag URI that stays when the section or the site moves (Atom's id). */
  id: string;
  title: string;
  description: string;
  /** BCP 47, e.g. "bg". */
  language: string;
  /** The page the feed follows: the home page, the section's, the topic's, the author's. */
  homeUrl: string;
  /** This feed in each format: the self link and the alternates. */
  feedUrls: Record<FeedFormat, string>;
  /** The newest change among the entries (or when the feed was made, if it has none). */
  updated: number;
  iconUrl: string;
  /** A square raster logo (PNG): RSS's channel image, Atom's logo, JSON Feed's icon. */
  logoUrl: string;
  /** Who publishes the site: Atom's feed-level author, so entries without a byline stay valid. */
  publisher: FeedLink;
}

export const GENERATOR = 'Vestnik';

// XML 1.0 forbids most control characters, even escaped; stored text should hold none, and one
// slipped in must not make the whole feed unreadable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function feedOf(channel: FeedChannel): Feed {
  return new Feed({
    id: channel.id,
    title: channel.title,
    description: channel.description,
    link: channel.homeUrl,
    language: channel.language,
    updated: new Date(channel.updated),
    generator: GENERATOR,
    feedLinks: { rss: channel.feedUrls.rss, atom: channel.feedUrls.atom, json: channel.feedUrls.json },
    favicon: channel.iconUrl,
    image: channel.logoUrl,
    author: { name: channel.publisher.name, link: channel.publisher.url },
  });
}

/** One dc:creator element a name: the package hands `objects` to xml-js, which repeats an array. */
const creators = (authors: FeedLink[]) =>
  authors.map((a) => ({ _text: a.name })) as unknown as Record<string, unknown>;

function rss(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = feedOf(channel);
  for (const e of entries) {
    const item: Item = {
      title: e.title,
      id: e.guid,
      link: e.url,
      date: new Date(e.updated),
      published: new Date(e.published),
      description: escapeHtml(e.summary),
      category: e.categories.map((c): Category => ({ name: c.name, domain: c.url })),
      // RSS's <author> must be an email address; the names go in Dublin Core's creator.
      extensions: e.authors.length > 0 ? [{ name: 'dc:creator', objects: creators(e.authors) }] : [],
    };
    if (e.contentHtml !== null) item.content = e.contentHtml;
    if (e.image) item.enclosure = { ...e.image };
    feed.addItem(item);
  }
  let text = feed.rss2();
  // The package declares the dc: namespace only along with content:encoded (full text).
  if (!text.includes('xmlns:dc='))
    text = text.replace(
      '<rss version="2.0"',
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    );
  return text.replace(XML_FORBIDDEN, '');
}

function atom(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = feedOf(channel);
  const types = new Map<string, string>();
  for (const e of entries) {
    const item: Item = {
      // Atom says type="html" for these: a title's "<" or "&" is text, not markup.
      title: escapeHtml(e.title),
      id: e.guid,
      link: e.url,
      date: new Date(e.updated),
      published: new Date(e.published),
      description: escapeHtml(e.summary),
      author: e.authors.map((a): Author => ({ name: a.name, link: a.url })),
      category: e.categories.map((c): Category => ({ name: c.name, term: c.name })),
    };
    if (e.contentHtml !== null) item.content = e.contentHtml;
    if (e.image) {
      item.enclosure = { ...e.image };
      types.set(new URL(e.image.url).href.replace(/&/g, '&amp;'), e.image.type);
    }
    feed.addItem(item);
  }
  // The package guesses an enclosure's type from the file extension ("image/jpg", which is no MIME
  // type): the type we know is put back. It leaves out the language, which Atom gives as xml:lang.
  const text = feed
    .atom1()
    .replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(channel.language)}">`,
    )
    .replace(
      /(<link rel="enclosure" href="([^"]*)"[^>]*? type=")[^"]*"/g,
      (all, head: string, href: string) => (types.has(href) ? `${head}${types.get(href)}"` : all),
    );
  return text.replace(XML_FORBIDDEN, '');
}

function json(channel: FeedChannel, entries: FeedEntry[]): string {
  const items = entries.map((e) => ({
    id: e.guid,
    url: e.url,
    title: e.title,
    summary: e.summary,
    ...(e.contentHtml !== null ? { content_html: e.contentHtml } : { content_text: e.summary }),
    ...(e.image ? { image: e.image.url } : {}),
    date_published: new Date(e.published).toISOString(),
    date_modified: new Date(e.updated).toISOString(),
    ...(e.authors.length > 0 ? { authors: e.authors.map((a) => ({ name: a.name, url: a.url })) } : {}),
    tags: e.categories.map((c) => c.name),
    ...(e.image
      ? {
          attachments: [
            {
              url: e.image.url,
              mime_type: e.image.type,
              ...(e.image.length > 0 ? { size_in_bytes: e.image.length } : {}),
            },
          ],
        }
      : {}),
  }));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrls.json,
    description: channel.description,
    language: channel.language,
    icon: channel.logoUrl,
    favicon: channel.iconUrl,
    authors: [{ name: channel.publisher.name, url: channel.publisher.url }],
    items,
  });
}

/** The feed document in one format. */
export function renderFeed(format: FeedFormat, channel: FeedChannel, entries: FeedEntry[]): string {
  if (format === 'rss') return rss(channel, entries);
  if (format === 'atom') return atom(channel, entries);
  return json(channel, entries);
}
