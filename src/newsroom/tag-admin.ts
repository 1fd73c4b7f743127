// Tags as the newsroom manages them: the list with search, kind filter and article counts; changing
// a tag's name, slug or kind; merging one tag into another; deleting one. Each change runs in one
// transaction and reports the articles it touched, so their pages can be refreshed.
import { sql } from 'kysely';
import { dropTagRedirects, recordTagMerge, recordTagRename } from '../content/old-addresses.js';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import type { TagKind } from '../db/schema.js';
import { slugify } from '../text/slug.js';
import { caseFreePattern } from './curation.js';
import { checkTagDraft, type TagDraft, type TagErrors, type TagValues } from './tag-check.js';

export interface TagRow {
  id: number;
  name: string;
  slug: string;
  kind: TagKind;
  /** Articles filed under it, whatever their status. */
  articles: number;
}

export interface TagListQuery {
  /** Part of the name (any case) or of the slug. */
  search: string;
  kind: TagKind | null;
  page: number;
  perPage: number;
}

export interface TagList {
  items: TagRow[];
  total: number;
  page: number;
  pages: number;
}

export type TagSaveResult =
  | { ok: true; tag: TagRow; articleIds: number[] }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; errors: TagErrors; values: TagValues | null; other?: TagRow };

export type TagMergeResult =
  | { ok: true; into: TagRow; moved: number; collapsed: number; articleIds: number[] }
  | { ok: false; reason: 'not-found' | 'same' | 'target-missing' };

export type TagDeleteResult =
  | { ok: true; name: string; articleIds: number[] }
  | { ok: false; reason: 'not-found' };

const collator = new Intl.Collator('bg');

async function articleCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('article_tags')
    .select(['tag_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('tag_id', 'in', ids)
    .groupBy('tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
}

/**
 * Tags in the order of the Bulgarian alphabet, whatever their case. SQL would sort by bytes (SQLite)
 * or by the server's locale, so the matching names are sorted here and only the page is counted.
 */
export async function listTags(db: Db, q: TagListQuery): Promise<TagList> {
  let query = db.selectFrom('tags').select(['id', 'name', 'slug', 'kind']);
  if (q.kind) query = query.where('kind', '=', q.kind);
  const term = q.search.trim();
  if (term !== '') {
    const dialect = dialectOf(db);
    const pattern = caseFreePattern(term, dialect);
    const latin = slugify(term);
    query = query.where((eb) =>
      eb.or([
        dialect === 'sqlite' ? sql<boolean>`name glob ${pattern}` : sql<boolean>`name ~ ${pattern}`,
        // Slugs hold only letters, digits and hyphens: nothing in `latin` is a LIKE wildcard.
        ...(latin === '' ? [] : [eb('slug', 'like', `%${latin}%`)]),
      ]),
    );
  }
  const all = (await query.execute()).sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const pages = Math.max(1, Math.ceil(all.length / q.perPage));
  const slice = all.slice((q.page - 1) * q.perPage, q.page * q.perPage);
  const counts = await articleCounts(
    db,
    slice.map((t) => t.id),
  );
  return {
    items: slice.map((t) => ({ ...t, articles: counts.get(t.id) ?? 0 })),
    total: all.length,
    page: q.page,
    pages,
  };
}

export async function findTag(db: Db, id: number): Promise<TagRow | null> {
  const row = await db
    .selectFrom('tags')
    .select(['id', 'name', 'slug', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, articles: (await articleCounts(db, [id])).get(id) ?? 0 };
}

/** The tag of this exact name (any case) or slug, for the merge form's target. */
export async function findTagByNameOrSlug(db: Db, typed: string): Promise<TagRow | null> {
  const name = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name === '') return null;
  const other = await sameName(db, name, null);
  const row =
    other ??
    (await db
      .selectFrom('tags')
      .select(['id', 'name', 'slug', 'kind'])
      .where('slug', '=', name)
      .executeTakeFirst());
  return row ? findTag(db, row.id) : null;
}

/** Another tag with this name, compared without case ("софия" is "София"). */
async function sameName(db: Db, name: string, exceptId: number | null) {
  const dialect = dialectOf(db);
  const body = caseFreePattern(name, dialect);
  // caseFreePattern looks for the name inside a text; anchored, it is the whole name.
  const pattern = dialect === 'sqlite' ? body.slice(1, -1) : `^${body}$`;
  let query = db
    .selectFrom('tags')
    .select(['id', 'name', 'slug', 'kind'])
    .where(dialect === 'sqlite' ? sql<boolean>`name glob ${pattern}` : sql<boolean>`name ~ ${pattern}`);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return query.orderBy('id').executeTakeFirst();
}

async function linkedArticles(db: Db, tagIds: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('article_tags')
    .select('article_id')
    .distinct()
    .where('tag_id', 'in', tagIds)
    .execute();
  return rows.map((r) => r.article_id);
}

/** Changes a tag's name, slug and kind; a name or slug another tag has is refused, naming that tag. */
export async function updateTag(
  db: Db,
  id: number,
  draft: TagDraft,
  now: number = Date.now(),
): Promise<TagSaveResult> {
  const checked = checkTagDraft(draft);
  try {
    return await writeTag(db, id, checked, now);
  } catch (err) {
    // Another save took the slug between our check and the write: the unique index refused it.
    if (!checked.ok) throw err;
    const v = checked.values;
    const other = await db
      .selectFrom('tags')
      .select(['id', 'name', 'slug', 'kind'])
      .where('slug', '=', v.slug)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (!other) throw err;
    return {
      ok: false,
      reason: 'invalid',
      errors: { slug: 'taken' },
      values: v,
      other: { ...other, articles: 0 },
    };
  }
}

function writeTag(
  db: Db,
  id: number,
  checked: ReturnType<typeof checkTagDraft>,
  now: number,
): Promise<TagSaveResult> {
  return db.transaction().execute(async (trx): Promise<TagSaveResult> => {
    const found = await trx.selectFrom('tags').select(['id', 'slug']).where('id', '=', id).executeTakeFirst();
    if (!found) return { ok: false, reason: 'not-found' };
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, values: null };
    const v = checked.values;
    const byName = await sameName(trx, v.name, id);
    const bySlug = await trx
      .selectFrom('tags')
      .select(['id', 'name', 'slug', 'kind'])
      .where('slug', '=', v.slug)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (byName || bySlug) {
      const errors: TagErrors = {
        ...(byName ? { name: 'taken' } : {}),
        ...(bySlug ? { slug: 'taken' } : {}),
      };
      const other = (byName ?? bySlug) as Omit<TagRow, 'articles'>;
      return { ok: false, reason: 'invalid', errors, values: v, other: { ...other, articles: 0 } };
    }
    await trx
      .updateTable('tags')
      .set({ name: v.name, slug: v.slug, kind: v.kind })
      .where('id', '=', id)
      .execute();
    // Links to the old address keep working (content/old-addresses.ts).
    await recordTagRename(trx, id, found.slug, v.slug, now);
    const articleIds = await linkedArticles(trx, [id]);
    return { ok: true, tag: { id, ...v, articles: articleIds.length }, articleIds };
  });
}

/**
 * Files every article of `fromId` under `intoId` and deletes `fromId`. An article that had both keeps
 * one link. One transaction: a failure leaves both tags as they were.
 */
export async function mergeTags(
  db: Db,
  fromId: number,
  intoId: number,
  now: number = Date.now(),
): Promise<TagMergeResult> {
  if (fromId === intoId) return { ok: false, reason: 'same' };
  return db.transaction().execute(async (trx): Promise<TagMergeResult> => {
    const from = await trx
      .selectFrom('tags')
      .select(['id', 'slug'])
      .where('id', '=', fromId)
      .executeTakeFirst();
    if (!from) return { ok: false, reason: 'not-found' };
    const into = await trx.selectFrom('tags').select('id').where('id', '=', intoId).executeTakeFirst();
    if (!into) return { ok: false, reason: 'target-missing' };
    const articleIds = await linkedArticles(trx, [fromId, intoId]);
    const both = await trx
      .selectFrom('article_tags as a')
      .innerJoin('article_tags as b', 'b.article_id', 'a.article_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('a.tag_id', '=', fromId)
      .where('b.tag_id', '=', intoId)
      .executeTakeFirstOrThrow();
    const inserted = await trx
      .insertInto('article_tags')
      .columns(['article_id', 'tag_id'])
      .expression((eb) =>
        eb
          .selectFrom('article_tags as a')
          // A typed constant: PostgreSQL would read a bare parameter in a select list as text.
          .select(['a.article_id', sql<number>`cast(${intoId} as integer)`.as('tag_id')])
          .where('a.tag_id', '=', fromId)
          .where((w) =>
            w.not(
              w.exists(
                w
                  .selectFrom('article_tags as b')
                  .select('b.article_id')
                  .whereRef('b.article_id', '=', 'a.article_id')
                  .where('b.tag_id', '=', intoId),
              ),
            ),
          ),
      )
      .executeTakeFirst();
    await trx.deleteFrom('article_tags').where('tag_id', '=', fromId).execute();
    // The merged tag's address, and the old ones that led to it, now lead to the other tag.
    await recordTagMerge(trx, from, intoId, now);
    await trx.deleteFrom('tags').where('id', '=', fromId).execute();
    const target = (await findTag(trx, intoId)) as TagRow;
    return {
      ok: true,
      into: target,
      moved: Number(inserted.numInsertedOrUpdatedRows ?? 0),
      collapsed: Number(both.n),
      articleIds,
    };
  });
}

/** Deletes a tag and its links; the articles stay, without it. */
export async function deleteTag(db: Db, id: number): Promise<TagDeleteResult> {
  return db.transaction().execute(async (trx): Promise<TagDeleteResult> => {
    const found = await trx.selectFrom('tags').select('name').where('id', '=', id).executeTakeFirst();
    if (!found) return { ok: false, reason: 'not-found' };
    const articleIds = await linkedArticles(trx, [id]);
    await trx.deleteFrom('article_tags').where('tag_id', '=', id).execute();
    await dropTagRedirects(trx, id);
    await trx.deleteFrom('tags').where('id', '=', id).execute();
    return { ok: true, name: found.name, articleIds };
  });
}
