// Related articles, computed when an article is published (inside that transaction) and kept in
// article_related, so the article page reads a short stored list instead of comparing texts per
// request. Candidates are recent articles sharing a tag plus what the full-text index finds for the
// article's most distinctive terms; each is scored by text similarity, shared tags and distance in
// time (related-candidates.ts, related-score.ts), and the best few above a floor are kept.
import { relatedByTags } from '../content/lists.js';
import { summaryQuery, toSummary } from '../content/summaries.js';
import type { ArticleSummary } from '../content/types.js';
import type { Db } from '../db/index.js';
import { findCandidates, loadDocs } from './related-candidates.js';
import { cosines, TermSpace, timeFactor } from './related-score.js';

/** Stored per article; the page shows fewer, so one unpublished later still leaves a full list. */
export const RELATED_KEPT = 6;
/** Below this a candidate is left out: better a short list (or none) than an unrelated one. */
export const MIN_SCORE = 0.1;
/** How many other articles' lists a (re)published article may enter. */
const REVERSE_LIMIT = 30;

export interface Scored {
  id: number;
  score: number;
}

/** Every candidate's score against the article; null when the article is not on the site. */
export async function scoreCandidates(db: Db, articleId: number): Promise<Scored[] | null> {
  const space = new TermSpace();
  const [self] = await loadDocs(db, space, [articleId]);
  if (!self) return null;
  const { ids, tagParts } = await findCandidates(db, space, self);
  const docs = [self, ...(await loadDocs(db, space, ids))];
  const text = cosines(space, docs);
  return docs.slice(1).map((d) => ({
    id: d.id,
    score: ((text.get(d.id) ?? 0) + (tagParts.get(d.id) ?? 0)) * timeFactor(d.publishedAt, self.publishedAt),
  }));
}

const byScore = (a: Scored, b: Scored) => b.score - a.score || b.id - a.id;

function best(list: Scored[], count = RELATED_KEPT): Scored[] {
  return list
    .filter((s) => s.score >= MIN_SCORE)
    .sort(byScore)
    .slice(0, count);
}

const sameList = (a: Scored[], b: Scored[]) =>
  a.length === b.length &&
  a.every((s, i) => s.id === b[i]?.id && Math.abs(s.score - (b[i]?.score ?? 0)) < 1e-4);

/**
 * Recomputes the related list of a published article (one with a search document) inside the
 * caller's transaction, and puts the article into (or takes it out of) the lists of the articles it
 * relates to: the score is the same both ways, and an older story should link to its follow-up as
 * soon as the follow-up is out, not when someone next edits the older one.
 */
export async function refreshRelated(db: Db, articleId: number): Promise<void> {
  const scored = await scoreCandidates(db, articleId);
  if (!scored) {
    await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
    return;
  }
  const scoreOf = new Map(scored.map((s) => [s.id, s.score]));
  const near = best(scored, REVERSE_LIMIT);
  const incoming = await db
    .selectFrom('article_related')
    .select('article_id')
    .where('related_id', '=', articleId)
    .execute();
  const others = [...new Set([...near.map((s) => s.id), ...incoming.map((r) => r.article_id)])];
  const lists = new Map<number, Scored[]>([[articleId, near.slice(0, RELATED_KEPT)]]);
  if (others.length > 0) {
    // Only entries still on the site are carried over: a rewritten list drops unpublished ones.
    const rows = await db
      .selectFrom('article_related as r')
      .innerJoin('search_docs as d', 'd.article_id', 'r.related_id')
      .select(['r.article_id', 'r.related_id', 'r.score'])
      .where('r.article_id', 'in', others)
      .orderBy('r.position')
      .execute();
    for (const id of others) {
      const current = rows
        .filter((r) => r.article_id === id)
        .map((r) => ({ id: r.related_id, score: r.score }));
      const next = best([
        ...current.filter((s) => s.id !== articleId),
        { id: articleId, score: scoreOf.get(id) ?? 0 },
      ]);
      if (!sameList(current, next)) lists.set(id, next);
    }
  }
  // One delete and one insert for every list that changed.
  const changed = [...lists.keys()];
  await db.deleteFrom('article_related').where('article_id', 'in', changed).execute();
  const values = changed.flatMap((id) =>
    (lists.get(id) ?? []).map((s, position) => ({
      article_id: id,
      related_id: s.id,
      position,
      score: s.score,
    })),
  );
  if (values.length > 0) await db.insertInto('article_related').values(values).execute();
}

export interface RelatedList {
  items: ArticleSummary[];
  /** False when the article was never indexed (loaded before search was): then the list is by tags. */
  computed: boolean;
}

/**
 * The stored related articles that are on the site now, best first. An article without a search
 * document never had a list computed (content loaded before it was indexed): it gets the articles
 * sharing the most tags instead, so its page is not left without any.
 */
export async function listRelated(
  db: Db,
  now: number,
  article: { id: number; tagIds: number[] },
  limit: number,
): Promise<RelatedList> {
  const [indexed, rows] = await Promise.all([
    db.selectFrom('search_docs').select('article_id').where('article_id', '=', article.id).executeTakeFirst(),
    summaryQuery(db, now)
      .innerJoin('article_related as r', 'r.related_id', 'a.id')
      .where('r.article_id', '=', article.id)
      .orderBy('r.position')
      .limit(limit)
      .execute(),
  ]);
  if (indexed) return { items: rows.map(toSummary), computed: true };
  return { items: await relatedByTags(db, now, article.id, article.tagIds, limit), computed: false };
}
