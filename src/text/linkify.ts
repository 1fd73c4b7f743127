// Reader comments are plain text. Everything is escaped; the only markup we emit is <p>, <br> and links
// to http(s) URLs that we build ourselves.

import { LinkifyIt, type Match } from 'linkify-it';
import { LRUCache } from 'lru-cache';
import { escapeHtml } from './escape.js';

// fuzzyLink is on only so that "www.example.bg" is found; bare domains ("dnevnik.bg", but also
// "Node.js" or "т.е.") are rejected in linkMatches to keep false positives and link spam down.
// Emails and ftp:, mailto:, protocol-relative "//" links are never linked.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false })
  .add('ftp:', null)
  .add('mailto:', null)
  .add('//', null);

const MAX_LINK_TEXT = 60;

/** The absolute http(s) URL to link to, or null; new URL() also percent-encodes quotes and brackets. */
function safeHref(match: Match): string | null {
  const isWww = match.schema === '' && /^www\./i.test(match.raw);
  if (match.schema !== 'http:' && match.schema !== 'https:' && !isWww) return null;
  try {
    const url = new URL(match.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Shortens by code points so an emoji or other astral character is never cut in half. */
function shorten(text: string): string {
  const points = [...text];
  return points.length <= MAX_LINK_TEXT ? text : `${points.slice(0, MAX_LINK_TEXT - 1).join('')}…`;
}

function linkifyLine(line: string): string {
  const matches = linkify.match(line) ?? [];
  let out = '';
  let pos = 0;
  for (const match of matches) {
    const href = safeHref(match);
    if (href === null) continue;
    out += escapeHtml(line.slice(pos, match.index));
    out += `<a href="${escapeHtml(href)}" rel="nofollow ugc noopener" target="_blank">`;
    out += `${escapeHtml(shorten(match.text))}</a>`;
    pos = match.lastIndex;
  }
  return out + escapeHtml(line.slice(pos));
}

function paragraphToHtml(paragraph: string): string {
  return `<p>${paragraph
    .split('\n')
    .map((line) => linkifyLine(line.trimEnd()))
    .join('<br>')}</p>`;
}

/**
 * Comment body → safe HTML. Blank lines (any number) separate <p> paragraphs, single newlines become
 * <br>, CRLF and lone CR count as newlines.
 */
export function commentToHtml(text: string): string {
  const known = rendered.get(text);
  if (known !== undefined) return known;
  const html = renderComment(text);
  rendered.set(text, html);
  return html;
}

// A comment's text rarely changes and is shown on every render of its page; finding links in
// it costs more than the rest of the comment's markup, so recent results are remembered.
const rendered = new LRUCache<string, string>({
  max: 5000,
  maxSize: 8_000_000,
  sizeCalculation: (v, k) => v.length + k.length + 1,
});

function renderComment(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) => p.replace(/^\s*\n|\s+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map(paragraphToHtml)
    .join('');
}
