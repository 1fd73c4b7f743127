// The summary of an article as lists show it, and the one query every list starts from.
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import type { Database } from '../db/schema.js';
import { fallbackWidth, variantUrl } from '../media/urls.js';
import type { ArticleSummary, CoverMedia, CoverRef } from './types.js';

function buildSummaryBase(db: Db) {
  return (
    db
      .selectFrom('articles as a')
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      // A cover from the media library brings what its srcset needs: one join on a primary key.
      .leftJoin('media as cm', 'cm.id', 'a.cover_media_id')
      .select([
        'a.id',
        'a.slug',
        'a.title',
        'a.lead',
        'a.published_at',
        'a.comment_count',
        'a.cover_url',
        'a.cover_alt',
        'a.breaking',
        'c.id as category_id',
        'c.slug as category_slug',
        'c.name as category_name',
        'cm.storage_key as cover_media_key',
        'cm.variant_widths as cover_media_widths',
        'cm.width as cover_media_width',
        'cm.height as cover_media_height',
      ])
  );
}

// Kysely builders are immutable, so the common part of every list query is built once per
// database and extended per call: parsing the select list each time cost more than the query.
const summaryBases = new WeakMap<Db, ReturnType<typeof buildSummaryBase>>();

function summaryBase(db: Db) {
  let base = summaryBases.get(db);
  if (!base) {
    base = buildSummaryBase(db);
    summaryBases.set(db, base);
  }
  return base;
}

export function summaryQuery(db: Db, now: number) {
  return summaryBase(db).where('a.status', '=', 'published').where('a.published_at', '<=', now);
}

/** Any article whatever its status: for the newsroom's preview, never for public lists. */
export function anyStatusSummaryQuery(db: Db) {
  return summaryBase(db);
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
  breaking: number;
  category_id: number;
  category_slug: string;
  category_name: string;
  cover_media_key: string | null;
  cover_media_widths: string | null;
  cover_media_width: number | null;
  cover_media_height: number | null;
};

function coverMedia(r: SummaryRow): CoverMedia | null {
  if (r.cover_media_key === null || r.cover_media_widths === null) return null;
  return {
    key: r.cover_media_key,
    widths: JSON.parse(r.cover_media_widths) as number[],
    width: r.cover_media_width ?? 0,
    height: r.cover_media_height ?? 0,
  };
}

function cover(r: SummaryRow): CoverRef | null {
  const media = coverMedia(r);
  // The article's cover_url is the media item's fallback JPEG; it is set by every save.
  if (r.cover_url) return { url: r.cover_url, alt: r.cover_alt, media };
  return media
    ? { url: variantUrl(media.key, fallbackWidth(media.widths), 'jpg'), alt: r.cover_alt, media }
    : null;
}

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    publishedAt: r.published_at ?? 0,
    commentCount: r.comment_count,
    breaking: r.breaking === 1,
    category: { id: r.category_id, slug: r.category_slug, name: r.category_name },
    cover: cover(r),
  };
}

export type SummaryBuilder = SelectQueryBuilder<
  Database & { a: Database['articles']; c: Database['categories']; cm: Database['media'] },
  'a' | 'c' | 'cm',
  SummaryRow
>;
