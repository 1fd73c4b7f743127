// Words of a text as the search index sees them: lower-cased, stop words dropped, Bulgarian words
// through our stemmer and Latin-script words through Porter's. The index and the query use the same
// function, so "държавата" in a query meets "държави" in an article.
import { stemmer } from 'stemmer';
import { stemBulgarian } from './stem-bg.js';
import { isStopword } from './stopwords.js';

export interface Token {
  /** The index term: the stem of the word. */
  term: string;
  /** The word as it stood, lower-cased. */
  word: string;
  /** UTF-16 offsets of the word in the text given. */
  start: number;
  end: number;
}

// A word is letters, digits and marks; an apostrophe inside it does not split it (Europe's).
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*/gu;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_ONLY_RE = /^[a-z]+$/;
/** Longer "words" are hashes, URLs run together or junk; nobody searches for them. */
export const MAX_WORD_LENGTH = 40;

// Most words need no folding beyond lower case: plain Cyrillic or ASCII letters and digits.
const PLAIN_RE = /^(?:[а-я]+|[a-z0-9]+)$/;

/** The lower-case, mark-free form of a word: "Ѝ" and "и́" are both "и". */
export function foldWord(word: string): string {
  const lowered = word.toLowerCase();
  if (PLAIN_RE.test(lowered)) return lowered;
  const lower = lowered.replace(/['\u2019]/g, '').replace(/ѝ/g, 'и');
  if (CYRILLIC_RE.test(lower)) return lower.normalize('NFC').replace(/\p{M}+/gu, '');
  // Latin: é → e, so "cafe" finds "café".
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * The index term of one folded word. On top of the Lucene-exact stemmer, one conflation: a stem
 * still ending in "и" loses it, because Savoy's rules leave the -ия nouns split in two — енергия →
 * енерг, but енергията and енергии → енерги (also история, комисия, България). Without this a
 * search for „енергия“ would miss „енергията“.
 */
export function stemWord(folded: string): string {
  let term = stems.get(folded);
  if (term === undefined) {
    term = computeStem(folded);
    // Words repeat (a news archive uses some tens of thousands): remember them, within a bound.
    if (stems.size >= MAX_REMEMBERED) stems.clear();
    stems.set(folded, term);
  }
  return term;
}

// A memo of a pure function, shared by every caller in the process; it holds no state of its own.
const stems = new Map<string, string>();
const MAX_REMEMBERED = 200_000;

function computeStem(folded: string): string {
  if (CYRILLIC_RE.test(folded)) {
    const stem = stemBulgarian(folded);
    return stem.length > 4 && stem.endsWith('и') ? stem.slice(0, -1) : stem;
  }
  if (LATIN_ONLY_RE.test(folded)) return stemmer(folded);
  return folded;
}

/** Every indexable word of `text`, in order, with its term and position. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const word = foldWord(m[0]);
    if (word.length === 0 || word.length > MAX_WORD_LENGTH || isStopword(word)) continue;
    tokens.push({ term: stemWord(word), word, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Just the terms of `text`, in order. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
