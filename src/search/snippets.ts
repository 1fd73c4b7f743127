// The lines under each hit: the stretch of the article with the most query words, the words
// marked. Works on the stored plain text with the same tokenizer as the index, so "държавата" is
// marked for a search for "държави". Segments, not HTML: the template escapes them and adds <mark>.
import { tokenize } from '../text/tokens.js';

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits `text` into marked and unmarked segments. */
export function highlight(text: string, matches: (term: string) => boolean): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const t of tokenize(text)) {
    if (!matches(t.term)) continue;
    if (t.start > at) segments.push({ text: text.slice(at, t.start), hit: false });
    segments.push({ text: text.slice(t.start, t.end), hit: true });
    at = t.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}

const WINDOW_WORDS = 32;

/**
 * About WINDOW_WORDS words around the densest cluster of query words, cut at word boundaries, with
 * "…" where text was left out. Without any hit, the opening words.
 */
export function snippet(
  plain: string,
  matches: (term: string) => boolean,
  windowWords = WINDOW_WORDS,
): Segment[] {
  const text = plain.replace(/\s+/gu, ' ').trim();
  const words = [...text.matchAll(/\S+/gu)];
  if (words.length === 0) return [];
  const tokens = tokenize(text);
  const hitStarts = tokens.filter((t) => matches(t.term)).map((t) => t.start);
  // Word index of each hit, then the window start with the most distinct hit words.
  const wordIndexOf = (offset: number) => {
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((words[mid]?.index ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const hitWords = hitStarts.map(wordIndexOf);
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < hitWords.length; i++) {
    while ((hitWords[j] ?? 0) < (hitWords[i] ?? 0) - windowWords + 1) j++;
    const count = i - j + 1;
    if (count > bestCount) {
      bestCount = count;
      // Start a few words before the first hit in the window, for context.
      best = Math.max(0, (hitWords[j] ?? 0) - 4);
    }
  }
  const last = Math.min(words.length, best + windowWords);
  const first = words[best];
  const end = last < words.length ? (words[last]?.index ?? text.length) : text.length;
  let piece = text.slice(first?.index ?? 0, end).trimEnd();
  // A cut after a full stop would read "късно.…"; the ellipsis alone says the text goes on.
  if (last < words.length) piece = piece.replace(/[.,;:\u2013\u2014-]+$/u, '');
  const segments = highlight(piece, matches);
  if (best > 0) segments.unshift({ text: '…', hit: false });
  if (last < words.length) segments.push({ text: '…', hit: false });
  return segments;
}
