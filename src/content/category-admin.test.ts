import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import {
  categoryTree,
  createSection,
  deleteSection,
  freeCategorySlug,
  updateSection,
} from './category-admin.js';
import type { CategoryDraft } from './category-check.js';
import { buildArticle } from './factories.js';

const now = Date.UTC(2026, 10, 25, 10, 0);

const draft = (fields: Partial<CategoryDraft>): CategoryDraft => ({
  name: '',
  slug: '',
  parent: '',
  description: '',
  position: '',
  who: '',
  moderation: '',
  closeDays: '',
  ...fields,
});

describeEachDatabase('sections as admins manage them', (getDb) => {
  let db: Db;
  const created = async (fields: Partial<CategoryDraft>, style: 'latin' | 'cyrillic' = 'latin') => {
    const result = await createSection(db, draft(fields), style, now);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result;
  };

  beforeAll(() => {
    db = getDb().db;
  });

  it('makes the slug from the name by the Transliteration Act, or keeps it Cyrillic', async () => {
    expect((await created({ name: 'Общество и България' })).slug).toBe('obshtestvo-i-bulgaria');
    expect((await created({ name: 'Здраве' }, 'cyrillic')).slug).toBe('здраве');
    // A typed slug is tidied in the site's style too.
    expect((await created({ name: 'Любопитно', slug: '  Странно Но Вярно ' })).slug).toBe(
      'stranno-no-vyarno',
    );
  });

  it('puts a section without a position after the last one', async () => {
    const a = await created({ name: 'Първа', position: '40' });
    const b = await created({ name: 'Втора' });
    const tree = await categoryTree(db);
    expect(tree.find((c) => c.id === a.id)?.position).toBe(40);
    expect(tree.find((c) => c.id === b.id)?.position).toBe(41);
  });

  it('refuses a taken or reserved slug with a free suggestion', async () => {
    await created({ name: 'Култура' });
    const taken = await createSection(db, draft({ name: 'Култура' }), 'latin', now);
    expect(taken).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { slug: 'taken' },
      suggestion: 'kultura-2',
    });
    const reserved = await createSection(db, draft({ name: 'Админ', slug: 'admin' }), 'latin', now);
    expect(reserved).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { slug: 'reserved' },
      suggestion: 'admin-2',
    });
    expect(await freeCategorySlug(db, 'kultura')).toBe('kultura-2');
  });

  it('reports every bad field at once', async () => {
    const result = await createSection(
      db,
      draft({
        name: '  ',
        slug: '!!!',
        parent: 'x',
        position: '-1',
        who: 'all',
        moderation: 'later',
        closeDays: '0',
      }),
      'latin',
      now,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        name: 'required',
        slug: 'invalid',
        parent: 'missing',
        position: 'range',
        who: 'choice',
        moderation: 'choice',
        closeDays: 'range',
      },
      suggestion: null,
    });
    const punctuation = await createSection(db, draft({ name: '???' }), 'latin', now);
    expect(punctuation).toMatchObject({ ok: false, errors: { name: 'invalid' } });
    const long = await createSection(
      db,
      draft({ name: 'Д'.repeat(61), description: 'о'.repeat(501) }),
      'latin',
      now,
    );
    expect(long).toMatchObject({ ok: false, errors: { name: 'too-long', description: 'too-long' } });
  });

  it('refuses a parent that does not exist or would make a cycle', async () => {
    const top = await created({ name: 'Спорт и игри' });
    const child = await created({ name: 'Тенис на маса', parent: String(top.id) });
    const grandchild = await created({ name: 'Юноши', parent: String(child.id) });
    const bad = (parent: number) =>
      updateSection(db, top.id, draft({ name: 'Спорт и игри', parent: String(parent) }), 'latin');
    expect(await bad(top.id)).toMatchObject({ ok: false, errors: { parent: 'cycle' } });
    expect(await bad(grandchild.id)).toMatchObject({ ok: false, errors: { parent: 'cycle' } });
    expect(await bad(999_999)).toMatchObject({ ok: false, errors: { parent: 'missing' } });
    // Moving a subsection up to the top is fine.
    expect(
      await updateSection(db, grandchild.id, draft({ name: 'Юноши', slug: 'yunoshi' }), 'latin'),
    ).toEqual({
      ok: true,
      id: grandchild.id,
      slug: 'yunoshi',
    });
    const tree = await categoryTree(db);
    expect(tree.find((c) => c.id === child.id)?.depth).toBe(1);
    expect(tree.find((c) => c.id === grandchild.id)?.depth).toBe(0);
  });

  it('keeps its own slug on a save and saves the comment rules', async () => {
    const s = await created({ name: 'Време' });
    const saved = await updateSection(
      db,
      s.id,
      draft({
        name: 'Времето',
        slug: s.slug,
        who: 'closed',
        moderation: 'pre',
        closeDays: '14',
        position: '3',
      }),
      'latin',
    );
    expect(saved).toEqual({ ok: true, id: s.id, slug: 'vreme' });
    const row = (await categoryTree(db)).find((c) => c.id === s.id);
    expect(row).toMatchObject({
      name: 'Времето',
      position: 3,
      commentRules: { who: 'closed', moderation: 'pre', closeDays: 14 },
    });
    expect(await updateSection(db, 999_999, draft({ name: 'Няма я' }), 'latin')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('deletes only an empty section without subsections', async () => {
    const parent = await created({ name: 'Икономика' });
    const child = await created({ name: 'Пазари', parent: String(parent.id) });
    await buildArticle(db, { categoryId: child.id, publishedAt: now });
    expect(await deleteSection(db, parent.id)).toEqual({ ok: false, reason: 'has-children', count: 1 });
    expect(await deleteSection(db, child.id)).toEqual({ ok: false, reason: 'has-articles', count: 1 });
    const empty = await created({ name: 'Празна' });
    expect(await deleteSection(db, empty.id)).toEqual({ ok: true, name: 'Празна' });
    expect(await deleteSection(db, empty.id)).toEqual({ ok: false, reason: 'not-found' });
    const tree = await categoryTree(db);
    expect(tree.find((c) => c.id === child.id)).toMatchObject({ articles: 1, children: 0 });
    expect(tree.find((c) => c.id === parent.id)).toMatchObject({ articles: 0, children: 1 });
  });

  it('two sections racing for one slug: one is made, the other told', async () => {
    const results = await Promise.all([
      createSection(db, draft({ name: 'Наука' }), 'latin', now),
      createSection(db, draft({ name: 'Наука' }), 'latin', now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ errors: { slug: 'taken' }, suggestion: 'nauka-2' });
  });
});
