// Tags as the editor types them: names resolved to ids, missing ones created, and suggestions for
// the autocomplete. Matching is case-insensitive for Cyrillic too, so it is done on slugs.
import type { Db } from '../db/index.js';
import { slugify } from '../text/slug.js';

/** Tag ids for these names, in order, creating the missing ones. Pass a transaction. */
export async function resolveTags(db: Db, names: string[], now: number): Promise<number[]> {
  const wanted = names
    .map((name) => ({ name, slug: slugify(name) || slugify(name, { style: 'cyrillic' }) }))
    .filter((t) => t.slug !== '');
  if (wanted.length === 0) return [];
  const slugs = [...new Set(wanted.map((t) => t.slug))];
  const found = await db.selectFrom('tags').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  const bySlug = new Map(found.map((r) => [r.slug, r.id]));
  for (const t of wanted) {
    if (bySlug.has(t.slug)) continue;
    const row = await db
      .insertInto('tags')
      .values({ slug: t.slug, name: t.name, kind: 'topic', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    bySlug.set(t.slug, row.id);
  }
  return [...new Set(wanted.map((t) => bySlug.get(t.slug) as number))];
}

export interface TagSuggestion {
  id: number;
  name: string;
  slug: string;
}

/** Tags whose slug starts with the typed prefix's slug, most used first. */
export async function suggestTags(db: Db, prefix: string, limit = 10): Promise<TagSuggestion[]> {
  const latin = slugify(prefix);
  if (latin === '') return [];
  const rows = await db
    .selectFrom('tags as t')
    .leftJoin('article_tags as at', 'at.tag_id', 't.id')
    // Slugs hold only letters, digits and hyphens: nothing in the prefix is a LIKE wildcard.
    .where('t.slug', 'like', `${latin}%`)
    .groupBy(['t.id', 't.name', 't.slug'])
    .select((eb) => ['t.id', 't.name', 't.slug', eb.fn.count<number>('at.article_id').as('uses')])
    .orderBy('uses', 'desc')
    .orderBy('t.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug }));
}
