// Section slugs and media-library covers for a file's article rows: looked up once per file
// (a small table, a batch of ids), never joined per row, so the rows come from one narrow index.
import type { Db } from '../db/index.js';
import { fallbackWidth, variantUrl } from '../media/urls.js';
import type { ArticleRow } from './sitemap-types.js';

export async function nameArticles<R extends ArticleRow, T>(
  db: Db,
  rows: R[],
  build: (row: R, categorySlug: string, cover: string | null) => T,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const mediaIds = [
    ...new Set(
      rows.filter((r) => !r.cover_url && r.cover_media_id !== null).map((r) => r.cover_media_id as number),
    ),
  ];
  const [categories, media] = await Promise.all([
    db.selectFrom('categories').select(['id', 'slug']).execute(),
    mediaCovers(db, mediaIds),
  ]);
  const slugOf = new Map(categories.map((c) => [c.id, c.slug]));
  return rows.map((r) => {
    // The stored cover_url is the media item's fallback JPEG (set by every save); older rows
    // and imports may have only the media item, whose fallback is computed as lists do.
    const cover = r.cover_url || (r.cover_media_id === null ? null : (media.get(r.cover_media_id) ?? null));
    return build(r, slugOf.get(r.category_id) ?? '', cover);
  });
}

/** Fallback JPEGs of media items, a thousand ids a query (SQLite binds at most 32,766). */
async function mediaCovers(db: Db, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('media')
      .select(['id', 'storage_key', 'variant_widths'])
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const m of rows) {
      const widths = JSON.parse(m.variant_widths) as number[];
      if (widths.length > 0) out.set(m.id, variantUrl(m.storage_key, fallbackWidth(widths), 'jpg'));
    }
  }
  return out;
}
