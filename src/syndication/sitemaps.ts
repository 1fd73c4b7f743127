// Sitemap documents as XML text: the URL sets (with Google's news and image extensions) and the
// sitemap index. Written by hand rather than through an XML library: the documents are a handful
// of fixed elements, a 50,000-URL file is built fastest as one joined string, and every piece of
// outside text (a title, a URL) reaches the output through the one function xmlText() below, so
// there is a single place where escaping is decided and tested.

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
export const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface NewsFields {
  /** The publication's name as Google News knows it: the site name. */
  publicationName: string;
  /** ISO 639 code: "bg". */
  language: string;
  publishedAt: number;
  title: string;
}

export interface UrlEntry {
  /** Absolute and already percent-encoded. */
  loc: string;
  lastmod?: number | null;
  /** Absolute image URLs shown on the page (the cover). */
  images?: string[];
  news?: NewsFields;
}

export interface ChildSitemap {
  loc: string;
  lastmod: number | null;
}

const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
  /[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set, as a quick first test
const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text for element content or an attribute value. Escapes the five markup characters and drops
 * what XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF), which an
 * imported title may hold: one such character would make the whole file unreadable to a crawler.
 */
export function xmlText(text: string): string {
  // Nearly every URL and title needs nothing: test once, then leave the string as it is.
  if (!SPECIAL.test(text)) return text;
  return text.replace(UNSAFE, (ch) => ESCAPES[ch] ?? '');
}

const DAY_S = 86_400;
/** "YYYY-MM-DD" by day number: a 50,000-URL file spent more time in Date#toISOString than in SQL. */
const dayNames = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** W3C Datetime (the profile of ISO 8601 sitemaps use) in UTC, to the second. */
export function w3cDate(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / DAY_S);
  let date = dayNames.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_S * 1000).toISOString().slice(0, 10);
    if (dayNames.size >= 20_000) dayNames.clear();
    dayNames.set(day, date);
  }
  const s = seconds - day * DAY_S;
  return `${date}T${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}Z`;
}

function urlElement(e: UrlEntry): string {
  let out = `<url><loc>${xmlText(e.loc)}</loc>`;
  if (e.lastmod) out += `<lastmod>${w3cDate(e.lastmod)}</lastmod>`;
  if (e.news) {
    const n = e.news;
    out +=
      `<news:news><news:publication><news:name>${xmlText(n.publicationName)}</news:name>` +
      `<news:language>${xmlText(n.language)}</news:language></news:publication>` +
      `<news:publication_date>${w3cDate(n.publishedAt)}</news:publication_date>` +
      `<news:title>${xmlText(n.title)}</news:title></news:news>`;
  }
  for (const image of e.images ?? [])
    out += `<image:image><image:loc>${xmlText(image)}</image:loc></image:image>`;
  return `${out}</url>\n`;
}

/** A <urlset>; the news and image namespaces are declared only when an entry uses them. */
export function renderUrlset(entries: readonly UrlEntry[]): string {
  let namespaces = `xmlns="${SITEMAP_NS}"`;
  if (entries.some((e) => e.news)) namespaces += ` xmlns:news="${NEWS_NS}"`;
  if (entries.some((e) => e.images && e.images.length > 0)) namespaces += ` xmlns:image="${IMAGE_NS}"`;
  const parts = [`${XML_DECLARATION}<urlset ${namespaces}>\n`];
  for (const e of entries) parts.push(urlElement(e));
  parts.push('</urlset>\n');
  return parts.join('');
}

/** The <sitemapindex> naming the child sitemaps. */
export function renderSitemapIndex(children: readonly ChildSitemap[]): string {
  const parts = [`${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n`];
  for (const c of children) {
    const lastmod = c.lastmod ? `<lastmod>${w3cDate(c.lastmod)}</lastmod>` : '';
    parts.push(`<sitemap><loc>${xmlText(c.loc)}</loc>${lastmod}</sitemap>\n`);
  }
  parts.push('</sitemapindex>\n');
  return parts.join('');
}

/** The newest of some stamps (for Last-Modified); null when there are none. */
export function newestOf(stamps: Iterable<number | null | undefined>): number | null {
  let newest: number | null = null;
  for (const s of stamps) if (s && (newest === null || s > newest)) newest = s;
  return newest;
}
