// What a reader typed into the search box, read as plain words, "exact phrases" and prefixes
// (държав*). Nothing a reader types is passed to the database's query language: AND, NEAR, ^ and :
// are words or punctuation here, and the back ends get only terms we built, quoted.

import { termVariants } from '../text/inflections.js';
import { foldWord, MAX_WORD_LENGTH, stemWord, terms, tokenize } from '../text/tokens.js';

export type QueryPart =
  /** A word: its term, and the terms of its likely other forms (inflections.ts), the term first. */
  | { kind: 'term'; term: string; variants: string[] }
  | { kind: 'phrase'; terms: string[] }
  | { kind: 'prefix'; prefix: string };

export interface ParsedQuery {
  parts: QueryPart[];
  /** The reader typed something, but every word was too common to search for. */
  onlyStopwords: boolean;
  /** The query was cut to MAX_QUERY_CHARS or MAX_PARTS. */
  truncated: boolean;
}

export const MAX_QUERY_CHARS = 200;
export const MAX_PARTS = 12;
/** Shorter prefixes would match half the dictionary. */
export const MIN_PREFIX = 3;

const QUOTE_RE = /["\u201E\u201C\u201D\u00AB\u00BB]/u;
const PREFIX_RE = /([\p{L}\p{N}\p{M}]+)\*/gu;

function wordsAndPrefixes(text: string, parts: QueryPart[]): void {
  let rest = text;
  for (const m of text.matchAll(PREFIX_RE)) {
    const folded = foldWord(m[1] ?? '');
    if (folded.length < MIN_PREFIX || folded.length > MAX_WORD_LENGTH) continue;
    // Stemming may shorten the prefix (държавата* → държав), never lengthen what it matches.
    const stem = stemWord(folded);
    parts.push({ kind: 'prefix', prefix: folded.startsWith(stem) ? stem : folded });
    rest = rest.replace(m[0], ' ');
  }
  for (const t of tokenize(rest)) parts.push({ kind: 'term', term: t.term, variants: termVariants(t.word) });
}

/** Parses a query; never throws, whatever the input. */
export function parseQuery(input: string): ParsedQuery {
  const chars = [...input.normalize('NFC')];
  const truncated = chars.length > MAX_QUERY_CHARS;
  const text = chars.slice(0, MAX_QUERY_CHARS).join('');
  const parts: QueryPart[] = [];
  // Quotes alternate open/close; an unbalanced last quote just ends the words before it.
  const pieces = text.split(QUOTE_RE);
  const balanced = pieces.length % 2 === 1;
  pieces.forEach((piece, i) => {
    const inPhrase = i % 2 === 1 && (balanced || i < pieces.length - 1);
    if (!inPhrase) {
      wordsAndPrefixes(piece, parts);
      return;
    }
    const phrase = terms(piece);
    if (phrase.length === 1) {
      const term = phrase[0] as string;
      parts.push({ kind: 'term', term, variants: [term] });
    } else if (phrase.length > 1) parts.push({ kind: 'phrase', terms: phrase });
  });
  const unique = dedupe(parts);
  const hadWords = tokenizeRaw(text) > 0;
  return {
    parts: unique.slice(0, MAX_PARTS),
    onlyStopwords: unique.length === 0 && hadWords,
    truncated: truncated || unique.length > MAX_PARTS,
  };
}

function tokenizeRaw(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

function keyOf(part: QueryPart): string {
  if (part.kind === 'term') return `t:${part.term}`;
  if (part.kind === 'prefix') return `p:${part.prefix}`;
  return `q:${part.terms.join(' ')}`;
}

function dedupe(parts: QueryPart[]): QueryPart[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    const key = keyOf(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Does a word (as tokenize gives it) match the query? Used to highlight snippets and titles. */
export function matcherOf(query: ParsedQuery): (term: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of query.parts) {
    if (p.kind === 'term') for (const v of p.variants) exact.add(v);
    else if (p.kind === 'phrase') for (const t of p.terms) exact.add(t);
    else prefixes.push(p.prefix);
  }
  return (term) => exact.has(term) || prefixes.some((p) => term.startsWith(p));
}
