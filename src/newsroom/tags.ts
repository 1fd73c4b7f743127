// Tags as the editor types them: names resolved to ids, missing ones created, and suggestions for
// the autocomplete. A name is the tag of that exact name, else the tag of its slug, so matching is
// case-insensitive for Cyrillic too ("енергетика" finds "Енергетика").
import type { Db } from '../db/index.js';
import { slugify } from '../text/slug.js';

/**
 * Tag ids for these names, in order, creating the missing ones with slugs in the site's style.
 * An existing tag is found by either style of slug, so switching the setting makes no twins.
 * Pass a transaction.
 */
export async function resolveTags(
  db: Db,
  names: string[],
  now: number,
  style: 'latin' | 'cyrillic' = 'latin',
): Promise<number[]> {
  const wanted = names
    .map((name) => {
      const latin = slugify(name);
      const cyrillic = slugify(name, { style: 'cyrillic' });
      const slug = (style === 'cyrillic' ? cyrillic : latin) || cyrillic;
      return { name, slug, other: slug === latin ? cyrillic : latin };
    })
    .filter((t) => t.slug !== '');
  if (wanted.length === 0) return [];
  const slugs = [...new Set(wanted.flatMap((t) => [t.slug, t.other]).filter((x) => x !== ''))];
  // By name as well: a tag whose slug was changed at /admin/tags keeps its name, and the editor
  // shows names, so saving an article must find it by that name rather than make a twin.
  const typed = [...new Set(wanted.map((t) => t.name))];
  const found = await db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where((eb) => eb.or([eb('slug', 'in', slugs), eb('name', 'in', typed)]))
    .execute();
  const bySlug = new Map(found.map((r) => [r.slug, r.id]));
  const byName = new Map(found.map((r) => [r.name, r.id]));
  const ids: number[] = [];
  for (const t of wanted) {
    let id = byName.get(t.name) ?? bySlug.get(t.slug) ?? bySlug.get(t.other);
    if (id === undefined) {
      const row = await db
        .insertInto('tags')
        .values({ slug: t.slug, name: t.name, kind: 'topic', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      bySlug.set(t.slug, id);
    }
    ids.push(id);
  }
  return [...new Set(ids)];
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
