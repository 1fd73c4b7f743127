// Where related articles come from: recent articles sharing a tag with the article, and what the
// full-text index finds for its most distinctive terms; plus the stored terms they are compared by.
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import type { TagKind } from '../db/schema.js';
import { quoteLexeme } from './documents.js';
import {
  capTagPart,
  type Doc,
  LEAD_WEIGHT,
  type StoredTerms,
  type TermSpace,
  TITLE_WEIGHT,
  tagWeight,
} from './related-score.js';

const TAG_CANDIDATES = 100;
const TEXT_CANDIDATES = 150;
/** The heaviest terms are probed in the index, and the most distinctive of them queried. */
const PROBED_TERMS = 40;
const QUERY_TERMS = 24;
/**
 * Documents counted per probed term. A term in this many or more finds too much to be worth
 * querying (and ranking that many costs); the cap keeps each count cheap however large the site.
 */
const COMMON_DOCS = 500;
/** A tag on more articles than this is a poor way to find candidates; it still scores. */
const COMMON_TAG_USES = 5000;
const SITE_COUNT_CAP = 20_000;
/** Only the start of a long body is compared: it carries the story, and it bounds the work. */
const BODY_CHARS = 3000;

/** The stored terms of these published articles (any without a search document are skipped). */
export async function loadDocs(db: Db, space: TermSpace, ids: number[]): Promise<Doc[]> {
  if (ids.length === 0) return [];
  const rows: StoredTerms[] = await db
    .selectFrom('search_docs as d')
    .innerJoin('search_texts as t', 't.article_id', 'd.article_id')
    .select([
      'd.article_id',
      'd.published_at',
      'd.title_terms',
      'd.lead_terms',
      sql<string>`substr(t.body_terms, 1, ${sql.lit(BODY_CHARS)})`.as('body_start'),
    ])
    .where('d.article_id', 'in', ids)
    .execute();
  return rows.map((r) => space.doc(r, r.body_start.length >= BODY_CHARS));
}

/**
 * About how many published articles hold each term (SQLite: counted in the index, up to
 * COMMON_DOCS; PostgreSQL: from the planner's statistics, which list the commonest lexemes: a term
 * not listed there is taken as rare). Terms the count does not know are left out of the map.
 */
async function documentCounts(db: Db, terms: string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  if (dialectOf(db) === 'postgres') {
    // Counting matches in PostgreSQL means reading every matching tsvector; the statistics are free.
    const { rows } = await sql<{
      term: string;
      n: number;
    }>`select s.term, s.freq * greatest(c.reltuples, 0) as n
      from pg_stats p
      cross join lateral unnest(p.most_common_elems::text::text[], p.most_common_elem_freqs) as s(term, freq)
      join pg_class c on c.oid = to_regclass('search_docs')
      where p.schemaname = current_schema() and p.tablename = 'search_docs' and p.attname = 'tsv'
        and s.term = any(${terms}::text[])`.execute(db);
    return new Map(rows.map((r) => [r.term, Number(r.n)]));
  }
  const counts = new Map<string, number>();
  for (const term of terms) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from (
        select 1 from search_fts where search_fts match ${ftsPhrase(term)} limit ${sql.lit(COMMON_DOCS)}
      )`.execute(db);
    counts.set(term, Number(rows[0]?.n ?? 0));
  }
  return counts;
}

/** A term as an FTS5 string: quoted, quotes doubled, so nothing in it is query syntax. */
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** Heavy in the article and rare on the site; terms only the article itself has find nothing. */
async function distinctiveTerms(db: Db, space: TermSpace, self: Doc): Promise<string[]> {
  const heavy = space.heaviest(self, PROBED_TERMS);
  const counts = await documentCounts(
    db,
    heavy.map((t) => t.term),
  );
  return (
    heavy
      // Unknown counts (PostgreSQL's rare terms) count as two: the article and one more.
      .map((t) => ({ term: t.term, docs: counts.get(t.term) ?? 2, weight: t.weight }))
      .filter((t) => t.docs > 1 && t.docs < COMMON_DOCS)
      .map((t) => ({ term: t.term, value: t.weight * Math.log(COMMON_DOCS / t.docs) }))
      .sort((a, b) => b.value - a.value || (a.term < b.term ? -1 : 1))
      .slice(0, QUERY_TERMS)
      .map((t) => t.term)
  );
}

/** Articles the full-text index ranks best for any of the terms (an OR query), best first. */
async function textCandidates(db: Db, articleId: number, terms: string[]): Promise<number[]> {
  if (terms.length === 0) return [];
  // Terms are letters and digits, but are quoted anyway, and go in as parameters.
  if (dialectOf(db) === 'postgres') {
    const query = terms.map(quoteLexeme).join(' | ');
    // The planner prices tsv @@ as cheap and, on a table of a few thousand rows, reads (and
    // decompresses) every tsvector rather than asking the GIN index; the index is never slower for
    // these queries, as only the matching rows are read then. Local to the transaction, and reset.
    const [previous] = (
      await sql<{ value: string }>`select current_setting('enable_seqscan') as value,
        set_config('enable_seqscan', 'off', true)`.execute(db)
    ).rows;
    const { rows } = await sql<{ id: number }>`select article_id as id from search_docs
      where tsv @@ ${query}::tsquery and article_id <> ${articleId}
      order by ts_rank(tsv, ${query}::tsquery) desc, article_id desc
      limit ${sql.lit(TEXT_CANDIDATES)}`.execute(db);
    await sql`select set_config('enable_seqscan', ${previous?.value ?? 'on'}, true)`.execute(db);
    return rows.map((r) => Number(r.id));
  }
  const { rows } = await sql<{ id: number }>`select rowid as id from search_fts
    where search_fts match ${terms.map(ftsPhrase).join(' OR ')} and rowid <> ${articleId}
    order by bm25(search_fts, ${sql.lit(TITLE_WEIGHT)}, ${sql.lit(LEAD_WEIGHT)}, 1.0)
    limit ${sql.lit(TEXT_CANDIDATES)}`.execute(db);
  return rows.map((r) => Number(r.id));
}

interface TagInfo {
  kind: TagKind;
  uses: number;
}

async function loadTags(db: Db, articleId: number): Promise<Map<number, TagInfo>> {
  const own = await db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['t.id', 't.kind'])
    .where('at.article_id', '=', articleId)
    .execute();
  if (own.length === 0) return new Map();
  const uses = await db
    .selectFrom('article_tags')
    .select((eb) => ['tag_id', eb.fn.countAll<number>().as('uses')])
    .where(
      'tag_id',
      'in',
      own.map((t) => t.id),
    )
    .groupBy('tag_id')
    .execute();
  const count = new Map(uses.map((u) => [u.tag_id, Number(u.uses)]));
  return new Map(own.map((t) => [t.id, { kind: t.kind, uses: count.get(t.id) ?? 1 }]));
}

/** The most recent published articles sharing one of the (not too common) tags. */
async function tagCandidates(db: Db, articleId: number, tags: Map<number, TagInfo>): Promise<number[]> {
  const ids = [...tags].filter(([, t]) => t.uses <= COMMON_TAG_USES).map(([id]) => id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('search_docs as d', 'd.article_id', 'at.article_id')
    .select('at.article_id')
    .where('at.tag_id', 'in', ids)
    .where('at.article_id', '!=', articleId)
    .groupBy(['at.article_id', 'd.published_at'])
    .orderBy('d.published_at', 'desc')
    .orderBy('at.article_id', 'desc')
    .limit(TAG_CANDIDATES)
    .execute();
  return rows.map((r) => r.article_id);
}

/** Published articles, counted up to SITE_COUNT_CAP (past it, a common tag counts nothing anyway). */
async function siteSize(db: Db): Promise<number> {
  const row = await db
    .selectFrom(db.selectFrom('search_docs').select('article_id').limit(SITE_COUNT_CAP).as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** For each candidate, the weight of the tags it shares with the article. */
async function sharedTagParts(
  db: Db,
  tags: Map<number, TagInfo>,
  ids: number[],
): Promise<Map<number, number>> {
  const parts = new Map<number, number>();
  if (tags.size === 0 || ids.length === 0) return parts;
  const size = await siteSize(db);
  const rows = await db
    .selectFrom('article_tags')
    .select(['article_id', 'tag_id'])
    .where('tag_id', 'in', [...tags.keys()])
    .where('article_id', 'in', ids)
    .execute();
  for (const r of rows) {
    const tag = tags.get(r.tag_id) as TagInfo;
    parts.set(r.article_id, capTagPart((parts.get(r.article_id) ?? 0) + tagWeight(tag.kind, tag.uses, size)));
  }
  return parts;
}

export interface Candidates {
  ids: number[];
  /** What the tags each candidate shares with the article add to its score. */
  tagParts: Map<number, number>;
}

/** The candidates for the article `self` (its terms numbered in `space`). */
export async function findCandidates(db: Db, space: TermSpace, self: Doc): Promise<Candidates> {
  const tags = await loadTags(db, self.id);
  const byTag = await tagCandidates(db, self.id, tags);
  const byText = await textCandidates(db, self.id, await distinctiveTerms(db, space, self));
  const ids = [...new Set([...byTag, ...byText])].filter((id) => id !== self.id);
  return { ids, tagParts: await sharedTagParts(db, tags, ids) };
}
