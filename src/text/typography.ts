// Quotes and dashes for plain editorial text (titles, leads). Only quote and hyphen characters are ever
// replaced one-for-one, so no text can be lost; anything we cannot pair confidently is left alone.

import type { Locale } from './locale.js';

const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);
// Chars after which a quote opens / before which it closes (besides whitespace and other quotes).
const OPEN_CONTEXT = /[\s([{\u2013\u2014\-/]/u;
const CLOSE_CONTEXT = /[\s.,;:!?\u2026)\]}\u2013\u2014\-/]/u;

const MARKS: Record<Locale, { outer: [string, string]; inner: [string, string] }> = {
  // Bulgarian: „…“ outside, «…» inside.
  bg: { outer: ['\u201E', '\u201C'], inner: ['\u00AB', '\u00BB'] },
  en: { outer: ['\u201C', '\u201D'], inner: ['\u2018', '\u2019'] },
};

const URL_RE = /(?<![\p{L}\p{N}_])(?:https?:\/\/|www\.)\S+/giu;
// Sentence punctuation and quotes after a URL belong to the sentence, not the URL.
const URL_TAIL_RE = /[.,;:!?\u2026"'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019]+$/u;

/** [start, end) ranges of URLs, which must come out byte for byte. */
function urlRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    for (;;) {
      const trimmed = url.replace(URL_TAIL_RE, '');
      // A closing parenthesis stays only when the URL opened one (Wikipedia-style links).
      const unbalanced = trimmed.endsWith(')') && trimmed.split('(').length < trimmed.split(')').length;
      const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    if (url.length > 0) ranges.push([m.index, m.index + url.length]);
  }
  return ranges;
}

function inRanges(i: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([start, end]) => i >= start && i < end);
}

type Role = 'open' | 'close' | 'either' | 'none';

function roleAt(text: string, i: number): Role {
  const ch = text[i] ?? '';
  if (ch === '\u201E' || ch === '\u00AB') return 'open';
  if (ch === '\u00BB') return 'close';
  const prev = text[i - 1];
  const next = text[i + 1];
  const canOpen =
    next !== undefined &&
    !/\s/u.test(next) &&
    (prev === undefined || OPEN_CONTEXT.test(prev) || QUOTES.has(prev));
  const canClose =
    prev !== undefined &&
    !/\s/u.test(prev) &&
    (next === undefined || CLOSE_CONTEXT.test(next) || QUOTES.has(next));
  if (canOpen && canClose) return 'either';
  if (canOpen) return 'open';
  if (canClose) return 'close';
  return 'none'; // e.g. an inch mark inside a word, or a lone quote between spaces
}

/** Indices of matched opening and closing quotes; unmatched ones are absent. */
function pairQuotes(text: string, ranges: Array<[number, number]>): Map<number, 'open' | 'close'> {
  const stack: number[] = [];
  const matched = new Map<number, 'open' | 'close'>();
  for (let i = 0; i < text.length; i++) {
    if (!QUOTES.has(text[i] ?? '') || inRanges(i, ranges)) continue;
    const role = roleAt(text, i);
    if (role === 'open' || (role === 'either' && stack.length === 0)) {
      stack.push(i);
    } else if (role === 'close' || role === 'either') {
      const opener = stack.pop();
      if (opener === undefined) continue;
      matched.set(opener, 'open');
      matched.set(i, 'close');
    }
  }
  return matched;
}

function replaceQuotes(text: string, locale: Locale, ranges: Array<[number, number]>): string {
  const matched = pairQuotes(text, ranges);
  const { outer, inner } = MARKS[locale];
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const role = matched.get(i);
    if (role === 'open') {
      out += (depth === 0 ? outer : inner)[0];
      depth++;
    } else if (role === 'close') {
      depth--;
      out += (depth === 0 ? outer : inner)[1];
    } else {
      out += text[i];
    }
  }
  return out;
}

// A hyphen with single spaces between words is a dash; a hyphen between two short numbers is a range.
// Longer chains (2015-11-26, 02-981-12-34) and decimals are left alone.
const SPACED_HYPHEN_RE = /(?<=\S )-(?= \S)/gu;
const RANGE_HYPHEN_RE =
  /(?<=(?<![\p{L}\p{N}\-/.,\u2013])\d{1,4})-(?=\d{1,4}(?![\p{L}\p{N}\-/\u2013]|[.,]\d))/gu;

function replaceDashes(text: string, ranges: Array<[number, number]>): string {
  const dash = (m: string, offset: number): string => (inRanges(offset, ranges) ? m : '\u2013');
  // Both replacements keep the length, so the URL ranges stay valid.
  return text.replace(SPACED_HYPHEN_RE, dash).replace(RANGE_HYPHEN_RE, dash);
}

/**
 * Bulgarian (default) or English quotes and dashes in plain text: "…", “…”, „…”, «…» → „…“ (bg) or “…” (en),
 * nested quotes → «…» (bg) or ‘…’ (en); " - " → " – "; 2015-2016 → 2015–2016. URLs are never touched.
 */
export function fixQuotes(text: string, locale: Locale = 'bg'): string {
  const ranges = urlRanges(text);
  return replaceDashes(replaceQuotes(text, locale, ranges), ranges);
}
