// Where a published article lives, for a link that names it under another section: the article
// moved, or someone shortened or mistyped the address. Slugs are unique only within a section, so
// only a slug that one published article uses anywhere can be followed.
import type { Db } from '../db/index.js';
import { summaryQuery } from './summaries.js';

export interface ArticleAddress {
  slug: string;
  category: { slug: string };
}

/** The address of the one published article with this slug; null when there is none, or several. */
export async function findPublishedAddressBySlug(
  db: Db,
  now: number,
  slug: string,
): Promise<ArticleAddress | null> {
  const rows = await summaryQuery(db, now).where('a.slug', '=', slug).limit(2).execute();
  const [only] = rows;
  return rows.length === 1 && only ? { slug: only.slug, category: { slug: only.category_slug } } : null;
}
