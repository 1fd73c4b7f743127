// Short plain-text excerpts (cards, meta descriptions). Length is counted in user-perceived characters
// (grapheme clusters), so no surrogate pair, emoji sequence or combining accent is ever split.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Left dangling at the end of a cut: sentence punctuation, dashes and opening quotes/brackets.
// Closing quotes and brackets stay, so „…“ is not left half-open.
const TRAILING_RE = /[\s.,;:!?\u2026\-\u2013\u2014([{\u201E\u00AB"']+$/u;

/**
 * Collapses whitespace and cuts at a word boundary so that the result, including the "…" appended when
 * cut, has at most maxChars characters. A single word longer than that is cut mid-word.
 */
export function excerpt(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  const graphemes = Array.from(segmenter.segment(clean), (s) => s.segment);
  if (graphemes.length <= maxChars) return clean;
  if (maxChars < 1) return '';

  const room = maxChars - 1; // leave space for "…"
  if (room === 0) return '…';
  let cut = room;
  // Back up to the last space, unless the cut already falls on one.
  if (graphemes[room] !== ' ') {
    const lastSpace = graphemes.lastIndexOf(' ', room - 1);
    if (lastSpace > 0) cut = lastSpace;
  }
  const head = graphemes.slice(0, cut).join('').replace(TRAILING_RE, '');
  return `${head === '' ? graphemes.slice(0, room).join('') : head}…`;
}
