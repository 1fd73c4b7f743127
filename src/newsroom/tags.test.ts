import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { resolveTags } from './tags.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);

describeEachDatabase('resolveTags', (getDb) => {
  it('creates tags with slugs in the site style, and finds them in either style, in any case', async () => {
    const db = getDb().db;
    const [cyr] = await resolveTags(db, ['Народно събрание'], NOW, 'cyrillic');
    const [lat] = await resolveTags(db, ['Министерски съвет'], NOW, 'latin');
    const rows = await db.selectFrom('tags').select(['id', 'slug']).orderBy('id').execute();
    expect(rows.map((r) => r.slug)).toEqual(['народно-събрание', 'ministerski-savet']);
    // After the setting changes, the same names (any case) resolve to the same tags: no twins.
    expect(await resolveTags(db, ['народно събрание'], NOW, 'latin')).toEqual([cyr]);
    expect(await resolveTags(db, ['МИНИСТЕРСКИ СЪВЕТ'], NOW, 'cyrillic')).toEqual([lat]);
    expect(await db.selectFrom('tags').select('id').execute()).toHaveLength(2);
  });
});
