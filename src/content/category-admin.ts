// Sections as an admin manages them: the tree with its article counts, and creating, changing and
// deleting a section with every rule checked inside the transaction that writes it.
import type { Db } from '../db/index.js';
import { listCategories, RESERVED_SLUGS } from './categories.js';
import {
  type CategoryDraft,
  type CategoryErrors,
  type CategoryValues,
  checkCategoryDraft,
  draftSlug,
} from './category-check.js';
import type { Category } from './types.js';

export interface CategoryTreeRow extends Category {
  /** 0 for a top-level section, 1 for its subsections … */
  depth: number;
  /** Articles filed in it, whatever their status (it cannot be deleted while there are any). */
  articles: number;
  children: number;
}

export type SaveResult =
  | { ok: true; id: number; slug: string }
  | { ok: false; reason: 'invalid'; errors: CategoryErrors; suggestion: string | null }
  | { ok: false; reason: 'not-found' };

export type DeleteResult =
  | { ok: true; name: string }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'has-articles' | 'has-children'; count: number };

type Style = 'latin' | 'cyrillic';

async function articleCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['category_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

/** Every section in menu order, each followed by its subsections (by position, then id). */
export async function categoryTree(db: Db): Promise<CategoryTreeRow[]> {
  const [all, counts] = await Promise.all([listCategories(db), articleCounts(db)]);
  const kids = new Map<number | null, Category[]>();
  for (const c of all) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
  const out: CategoryTreeRow[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const c of kids.get(parentId) ?? []) {
      out.push({ ...c, depth, articles: counts.get(c.id) ?? 0, children: kids.get(c.id)?.length ?? 0 });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function findCategory(db: Db, id: number): Promise<Category | null> {
  return (await listCategories(db)).find((c) => c.id === id) ?? null;
}

async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('categories').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** A slug nobody has and the site does not use: base-2, base-3 … (or base itself when free). */
export async function freeCategorySlug(db: Db, base: string, exceptId?: number): Promise<string> {
  const free = async (s: string) => !RESERVED_SLUGS.has(s) && !(await slugTaken(db, s, exceptId));
  if (await free(base)) return base;
  for (let n = 2; ; n++) if (await free(`${base}-${n}`)) return `${base}-${n}`;
}

/** 'cycle' when `parentId` is the section itself or one of its descendants. */
async function parentProblem(
  db: Db,
  id: number | null,
  parentId: number,
): Promise<'missing' | 'cycle' | null> {
  const rows = await db.selectFrom('categories').select(['id', 'parent_id']).execute();
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  if (!parentOf.has(parentId)) return 'missing';
  let current: number | null | undefined = parentId;
  for (let steps = 0; current !== null && current !== undefined && steps <= rows.length; steps++) {
    if (current === id) return 'cycle';
    current = parentOf.get(current);
  }
  return null;
}

async function invalid(db: Db, errors: CategoryErrors, slug: string, exceptId?: number): Promise<SaveResult> {
  const suggestion =
    errors.slug === 'taken' || errors.slug === 'reserved' ? await freeCategorySlug(db, slug, exceptId) : null;
  return { ok: false, reason: 'invalid', errors, suggestion };
}

/**
 * Checks what needs the database: the parent and the slug. Run inside the writing transaction;
 * the slug's unique index still has the last word (see the callers).
 */
async function databaseErrors(db: Db, id: number | null, v: CategoryValues): Promise<CategoryErrors> {
  const errors: CategoryErrors = {};
  if (v.parentId !== null) {
    const problem = await parentProblem(db, id, v.parentId);
    if (problem) errors.parent = problem;
  }
  if (await slugTaken(db, v.slug, id ?? undefined)) errors.slug = 'taken';
  return errors;
}

const policyColumns = (v: CategoryValues) => ({
  comments_who: v.commentRules.who,
  comments_moderation: v.commentRules.moderation,
  comments_close_days: v.commentRules.closeDays,
});

/** Runs a write; if it failed because the slug was taken meanwhile, says so instead of throwing. */
async function orSlugTaken(db: Db, v: CategoryValues, id: number | null, write: () => Promise<SaveResult>) {
  try {
    return await write();
  } catch (err) {
    if (await slugTaken(db, v.slug, id ?? undefined))
      return invalid(db, { slug: 'taken' }, v.slug, id ?? undefined);
    throw err;
  }
}

export async function createSection(
  db: Db,
  draft: CategoryDraft,
  style: Style,
  now: number,
): Promise<SaveResult> {
  const checked = checkCategoryDraft(draft, style);
  if (!checked.ok) return invalid(db, checked.errors, draftSlugOf(checked.errors, draft, style));
  const v = checked.values;
  return orSlugTaken(db, v, null, () =>
    db.transaction().execute(async (trx): Promise<SaveResult> => {
      const errors = await databaseErrors(trx, null, v);
      if (Object.keys(errors).length > 0) return invalid(trx, errors, v.slug);
      const last = await trx
        .selectFrom('categories')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst();
      const row = await trx
        .insertInto('categories')
        .values({
          slug: v.slug,
          name: v.name,
          description: v.description,
          parent_id: v.parentId,
          position: v.position ?? (last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1),
          created_at: now,
          ...policyColumns(v),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ok: true, id: row.id, slug: v.slug };
    }),
  );
}

export async function updateSection(
  db: Db,
  id: number,
  draft: CategoryDraft,
  style: Style,
): Promise<SaveResult> {
  const checked = checkCategoryDraft(draft, style);
  if (!checked.ok) {
    if (!(await findCategory(db, id))) return { ok: false, reason: 'not-found' };
    return invalid(db, checked.errors, draftSlugOf(checked.errors, draft, style), id);
  }
  const v = checked.values;
  return orSlugTaken(db, v, id, () =>
    db.transaction().execute(async (trx): Promise<SaveResult> => {
      const found = await trx.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst();
      if (!found) return { ok: false, reason: 'not-found' };
      const errors = await databaseErrors(trx, id, v);
      if (Object.keys(errors).length > 0) return invalid(trx, errors, v.slug, id);
      await trx
        .updateTable('categories')
        .set({
          slug: v.slug,
          name: v.name,
          description: v.description,
          parent_id: v.parentId,
          ...(v.position === null ? {} : { position: v.position }),
          ...policyColumns(v),
        })
        .where('id', '=', id)
        .execute();
      return { ok: true, id, slug: v.slug };
    }),
  );
}

/** Only an empty section with no subsections goes: articles are never deleted along with one. */
export async function deleteSection(db: Db, id: number): Promise<DeleteResult> {
  return db.transaction().execute(async (trx): Promise<DeleteResult> => {
    const found = await trx.selectFrom('categories').select('name').where('id', '=', id).executeTakeFirst();
    if (!found) return { ok: false, reason: 'not-found' };
    const count = async (table: 'articles' | 'categories', column: 'category_id' | 'parent_id') => {
      const row = await trx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where(column, '=', id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const articles = await count('articles', 'category_id');
    if (articles > 0) return { ok: false, reason: 'has-articles', count: articles };
    const children = await count('categories', 'parent_id');
    if (children > 0) return { ok: false, reason: 'has-children', count: children };
    await trx.deleteFrom('categories').where('id', '=', id).execute();
    return { ok: true, name: found.name };
  });
}

// A reserved slug is caught before the database is asked; its suggestion needs the slug itself.
function draftSlugOf(errors: CategoryErrors, draft: CategoryDraft, style: Style): string {
  return errors.slug === 'reserved' ? draftSlug(draft, style) : '';
}
