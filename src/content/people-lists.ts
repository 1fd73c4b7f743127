// Tags and authors in pages by id (a keyset: stable while tags are added, and the same order on
// every database, which ordering by name under different collations would not be), by default
// only those with at least one published article.
import type { Db } from '../db/index.js';
import type { TagKind } from '../db/schema.js';
import type { Author, TagRef } from './types.js';

export interface PeopleListOptions {
  /** Only ids greater than this. */
  afterId: number | null;
  limit: number;
  /** Also those without a published article. */
  all: boolean;
}

export async function listTags(
  db: Db,
  now: number,
  options: PeopleListOptions & { kind?: TagKind },
): Promise<TagRef[]> {
  let q = db.selectFrom('tags as t').select(['t.id', 't.slug', 't.name', 't.kind']);
  if (options.kind) q = q.where('t.kind', '=', options.kind);
  if (options.afterId !== null) q = q.where('t.id', '>', options.afterId);
  if (!options.all)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_tags as at')
          .innerJoin('articles as a', 'a.id', 'at.article_id')
          .select('at.article_id')
          .whereRef('at.tag_id', '=', 't.id')
          .where('a.status', '=', 'published')
          .where('a.published_at', '<=', now),
      ),
    );
  return q.orderBy('t.id').limit(options.limit).execute();
}

export async function listAuthors(db: Db, now: number, options: PeopleListOptions): Promise<Author[]> {
  let q = db.selectFrom('authors as au').select(['au.id', 'au.slug', 'au.name', 'au.title', 'au.bio']);
  if (options.afterId !== null) q = q.where('au.id', '>', options.afterId);
  if (!options.all)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_authors as aa')
          .innerJoin('articles as a', 'a.id', 'aa.article_id')
          .select('aa.article_id')
          .whereRef('aa.author_id', '=', 'au.id')
          .where('a.status', '=', 'published')
          .where('a.published_at', '<=', now),
      ),
    );
  return q.orderBy('au.id').limit(options.limit).execute();
}

/** How many published articles carry each of these tags (or are by each of these authors). */
export async function publishedCounts(
  db: Db,
  now: number,
  of: 'tags' | 'authors',
  ids: number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows =
    of === 'tags'
      ? await db
          .selectFrom('article_tags as x')
          .innerJoin('articles as a', 'a.id', 'x.article_id')
          .where('x.tag_id', 'in', ids)
          .where('a.status', '=', 'published')
          .where('a.published_at', '<=', now)
          .groupBy('x.tag_id')
          .select((eb) => ['x.tag_id as id', eb.fn.countAll<number>().as('n')])
          .execute()
      : await db
          .selectFrom('article_authors as x')
          .innerJoin('articles as a', 'a.id', 'x.article_id')
          .where('x.author_id', 'in', ids)
          .where('a.status', '=', 'published')
          .where('a.published_at', '<=', now)
          .groupBy('x.author_id')
          .select((eb) => ['x.author_id as id', eb.fn.countAll<number>().as('n')])
          .execute();
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}
