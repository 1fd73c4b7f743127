// The one allow-list for rich article HTML, applied when articles are saved or imported. Anything not
// listed here is dropped; the text of unknown tags is kept, the contents of dangerous ones are not.

import sanitizeHtml from 'sanitize-html';
import { EMBED_IDS } from './embeds.js';

const ALLOWED_TAGS = (
  'p h2 h3 h4 strong b em i u s sub sup a blockquote cite q ul ol li figure figcaption img br hr ' +
  'table thead tbody tr th td code pre abbr mark small picture source span'
).split(' ');

/**
 * Embeds are stored as a link inside <figure class="embed" data-embed=… data-embed-id=…>: readers
 * without JavaScript follow the link, and the page loads the provider's frame only on a click.
 * An id that does not fit its provider drops the embed's data, leaving the plain link.
 * The ids live in embeds.ts, which the browser bundles share without pulling in sanitize-html.
 */
export { EMBED_IDS };

const SOURCE_TYPES = new Set(['image/avif', 'image/webp', 'image/jpeg', 'image/png']);

function figureAttribs(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  const cls = attribs.class;
  if (cls === 'image' && /^\d{1,10}$/.test(attribs['data-media-id'] ?? '')) {
    out.class = 'image';
    out['data-media-id'] = attribs['data-media-id'] as string;
  } else if (cls === 'image') {
    out.class = 'image';
  } else if (cls === 'embed') {
    const provider = attribs['data-embed'] ?? '';
    const id = attribs['data-embed-id'] ?? '';
    if (EMBED_IDS[provider]?.test(id)) {
      out.class = 'embed';
      out['data-embed'] = provider;
      out['data-embed-id'] = id;
    }
  }
  return out;
}

// Elements whose content is code, styling, embedded documents or foreign markup, never article text.
const DROP_WITH_CONTENT = (
  'script style iframe object embed noscript noembed noframes template svg math textarea select option ' +
  'title xmp head'
).split(' ');

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: [
      'src',
      'srcset',
      'sizes',
      'alt',
      'width',
      'height',
      { name: 'loading', values: ['lazy', 'eager'] },
      { name: 'decoding', values: ['async'] },
    ],
    source: ['type', 'srcset', 'sizes'],
    figure: ['class', 'data-media-id', 'data-embed', 'data-embed-id'],
    span: ['class'],
    abbr: ['title'],
    // Not in the original list, but tables from imports are unreadable without spans.
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images: http(s) and relative URLs only; a data: URL could smuggle SVG script or huge payloads.
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  // A photographer's credit inside a caption; any other span is kept as its text only.
  allowedClasses: { span: ['credit'] },
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
  nonTextTags: DROP_WITH_CONTENT,
  transformTags: {
    // The page title is the only h1; headings inside the body start at h2.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    figure: (tagName, attribs) => ({ tagName, attribs: figureAttribs(attribs) }),
    // A span without its one allowed class is noise: renamed to a tag not on the list, it goes
    // and its text stays.
    span: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.class === 'credit'
        ? { tagName, attribs: { class: 'credit' } }
        : { tagName: 'unwrap', attribs: {} },
    source: (tagName, attribs) => {
      const { type, ...rest } = attribs;
      return { tagName, attribs: type && SOURCE_TYPES.has(type) ? { type, ...rest } : rest };
    },
    a: (tagName, attribs) => {
      const { target, ...rest } = attribs;
      // Only a new tab makes sense in an article; other targets (_top, named frames) are dropped.
      if (target !== '_blank') return { tagName, attribs: rest };
      // Pages opened in a new tab must not get window.opener.
      const { rel: relAttr, ...others } = rest;
      const rel = new Set((relAttr ?? '').split(/\s+/).filter((r) => r !== ''));
      rel.add('noopener');
      // A fixed attribute order keeps sanitizing idempotent: cleaning clean HTML changes nothing.
      return { tagName, attribs: { ...others, target, rel: [...rel].join(' ') } };
    },
  },
  exclusiveFilter: (frame) => {
    // An image whose src was unsafe (data:, javascript:) is worth nothing.
    if (frame.tag === 'img') return !frame.attribs.src;
    // A <source> is only an alternative format of an image: it needs both.
    if (frame.tag === 'source') return !frame.attribs.srcset || !frame.attribs.type;
    // Empty paragraphs are an editor artefact; a paragraph holding only an image is not empty.
    return (
      frame.tag === 'p' && frame.mediaChildren.length === 0 && frame.text.replace(/\s|&nbsp;/g, '') === ''
    );
  },
};

/** Cleans article HTML against the allow-list. */
export function sanitizeArticleHtml(html: string): string {
  // sanitize-html writes void elements XHTML-style; "<br />" → "<br>" to match the rest of our HTML.
  // Safe as a regex: in its output "/>" can only end a tag, since text and attribute values escape ">".
  return sanitizeHtml(html, OPTIONS).replace(/ \/>/g, '>');
}

const BLOCK_TAGS = 'p|h2|h3|h4|blockquote|ul|ol|li|figure|figcaption|table|thead|tbody|tr|pre|hr|br';
const BLOCK_RE = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi');
const CELL_RE = /<\/t[dh]>/gi;
const TAG_RE = /<[^>]*>/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi,
    (m, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return ENTITIES[name.toLowerCase()] ?? m;
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}

/**
 * Plain text of article HTML for excerpts and search: sanitized first, so the regex-level tag handling
 * below only ever sees sanitize-html's well-formed output (attribute values there never contain "<" or ">").
 * Block elements are separated by single newlines; whitespace inside blocks is collapsed.
 */
export function htmlToText(html: string): string {
  return cleanHtmlToText(sanitizeArticleHtml(html));
}

/**
 * htmlToText for HTML that already passed sanitizeArticleHtml: stored article bodies, which every
 * write path sanitizes. The search index reads thousands of them, and sanitizing again costs more
 * than everything else it does.
 */
export function cleanHtmlToText(clean: string): string {
  const text = clean
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(BLOCK_RE, '\n')
    .replace(CELL_RE, ' ')
    .replace(TAG_RE, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[^\S\u00A0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
