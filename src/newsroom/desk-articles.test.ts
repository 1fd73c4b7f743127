import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import { describeEachDatabase } from '../db/testing.js';
import { listDeskArticles } from './desk-articles.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);

describeEachDatabase('the desk article list search', (getDb) => {
  beforeAll(async () => {
    const db = getDb().db;
    const room = await buildNewsroom(db, NOW);
    for (const [title, status] of [
      ['Държавите подписаха споразумение', 'published'],
      ['Чернова за метроучастъка', 'draft'],
      ['Времето утре', 'draft'],
    ] as const) {
      await buildArticle(db, { categoryId: room.categories.world, title, status, publishedAt: NOW });
    }
  });

  const titles = async (q: string) =>
    (await listDeskArticles(getDb().db, { q }, 1, 20)).items.map((i) => i.title);

  it('matches other forms of a word, drafts included', async () => {
    expect(await titles('държава')).toEqual(['Държавите подписаха споразумение']);
    expect(await titles('метроучастък')).toEqual(['Чернова за метроучастъка']);
  });

  it('matches the start of a word as typed', async () => {
    expect(await titles('метро')).toEqual(['Чернова за метроучастъка']);
    expect(await titles('ВРЕМ')).toEqual(['Времето утре']);
    expect(await titles('ксилофон')).toEqual([]);
  });
});
