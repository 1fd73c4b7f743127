// An article's slug: made from the title (by the Transliteration Act, or in Cyrillic by site
// setting) or typed by hand, and unique within its category.
import type { Db } from '../db/index.js';
import { slugify } from '../text/slug.js';
import type { SlugStyle } from './settings.js';

const MAX = 90;

async function takenSlugs(db: Db, categoryId: number, base: string, exceptId: number | null) {
  let q = db
    .selectFrom('articles')
    .select('slug')
    .where('category_id', '=', categoryId)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]));
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return new Set((await q.execute()).map((r) => r.slug));
}

/** The first free slug of base, base-2, base-3 … in the category. */
export async function freeSlug(db: Db, categoryId: number, base: string, exceptId: number | null) {
  const taken = await takenSlugs(db, categoryId, base, exceptId);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type SlugResult = { ok: true; slug: string } | { ok: false; suggestion: string };

/**
 * A typed slug must be free (a taken one is refused with a free suggestion: the editor chose it,
 * so we do not change it behind their back); a slug made from the title is made free.
 */
export async function resolveSlug(
  db: Db,
  input: { typed: string; title: string; categoryId: number; articleId: number | null; style: SlugStyle },
): Promise<SlugResult> {
  if (input.typed !== '') {
    const free = await freeSlug(db, input.categoryId, input.typed, input.articleId);
    return free === input.typed ? { ok: true, slug: free } : { ok: false, suggestion: free };
  }
  const base = slugify(input.title, { style: input.style, maxLength: MAX }) || 'statia';
  return { ok: true, slug: await freeSlug(db, input.categoryId, base, input.articleId) };
}
