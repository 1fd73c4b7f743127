// The summary of an article as lists show it, and the one query every list starts from.
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import type { Database } from '../db/schema.js';
import type { ArticleSummary } from './types.js';

function buildSummaryBase(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .where('a.status', '=', 'published')
    .select([
      'a.id',
      'a.slug',
      'a.title',
      'a.lead',
      'a.published_at',
      'a.comment_count',
      'a.cover_url',
      'a.cover_alt',
      'c.id as category_id',
      'c.slug as category_slug',
      'c.name as category_name',
    ]);
}

// Kysely builders are immutable, so the common part of every list query is built once per
// database and extended per call: parsing the select list each time cost more than the query.
const summaryBases = new WeakMap<Db, ReturnType<typeof buildSummaryBase>>();

export function summaryQuery(db: Db, now: number) {
  let base = summaryBases.get(db);
  if (!base) {
    base = buildSummaryBase(db);
    summaryBases.set(db, base);
  }
  return base.where('a.published_at', '<=', now);
}

export type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  lead: string;
  published_at: number | null;
  comment_count: number;
  cover_url: string | null;
  cover_alt: string;
  category_id: number;
  category_slug: string;
  category_name: string;
};

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    publishedAt: r.published_at ?? 0,
    commentCount: r.comment_count,
    category: { id: r.category_id, slug: r.category_slug, name: r.category_name },
    cover: r.cover_url ? { url: r.cover_url, alt: r.cover_alt } : null,
  };
}

export type SummaryBuilder = SelectQueryBuilder<
  Database & { a: Database['articles']; c: Database['categories'] },
  'a' | 'c',
  SummaryRow
>;
