import { beforeAll, expect, it } from 'vitest';
import { createCategory } from '../content/categories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { indexArticles } from './index-sync.js';
import { parseQuery } from './query.js';
import { COUNT_CAP, searchArticles } from './search.js';

const NOW = Date.UTC(2026, 10, 20, 10);
const HOUR = 3_600_000;

/** `count` published articles an hour apart, oldest first, all with „пазар“ in the body. */
async function seedMarket(db: Db, count: number, titled: (i: number) => boolean): Promise<number[]> {
  const ids: number[] = [];
  const category = await createCategory(db, { slug: 'novini', name: 'Новини', parentId: null }, NOW);
  const rows = Array.from({ length: count }, (_, i) => {
    const at = NOW - (count - i) * HOUR;
    return {
      category_id: category,
      slug: `statia-${i}`,
      title: titled(i) ? `Пазарът днес ${i}` : `Новина номер ${i}`,
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
  return ids;
}

describeEachDatabase('searching a word in more articles than are counted', (getDb) => {
  let ids: number[] = [];

  beforeAll(async () => {
    // The oldest and one recent article also have the word in the title.
    ids = await seedMarket(getDb().db, COUNT_CAP + 10, (i) => i === 0 || i === COUNT_CAP);
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

describeEachDatabase('searching newest first in id buckets', (getDb) => {
  beforeAll(async () => {
    // Twice the window and more: the newest bucket of a thousand ids can hold a whole window.
    await seedMarket(getDb().db, 2 * COUNT_CAP + 10, (i) => i % 7 === 0);
  });

  it('gives the same pages whichever ids the window is first looked for among', async () => {
    const db = getDb().db;
    // Ids 1–2,010: the top bucket (2,000–2,010) never holds a full window; the top two do for
    // „пазар“ (in every article), not for „днес“ (one in seven) or „новина“ (six in seven).
    for (const sort of ['relevance', 'date'] as const)
      for (const text of ['пазар', 'днес', 'новина'])
        for (const filters of [{}, { from: NOW - 1500 * HOUR, to: NOW - 10 * HOUR }])
          for (const offset of [0, 995]) {
            const pages = [];
            for (const recentBuckets of [[1], [2], [1, 2], []])
              pages.push(
                await searchArticles(db, {
                  query: parseQuery(text),
                  filters,
                  sort,
                  offset,
                  limit: 10,
                  recentBuckets,
                }),
              );

            for (const page of pages) expect(page).toEqual(pages.at(-1));
            if (offset === 0) expect(pages.at(-1)?.hits.length).toBeGreaterThan(0);
          }
  });
});
