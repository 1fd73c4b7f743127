import { beforeAll, expect, it } from 'vitest';
import { listCategories, withDescendants } from '../content/categories.js';
import { buildArticle, buildNewsroom, type Newsroom } from '../content/factories.js';
import { createAuthor } from '../content/people.js';
import { describeEachDatabase } from '../db/testing.js';
import { FEED_ITEM_LIMIT, loadFeedItems } from './feed-items.js';

const MINUTE = 60_000;

describeEachDatabase('feed items', (getDb) => {
  const now = Date.UTC(2026, 10, 26, 14, 0);
  let room: Newsroom;
  let second = 0;
  let newest = 0;
  let sameMinute = 0;

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    second = await createAuthor(db, { slug: 'anna-petrova', name: 'Анна Петрова' }, now);
    // 55 in football: more than a feed holds.
    for (let i = 0; i < 55; i++)
      await buildArticle(db, { categoryId: room.categories.football, publishedAt: now - (i + 10) * MINUTE });
    newest = await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Най-новата',
      publishedAt: now - MINUTE,
      authorIds: [second, room.authorId],
      tagIds: [room.tags.sofia, room.tags.energy],
    });
    // Same time as the newest: the higher id comes first.
    sameMinute = await buildArticle(db, {
      categoryId: room.categories.world,
      publishedAt: now - MINUTE,
      tagIds: [room.tags.energy],
    });
    await buildArticle(db, { categoryId: room.categories.world, publishedAt: now - MINUTE, status: 'draft' });
    await buildArticle(db, { categoryId: room.categories.world, publishedAt: now + MINUTE });
    await db
      .updateTable('articles')
      .set({ updated_at: now - 30_000 })
      .where('id', '=', newest)
      .execute();
  });

  it('lists the newest fifty published articles, newest first, never drafts or future ones', async () => {
    const items = await loadFeedItems(getDb().db, now, {});
    expect(items).toHaveLength(FEED_ITEM_LIMIT);
    expect(items.slice(0, 2).map((i) => i.id)).toEqual([sameMinute, newest]);
    const times = items.map((i) => i.publishedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items.every((i) => i.publishedAt <= now)).toBe(true);
  });

  it('brings each article’s bylines in their order, its topics by name, its section and body', async () => {
    const [, item] = await loadFeedItems(getDb().db, now, {});
    expect(item?.id).toBe(newest);
    expect(item?.authors.map((a) => a.name)).toEqual(['Анна Петрова', 'Мария Иванова']);
    expect(item?.tags.map((t) => t.name)).toEqual(['Енергетика', 'София']);
    expect(item?.category).toEqual({ id: room.categories.world, slug: 'svyat', name: 'Свят' });
    expect(item?.bodyHtml).toBe('<p>Първи абзац.</p><p>Втори абзац.</p>');
    expect(item?.publishedAt).toBe(now - MINUTE);
    expect(item?.updatedAt).toBe(now - 30_000);
    expect(item?.cover).toBeNull();
  });

  it('filters by section with its subsections, by topic and by author', async () => {
    const db = getDb().db;
    const all = await listCategories(db);
    const sport = await loadFeedItems(db, now, { categoryIds: withDescendants(all, room.categories.sport) });
    expect(sport).toHaveLength(FEED_ITEM_LIMIT);
    expect(sport.every((i) => i.category.id === room.categories.football)).toBe(true);
    const energy = await loadFeedItems(db, now, { tagId: room.tags.energy });
    expect(energy.map((i) => i.id)).toEqual([sameMinute, newest]);
    const byAnna = await loadFeedItems(db, now, { authorId: second });
    expect(byAnna.map((i) => i.id)).toEqual([newest]);
    expect(await loadFeedItems(db, now, { tagId: 999_999 })).toEqual([]);
  });
});
