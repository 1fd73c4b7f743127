import { beforeAll, expect, it } from 'vitest';
import { createCategory } from '../content/categories.js';
import { describeEachDatabase } from '../db/testing.js';
import { indexArticles } from './index-sync.js';
import { parseQuery } from './query.js';
import { COUNT_CAP, searchArticles } from './search.js';

const NOW = Date.UTC(2026, 10, 20, 10);
const HOUR = 3_600_000;

describeEachDatabase('searching a word in more articles than are counted', (getDb) => {
  const ids: number[] = [];

  beforeAll(async () => {
    const db = getDb().db;
    const category = await createCategory(db, { slug: 'novini', name: 'Новини', parentId: null }, NOW);
    // COUNT_CAP + 10 articles mention „пазар“ in the body; the oldest and one recent also in the title.
    const rows = Array.from({ length: COUNT_CAP + 10 }, (_, i) => {
      const at = NOW - (COUNT_CAP + 10 - i) * HOUR;
      const inTitle = i === 0 || i === COUNT_CAP;
      return {
        category_id: category,
        slug: `statia-${i}`,
        title: inTitle ? `Пазарът днес ${i}` : `Новина номер ${i}`,
        lead: 'Кратко резюме.',
        body_html: '<p>Цените на пазара растат.</p>',
        status: 'published' as const,
        published_at: at,
        published_ymd: null,
        published_md: null,
        created_at: at,
        updated_at: at,
        cover_url: null,
        cover_alt: '',
        cover_caption: '',
        cover_credit: '',
        comments_who: null,
        comments_moderation: null,
        comments_close_days: null,
        owner_id: null,
        updated_by: null,
        cover_media_id: null,
        scheduled_at: null,
        preview_key: null,
      };
    });
    for (let i = 0; i < rows.length; i += 200) {
      const inserted = await db
        .insertInto('articles')
        .values(rows.slice(i, i + 200))
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => r.id));
    }
    await indexArticles(db, ids);
  });

  it('counts up to the cap and ranks the newest matches only', async () => {
    const page = await searchArticles(getDb().db, {
      query: parseQuery('пазар'),
      filters: {},
      sort: 'relevance',
      offset: 0,
      limit: 3,
    });
    expect(page).toMatchObject({ total: COUNT_CAP, capped: true });
    // The recent headline match leads; the oldest one is outside the newest COUNT_CAP.
    expect(page.hits[0]?.articleId).toBe(ids[COUNT_CAP]);
    expect(page.hits[1]?.articleId).toBe(ids[ids.length - 1]);
    const all = await searchArticles(getDb().db, {
      query: parseQuery('пазар'),
      filters: {},
      sort: 'relevance',
      offset: 990,
      limit: 10,
    });
    expect(all.hits.map((h) => h.articleId)).not.toContain(ids[0]);
  });
});
