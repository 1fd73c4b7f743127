import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../content/factories.js';
import { createAuthor, createTag } from '../content/people.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { NEWS_WINDOW_MS, SitemapEntries } from './sitemap-entries.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const HOUR = 3_600_000;

describeEachDatabase('sitemap entries', (getDb) => {
  let db: Db;
  let room: Newsroom;
  let entries: SitemapEntries;
  /** Ids by what became of them. */
  const published: number[] = [];
  const hidden: Record<'draft' | 'unpublished' | 'scheduled' | 'future', number> = {
    draft: 0,
    unpublished: 0,
    scheduled: 0,
    future: 0,
  };
  let lonelyTag: number;
  let draftAuthor: number;

  const make = (
    hoursAgo: number,
    extra: Parameters<typeof buildArticle>[1] extends infer S ? Partial<S> : never,
  ) => buildArticle(db, { categoryId: room.categories.world, publishedAt: NOW - hoursAgo * HOUR, ...extra });
  const setStatus = (id: number, status: 'unpublished' | 'scheduled', updatedAt: number) =>
    db.updateTable('articles').set({ status, updated_at: updatedAt }).where('id', '=', id).execute();

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, NOW - 1000 * HOUR);
    lonelyTag = await createTag(db, { slug: 'samotna', name: 'Самотна', kind: 'topic' }, NOW);
    draftAuthor = await createAuthor(db, { slug: 'chernova', name: 'Чернова' }, NOW);
    entries = new SitemapEntries(db, { urlLimit: 3 });
    // Ids 1 … 12 in order: published ones with an unpublished article among them, then the
    // articles no crawler may see (a draft, a scheduled one, one "published" for the future).
    published.push(await make(1, { tagIds: [room.tags.energy], authorIds: [room.authorId] }));
    published.push(await make(8, { categoryId: room.categories.football }));
    hidden.unpublished = await make(12, { tagIds: [lonelyTag] });
    published.push(await make(16, { categoryId: room.categories.sport }));
    published.push(await make(24, { tagIds: [room.tags.energy] }));
    published.push(await make(40, {}));
    published.push(await make(48, {}));
    published.push(await make(100, { authorIds: [room.authorId] }));
    published.push(await make(200, {}));
    hidden.draft = await make(2, { status: 'draft', authorIds: [draftAuthor], tagIds: [room.tags.sofia] });
    hidden.scheduled = await make(3, {});
    hidden.future = await make(-5, {});
    await setStatus(hidden.unpublished, 'unpublished', NOW - 10 * 60_000);
    await setStatus(hidden.scheduled, 'scheduled', NOW - 3 * HOUR);
  });

  const pageOf = (id: number) => Math.floor((id - 1) / 3) + 1;

  it('splits the published articles by id range, each once, and nothing else', async () => {
    const overview = await entries.overview(NOW);
    const pages = [...new Set(published.map(pageOf))];
    expect(overview.articles.map((p) => p.page)).toEqual(pages);
    expect(pages).toHaveLength(3);
    const seen: number[] = [];
    for (const page of pages) {
      const rows = await entries.articles(NOW, page);
      expect(rows.length).toBeLessThanOrEqual(3);
      for (const r of rows) expect(pageOf(r.id)).toBe(page);
      seen.push(...rows.map((r) => r.id));
    }
    expect(seen).toEqual(published);
    expect(await entries.articles(NOW, 4)).toEqual([]);
    expect(await entries.articles(NOW, 999)).toEqual([]);
    for (const id of Object.values(hidden)) expect(seen).not.toContain(id);
  });

  it('gives each article its section slug and update time, and a file the newest change in it', async () => {
    const first = published[0] ?? 0;
    await db
      .updateTable('articles')
      .set({ updated_at: NOW - 30 * 60_000 })
      .where('id', '=', first)
      .execute();
    const rows = await entries.articles(NOW, pageOf(first));
    expect(rows[0]).toMatchObject({ id: first, categorySlug: 'svyat', updatedAt: NOW - 30 * 60_000 });
    expect(Math.max(...rows.map((r) => r.updatedAt))).toBe(NOW - 30 * 60_000);
    const overview = await entries.overview(NOW);
    // The first file also held the article unpublished 10 minutes ago: its leaving changed the
    // file, so that is the file's lastmod. The others: their newest article's.
    expect(overview.articles.map((p) => p.lastmod)).toEqual([
      NOW - 10 * 60_000,
      NOW - 16 * HOUR,
      NOW - 48 * HOUR,
    ]);
  });

  it('finds the cover: the stored URL, else the media item’s fallback JPEG', async () => {
    const [a, b] = published.slice(3, 5);
    await db
      .updateTable('articles')
      .set({ cover_url: '/media/x1/960.jpg' })
      .where('id', '=', a ?? 0)
      .execute();
    const media = await db
      .insertInto('media')
      .values({
        storage_key: 'k2',
        original_name: 'снимка.jpg',
        source_format: 'jpeg',
        width: 1600,
        height: 900,
        bytes: 1000,
        alt: '',
        caption: '',
        credit: '',
        variant_widths: '[480,960,1600]',
        search_text: '',
        created_by: null,
        created_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('articles')
      .set({ cover_media_id: media.id })
      .where('id', '=', b ?? 0)
      .execute();
    const rows = await entries.articles(NOW, pageOf(a ?? 0));
    expect(rows.find((r) => r.id === a)?.cover).toBe('/media/x1/960.jpg');
    expect(rows.find((r) => r.id === b)?.cover).toBe('/media/k2/960.jpg');
    expect(rows.filter((r) => r.id !== a && r.id !== b).every((r) => r.cover === null)).toBe(true);
  });

  it('lists the last 48 hours for Google News, newest first', async () => {
    const news = await entries.news(NOW);
    expect(news.map((n) => n.id)).toEqual(published.slice(0, 5));
    expect(news[0]?.publishedAt).toBe(NOW - HOUR);
    expect(news[0]?.title).toMatch(/^Тестова статия/);
    expect(news.every((n) => n.publishedAt > NOW - NEWS_WINDOW_MS)).toBe(true);
    expect((await entries.overview(NOW)).news).toBe(NOW - 30 * 60_000);
    // A week later nothing is news, and the index leaves the file out.
    expect(await entries.news(NOW + 168 * HOUR)).toEqual([]);
    expect((await entries.overview(NOW + 168 * HOUR)).news).toBeNull();
  });

  it('lists only tags and authors with published articles, with the newest of them', async () => {
    expect(await entries.tags(NOW, 1)).toEqual([
      { id: room.tags.energy, slug: 'energetika', newest: NOW - HOUR },
    ]);
    expect(await entries.authors(NOW, 1)).toEqual([
      { id: room.authorId, slug: 'maria-ivanova', newest: NOW - HOUR },
    ]);
    const overview = await entries.overview(NOW);
    expect(overview.tags).toEqual([{ page: 1, lastmod: NOW - HOUR }]);
    expect(overview.authors).toEqual([{ page: 1, lastmod: NOW - HOUR }]);
    expect(await entries.tags(NOW, 2)).toEqual([]);
  });

  it('splits tags by id range too', async () => {
    const extra: number[] = [];
    for (let i = 0; i < 4; i++) {
      const tag = await createTag(db, { slug: `dop-${i}`, name: `Доп ${i}`, kind: 'topic' }, NOW);
      extra.push(tag);
      await db
        .insertInto('article_tags')
        .values({ article_id: published[5] ?? 0, tag_id: tag })
        .execute();
    }
    const overview = await entries.overview(NOW);
    const pages = [...new Set([room.tags.energy, ...extra].map(pageOf))];
    expect(overview.tags.map((p) => p.page)).toEqual(pages);
    const all = [];
    for (const p of pages) all.push(...(await entries.tags(NOW, p)));
    expect(all.map((t) => t.id)).toEqual([room.tags.energy, ...extra]);
    expect(all.at(-1)?.newest).toBe(NOW - 48 * HOUR);
  });

  it('gives sections the newest article of their subtree', async () => {
    const s = await entries.sections(NOW);
    expect(s.newest).toBe(NOW - HOUR);
    expect(s.newestTagged).toBe(NOW - HOUR);
    const bySlug = Object.fromEntries(s.categories.map((c) => [c.slug, c.newest]));
    expect(bySlug).toEqual({ svyat: NOW - HOUR, sport: NOW - 8 * HOUR, futbol: NOW - 8 * HOUR });
  });

  it('refuses a URL limit outside 1 … 50,000', () => {
    expect(() => new SitemapEntries(db, { urlLimit: 0 })).toThrow(/limit/);
    expect(() => new SitemapEntries(db, { urlLimit: 50_001 })).toThrow(/limit/);
    expect(() => new SitemapEntries(db, { urlLimit: 2.5 })).toThrow(/limit/);
    expect(new SitemapEntries(db).urlLimit).toBe(50_000);
  });
});
