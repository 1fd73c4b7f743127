// A staff account writes under a byline: the author profile linked to it (authors.user_id). The
// profile is made on first need from the account's name, with a free slug.
import type { Db } from '../db/index.js';
import { slugify } from '../text/slug.js';

/** A slug not yet taken in `authors`: the base, then base-2, base-3 … */
export async function freeAuthorSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name) || 'avtor';
  const taken = new Set(
    (
      await db
        .selectFrom('authors')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The author id of this account's byline, created when it has none. Pass a transaction. */
export async function authorIdForUser(db: Db, user: { id: number; displayName: string }, now: number) {
  const found = await db.selectFrom('authors').select('id').where('user_id', '=', user.id).executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('authors')
    .values({
      slug: await freeAuthorSlug(db, user.displayName),
      name: user.displayName,
      title: '',
      bio: '',
      created_at: now,
      user_id: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
