// Addresses that moved: an article whose slug or section an editor changed, a tag that was renamed
// or merged into another. Links already out there (search results, shares, other sites) keep
// working: the site answers the old address with 301 to the page's new home. The rows are written
// in the transaction of the change; reading them never reveals an article that is not published.
import type { Db } from '../db/index.js';
import type { ArticleAddress } from './article-address.js';
import { summaryQuery } from './summaries.js';
import type { TagRef } from './types.js';

/** Keeps the address an article is leaving (its slug in its section before the save). */
export async function recordArticleMove(
  trx: Db,
  left: { articleId: number; categoryId: number; slug: string },
  now: number,
): Promise<void> {
  await trx
    .insertInto('article_slug_history')
    .values({ article_id: left.articleId, category_id: left.categoryId, slug: left.slug, created_at: now })
    .execute();
}

const toAddress = (row: { slug: string; category_slug: string }): ArticleAddress => ({
  slug: row.slug,
  category: { slug: row.category_slug },
});

/**
 * The published article that was at /{categorySlug}/{slug} before it moved. Several articles may
 * have held the address in turn: the one that left it last wins. Renamed again since, it is found
 * at its newest address, so a chain of renames ends in one hop.
 */
export async function findArticleByOldAddress(
  db: Db,
  now: number,
  categorySlug: string,
  slug: string,
): Promise<ArticleAddress | null> {
  const row = await summaryQuery(db, now)
    .innerJoin('article_slug_history as h', 'h.article_id', 'a.id')
    .innerJoin('categories as hc', 'hc.id', 'h.category_id')
    .where('h.slug', '=', slug)
    .where('hc.slug', '=', categorySlug)
    .orderBy('h.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toAddress(row) : null;
}

/** The one published article that ever had this slug in any section; null when none, or several. */
export async function findArticleByOldSlug(
  db: Db,
  now: number,
  slug: string,
): Promise<ArticleAddress | null> {
  const rows = await summaryQuery(db, now)
    .where((eb) =>
      eb(
        'a.id',
        'in',
        eb.selectFrom('article_slug_history as h').select('h.article_id').where('h.slug', '=', slug),
      ),
    )
    .limit(2)
    .execute();
  const [only] = rows;
  return rows.length === 1 && only ? toAddress(only) : null;
}

/**
 * A tag's slug changed: the old one leads to it from now on. A redirect that pointed at the new
 * slug is dropped (the tag lives there now), and one of the same old slug is taken over.
 */
export async function recordTagRename(
  trx: Db,
  tagId: number,
  oldSlug: string,
  newSlug: string,
  now: number,
): Promise<void> {
  if (oldSlug === newSlug) return;
  await trx.deleteFrom('tag_redirects').where('old_slug', 'in', [oldSlug, newSlug]).execute();
  await trx
    .insertInto('tag_redirects')
    .values({ old_slug: oldSlug, tag_id: tagId, created_at: now })
    .execute();
}

/**
 * A tag is merged into another: its slug, and every old slug that led to it, lead to the other.
 * Runs before the merged tag is deleted (its rows would otherwise go with it).
 */
export async function recordTagMerge(
  trx: Db,
  from: { id: number; slug: string },
  intoId: number,
  now: number,
): Promise<void> {
  await trx.updateTable('tag_redirects').set({ tag_id: intoId }).where('tag_id', '=', from.id).execute();
  await trx.deleteFrom('tag_redirects').where('old_slug', '=', from.slug).execute();
  await trx
    .insertInto('tag_redirects')
    .values({ old_slug: from.slug, tag_id: intoId, created_at: now })
    .execute();
}

/** A deleted tag's old addresses go with it: they answer 404 like its own. */
export async function dropTagRedirects(trx: Db, tagId: number): Promise<void> {
  await trx.deleteFrom('tag_redirects').where('tag_id', '=', tagId).execute();
}

/** The tag an old slug leads to, if any. */
export async function findTagByOldSlug(db: Db, slug: string): Promise<TagRef | null> {
  const row = await db
    .selectFrom('tag_redirects as r')
    .innerJoin('tags as t', 't.id', 'r.tag_id')
    .select(['t.id', 't.slug', 't.name', 't.kind'])
    .where('r.old_slug', '=', slug)
    .executeTakeFirst();
  return row ?? null;
}
