// A saved web page (HTML) → its title and article body, through Mozilla's Readability (the reader
// view of Firefox) over linkedom's DOM. The body then passes the editor's own sanitizer, so scripts,
// styles, frames and event handlers never survive, whatever the page held.
//
// Addresses: links and images are resolved against `baseUrl` (the page's original address) when it
// is given. Without it a relative address cannot be trusted to mean anything on our site, so a
// relative link loses its href (its text stays) and a relative image is dropped; absolute http(s)
// links are kept either way. Images are kept only when they resolve to `siteOrigin` (the site's
// own address): an image from elsewhere would make every reader's browser call a third party.
// srcset and <source> are dropped: the resolved src is enough for an import.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText, sanitizeArticleHtml } from '../text/sanitize.js';

export interface PageHtml {
  title: string;
  /** Sanitized article HTML. */
  bodyHtml: string;
  /** Paragraph-like blocks in the body, for the summary. */
  paragraphs: number;
}

const collapse = (s: string) => s.replace(/[\s\u00A0]+/g, ' ').trim();

/** An absolute http(s) URL, or null: `href` resolved against `base` when there is one. */
export function resolveUrl(href: string, base: URL | null): string | null {
  const value = href.trim();
  if (value === '') return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

// Readability's DOM typings are the browser's; linkedom's document is close enough for it.
type AnyDocument = ConstructorParameters<typeof Readability>[0];

function fixAddresses(document: Document, base: URL | null, siteOrigin: string | null): void {
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    // In-page anchors point at nothing once the page is gone.
    const url = href.startsWith('#') ? null : resolveUrl(href, base);
    if (url) a.setAttribute('href', url);
    else a.removeAttribute('href');
  }
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const url = resolveUrl(img.getAttribute('src') ?? '', base);
    img.removeAttribute('srcset');
    if (url && siteOrigin !== null && new URL(url).origin === siteOrigin) img.setAttribute('src', url);
    else img.remove();
  }
  for (const source of Array.from(document.querySelectorAll('source'))) source.remove();
}

/** The page's own headline, its first non-empty h1: <title> usually carries the site's name too. */
function firstHeadline(document: Document): string {
  for (const h1 of Array.from(document.querySelectorAll('h1'))) {
    const text = collapse(h1.textContent ?? '');
    if (text !== '') return text;
  }
  return '';
}

/** Title and sanitized body of a saved page; null when Readability finds no article in it. */
export function extractPageHtml(
  html: string,
  options: { baseUrl?: string | null; siteOrigin?: string | null } = {},
): PageHtml | null {
  const base = options.baseUrl ? new URL(options.baseUrl) : null;
  const { document } = parseHTML(html);
  // Read before Readability, which rewrites the document in place.
  const headline = firstHeadline(document as unknown as Document);
  const article = new Readability(document as unknown as AnyDocument).parse();
  if (!article?.content) return null;
  const title = headline !== '' ? headline : collapse(article.title ?? '');
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  fixAddresses(body as unknown as Document, base, options.siteOrigin ?? null);
  // The headline often opens the body too (as Readability keeps it): once is enough.
  const first = body.querySelector('h1, h2, h3');
  if (first && collapse(first.textContent ?? '') === title) first.remove();
  const bodyHtml = sanitizeArticleHtml(body.body.innerHTML).trim();
  const paragraphs = htmlToText(bodyHtml)
    .split('\n')
    .filter((l) => l.trim() !== '').length;
  if (title === '' || paragraphs === 0) return null;
  return { title, bodyHtml, paragraphs };
}
