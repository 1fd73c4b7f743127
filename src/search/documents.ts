// The search document of an article: its terms per field, the PostgreSQL tsvector over them and
// the plain text snippets are cut from. Pure: no database here.
import { cleanHtmlToText } from '../text/sanitize.js';
import { terms } from '../text/tokens.js';

export interface ArticleText {
  title: string;
  lead: string;
  /** As stored: already through sanitizeArticleHtml. */
  bodyHtml: string;
}

export interface SearchDocument {
  titleTerms: string[];
  leadTerms: string[];
  bodyTerms: string[];
  plain: string;
}

export function buildDocument(article: ArticleText): SearchDocument {
  const body = cleanHtmlToText(article.bodyHtml);
  return {
    titleTerms: terms(article.title),
    leadTerms: terms(article.lead),
    bodyTerms: terms(body),
    plain: `${article.lead}\n${body}`.trim(),
  };
}

// PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383.
const MAX_POSITIONS = 255;
const MAX_POSITION = 16383;

/**
 * The document as a tsvector literal, with our own terms and positions so PostgreSQL never
 * re-tokenizes: the title weighs A, the lead B, the body D. A one-position gap between fields keeps
 * a phrase from running from the end of the title into the lead, as FTS5's columns do. Facet
 * lexemes (facets.ts) follow, without positions.
 */
export function tsvectorLiteral(doc: SearchDocument, facets: string[] = []): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  const add = (fieldTerms: string[], weight: string) => {
    for (const term of fieldTerms) {
      pos++;
      const list = positions.get(term) ?? [];
      if (list.length < MAX_POSITIONS) list.push(`${Math.min(pos, MAX_POSITION)}${weight}`);
      positions.set(term, list);
    }
    pos++;
  };
  add(doc.titleTerms, 'A');
  add(doc.leadTerms, 'B');
  add(doc.bodyTerms, '');
  const lexemes: string[] = [];
  for (const [term, list] of positions) lexemes.push(`${quoteLexeme(term)}:${list.join(',')}`);
  for (const facet of facets) lexemes.push(quoteLexeme(facet));
  return lexemes.join(' ');
}

/** A lexeme in tsvector/tsquery literal syntax: quoted, with quotes and backslashes doubled. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
