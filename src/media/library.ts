// The media library: uploads become responsive variants in the storage and a row in `media`;
// staff find, describe, reuse and remove them. Nothing is ever half-stored: the files are written
// first and removed again if the row cannot be.
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { MediaRow } from '../db/schema.js';
import { type ImageLimits, type ImageRefusal, processImage } from './images.js';
import { expandBodyImages, mediaIdsInBody } from './markup.js';
import { type MediaStorage, newStorageKey } from './storage.js';
import { checkTexts, cleanName, searchText, type TextErrors } from './texts.js';
import type { MediaItem, MediaTexts } from './types.js';
import { responsive, variantUrl } from './urls.js';

export interface UploadInput extends Partial<MediaTexts> {
  data: Buffer;
  originalName: string;
}

export type UploadResult =
  | { ok: true; item: MediaItem }
  | { ok: false; error: ImageRefusal }
  | { ok: false; error: 'invalid-text'; fields: TextErrors };

export type UpdateResult =
  | { ok: true; item: MediaItem }
  | { ok: false; error: 'not-found' }
  | { ok: false; error: 'invalid-text'; fields: TextErrors };

export interface MediaUses {
  covers: number;
  bodies: number;
}

export type RemoveResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'in-use'; uses: MediaUses };

export interface MediaPage {
  items: MediaItem[];
  total: number;
  page: number;
  pages: number;
}

export function toMediaItem(row: MediaRow): MediaItem {
  const widths = JSON.parse(row.variant_widths) as number[];
  const source = { key: row.storage_key, widths, width: row.width, height: row.height };
  const r = responsive(source);
  return {
    id: row.id,
    key: row.storage_key,
    format: row.source_format,
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    originalName: row.original_name,
    createdAt: Number(row.created_at),
    widths,
    url: r.src,
    thumbUrl: variantUrl(row.storage_key, widths[0] ?? r.width, 'jpg'),
    srcset: r.srcset,
  };
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export class MediaLibrary {
  constructor(
    private readonly db: Db,
    private readonly storage: MediaStorage,
    private readonly limits: ImageLimits,
  ) {}

  async upload(input: UploadInput, userId: number | null, now: number): Promise<UploadResult> {
    const texts = checkTexts(input);
    if (!texts.ok) return { ok: false, error: 'invalid-text', fields: texts.errors };
    const processed = await processImage(input.data, this.limits);
    if (!processed.ok) return processed;
    const image = processed.image;
    const key = newStorageKey(now);
    const originalName = cleanName(input.originalName);
    try {
      // Every write is let finish before any clean-up, so none lands after the folder is gone.
      const writes = await Promise.allSettled(
        image.variants.map((v) => this.storage.put(key, v.name, v.data)),
      );
      const failed = writes.find((w) => w.status === 'rejected');
      if (failed) throw failed.reason;
      const row = await this.db
        .insertInto('media')
        .values({
          storage_key: key,
          original_name: originalName,
          source_format: image.format,
          width: image.width,
          height: image.height,
          bytes: input.data.length,
          ...texts.value,
          variant_widths: JSON.stringify(image.widths),
          search_text: searchText(originalName, texts.value),
          created_by: userId,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ok: true, item: toMediaItem(row) };
    } catch (err) {
      // The first failure is the one worth reporting, not a failed clean-up after it.
      await this.storage.remove(key).catch(() => {});
      throw err;
    }
  }

  async get(id: number, db: Db = this.db): Promise<MediaItem | null> {
    const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMediaItem(row) : null;
  }

  async getMany(ids: readonly number[], db: Db = this.db): Promise<Map<number, MediaItem>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await db.selectFrom('media').selectAll().where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, toMediaItem(r)]));
  }

  /** Newest first; every word of the query must appear in the name, alt, caption or credit. */
  async search(query: string, page: number, pageSize: number): Promise<MediaPage> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    let q = this.db.selectFrom('media');
    for (const word of words) {
      q = q.where(sql<boolean>`search_text like ${`%${escapeLike(word)}%`} escape '\\'`);
    }
    const counted = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const total = Number(counted.n);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const rows = await q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: rows.map(toMediaItem), total, page, pages };
  }

  async update(id: number, input: Partial<MediaTexts>): Promise<UpdateResult> {
    const texts = checkTexts(input);
    if (!texts.ok) return { ok: false, error: 'invalid-text', fields: texts.errors };
    const row = await this.db
      .selectFrom('media')
      .select('original_name')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return { ok: false, error: 'not-found' };
    const updated = await this.db
      .updateTable('media')
      .set({ ...texts.value, search_text: searchText(row.original_name, texts.value) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return updated ? { ok: true, item: toMediaItem(updated) } : { ok: false, error: 'not-found' };
  }

  /** How many articles show the item: as their cover, or as an image in the body. */
  async uses(id: number, db: Db = this.db): Promise<MediaUses> {
    const count = (n: unknown) => Number(n ?? 0);
    const r = await db
      .selectFrom('articles')
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('cover_media_id', '=', id).then(1).else(0).end()).as('covers'),
        // The editor's figures carry the id exactly so; the sanitizer keeps no other form.
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(sql<boolean>`body_html like ${`%data-media-id="${id}"%`}`)
              .then(1)
              .else(0)
              .end(),
          )
          .as('bodies'),
      ])
      .where((eb) =>
        eb.or([eb('cover_media_id', '=', id), sql<boolean>`body_html like ${`%data-media-id="${id}"%`}`]),
      )
      .executeTakeFirstOrThrow();
    return { covers: count(r.covers), bodies: count(r.bodies) };
  }

  /**
   * Removes an item no article shows, as cover or in its body (its picture there would break):
   * the row first, then its files.
   */
  async remove(id: number): Promise<RemoveResult> {
    const removed = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('media').select('storage_key').where('id', '=', id).executeTakeFirst();
      if (!row) return { ok: false as const, reason: 'not-found' as const };
      const uses = await this.uses(id, trx);
      if (uses.covers + uses.bodies > 0) return { ok: false as const, reason: 'in-use' as const, uses };
      await trx.deleteFrom('media').where('id', '=', id).execute();
      return { ok: true as const, key: row.storage_key };
    });
    if (!removed.ok) return removed;
    await this.storage.remove(removed.key);
    return { ok: true };
  }

  /** The byte length of one stored file of an item (a variant), or null when it is not there. */
  fileSize(key: string, name: string): Promise<number | null> {
    return this.storage.size(key, name);
  }

  // The newsroom's ArticleMedia port (src/newsroom/media-port.ts): used inside its save transaction.

  /** The cover facts an article keeps: the fallback JPEG and the library's texts. */
  async cover(db: Db, mediaId: number) {
    const item = await this.get(mediaId, db);
    return item ? { url: item.url, alt: item.alt, caption: item.caption, credit: item.credit } : null;
  }

  /** The body with its image figures expanded to responsive pictures. */
  async expandBody(db: Db, html: string): Promise<string> {
    const ids = mediaIdsInBody(html);
    if (ids.length === 0) return html;
    return expandBodyImages(html, await this.getMany(ids, db));
  }
}
