// Turns a parsed query into the two back ends' match syntax and into the portable relevance score.
// Only terms we built go in (letters and digits, quoted), so nothing a reader types can become
// FTS5 or tsquery syntax.
import { type RawBuilder, sql } from 'kysely';
import { quoteLexeme } from './documents.js';
import { phraseBits } from './pair-bloom.js';
import type { ParsedQuery, QueryPart } from './query.js';

/** How the parts combine: every one must match, or (the fallback when none has all) any one. */
export type MatchMode = 'all' | 'any';

/** FTS5 MATCH expression: AND (or OR) of quoted terms, "phrases" and "prefix"* queries. */
export function fts5Match(query: ParsedQuery, mode: MatchMode = 'all'): string {
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return query.parts
    .map((p) => {
      if (p.kind === 'term')
        return p.variants.length === 1 ? quote(p.term) : `(${p.variants.map(quote).join(' OR ')})`;
      if (p.kind === 'prefix') return `${quote(p.prefix)}*`;
      return quote(p.terms.join(' '));
    })
    .join(mode === 'all' ? ' AND ' : ' OR ');
}

/**
 * tsquery literal: & (or |) between parts, <-> inside phrases, :* for prefixes. `loosePhrases`
 * asks for a phrase's words anywhere (&): GIN answers that exactly, without reading a single
 * tsvector; the order of the words is then checked on the candidates (phraseCheck).
 */
export function tsqueryLiteral(query: ParsedQuery, mode: MatchMode = 'all', loosePhrases = false): string {
  return query.parts
    .map((p) => {
      if (p.kind === 'term')
        return p.variants.length === 1 ? quoteLexeme(p.term) : `(${p.variants.map(quoteLexeme).join(' | ')})`;
      if (p.kind === 'prefix') return `${quoteLexeme(p.prefix)}:*`;
      return `(${p.terms.map(quoteLexeme).join(loosePhrases ? ' & ' : ' <-> ')})`;
    })
    .join(mode === 'all' ? ' & ' : ' | ');
}

/**
 * PostgreSQL, every part required: the phrases' word order, checked on a candidate row. The pair
 * filter (pair-bloom.ts) goes first and CASE keeps it first; only rows it lets through have their
 * tsvector read. ts_match_vq is `@@` by its function name, which no index matches, so the planner
 * cannot take this for the index condition. Null when the query has no phrase.
 */
export function phraseCheck(query: ParsedQuery): RawBuilder<boolean> | null {
  const phrases = query.parts.filter((p) => p.kind === 'phrase');
  if (phrases.length === 0) return null;
  const bits = [...new Set(phrases.flatMap((p) => phraseBits(p.terms)))];
  const exact = phrases.map((p) => `(${p.terms.map(quoteLexeme).join(' <-> ')})`).join(' & ');
  const mayHave = sql.join(
    bits.map((bit) => sql`get_bit(d.pairs, ${sql.lit(bit)}) = 1`),
    sql` and `,
  );
  return sql<boolean>`case when d.pairs is null or (${mayHave}) then ts_match_vq(d.tsv, ${exact}::tsquery) else false end`;
}

/** What a field's padded term string must contain (any one of) for a part to count as found there. */
function needles(part: QueryPart): string[] {
  if (part.kind === 'term') return part.variants.map((v) => ` ${v} `);
  if (part.kind === 'prefix') return [` ${part.prefix}`];
  return [` ${part.terms.join(' ')} `];
}

export const TITLE_WEIGHT = 8;
export const LEAD_WEIGHT = 2;

/**
 * Relevance as one SQL expression both databases evaluate identically: per query part, a title hit
 * is worth 8 and a lead hit 2; every row matched somewhere, so 0 means "in the body only". Ties go to
 * the newer article (the caller's ORDER BY). BM25 and ts_rank would order the same rows differently
 * on the two databases; this does not. Bodies are not scanned: that would cost a pass over every
 * matching article's text per query.
 */
export function scoreExpression(query: ParsedQuery, dialect: 'sqlite' | 'postgres'): RawBuilder<number> {
  const find = dialect === 'postgres' ? sql.raw('strpos') : sql.raw('instr');
  const field = (column: string) => sql`(' ' || ${sql.ref(`d.${column}`)} || ' ')`;
  const inField = (column: string, p: QueryPart) =>
    sql.join(
      needles(p).map((n) => sql`${find}(${field(column)}, ${n}) > 0`),
      sql` or `,
    );
  const parts = query.parts.map(
    (p) => sql`(case when ${inField('title_terms', p)} then ${sql.lit(TITLE_WEIGHT)} else 0 end
      + case when ${inField('lead_terms', p)} then ${sql.lit(LEAD_WEIGHT)} else 0 end)`,
  );
  return parts.length === 0 ? sql<number>`0` : sql<number>`(${sql.join(parts, sql` + `)})`;
}
