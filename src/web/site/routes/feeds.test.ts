import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../../content/categories.js';
import { buildArticle, buildNewsroom, type Newsroom } from '../../../content/factories.js';
import { createAuthor, createTag } from '../../../content/people.js';
import { describeEachDatabase } from '../../../db/testing.js';
import { testImage } from '../../../media/testing.js';
import { transition } from '../../../newsroom/workflow.js';
import { parseFeed } from '../../../syndication/testing.js';
import { get as getAs, post, signIn, tokenOf } from '../../admin/testing.js';
import { createTestSite, type TestSite } from '../../testing.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SITE = 'http://localhost:3000';
const VERSIONS = { rss: 'rss20', atom: 'atom10', json: 'json11' } as const;
const FORMATS = ['rss', 'atom', 'json'] as const;
const TYPES = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' };
const enc = encodeURIComponent;

describeEachDatabase('feeds', (getDb) => {
  const now = Date.UTC(2026, 10, 26, 14, 5);
  let site: TestSite;
  let room: Newsroom;
  const ids: Record<string, number> = {};
  let coverFile = '';

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    const society = await createCategory(db, { slug: 'общество', name: 'Общество', position: 3 }, now);
    const elections = await createTag(db, { slug: 'избори', name: 'Избори', kind: 'topic' }, now);
    const yordan = await createAuthor(db, { slug: 'йордан-петров', name: 'Йордан Петров' }, now);
    ids.plan = await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Правителството обяви „зелен“ план & нови мерки',
      slug: 'zelen-plan',
      publishedAt: now - HOUR,
      authorIds: [room.authorId, yordan],
      tagIds: [room.tags.energy, room.tags.sofia],
      bodyHtml:
        '<p>Вижте <a href="/svyat/drugo">и другото</a>.</p><p><img src="/media/2026/11/0123456789abcdef/480.jpg" alt="Снимка"></p>',
    });
    ids.match = await buildArticle(db, {
      categoryId: room.categories.football,
      title: 'Левски би ЦСКА в дербито',
      publishedAt: now - 2 * HOUR,
      tagIds: [room.tags.energy],
    });
    ids.foreign = await buildArticle(db, { categoryId: room.categories.world, publishedAt: now - 3 * HOUR });
    ids.cyrillic = await buildArticle(db, {
      categoryId: society,
      title: 'Изборите през 2026 г.',
      slug: 'избори-2026',
      publishedAt: now - 4 * HOUR,
      authorIds: [yordan],
      tagIds: [elections],
    });
    ids.draft = await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Чернова',
      publishedAt: now - HOUR,
      status: 'draft',
    });
    ids.future = await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Бъдеща',
      publishedAt: now + HOUR,
    });
    ids.scheduled = await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Насрочена статия',
      publishedAt: now,
      status: 'draft',
    });
    await db
      .updateTable('articles')
      .set({ status: 'scheduled', published_at: null, scheduled_at: now + 30 * MINUTE })
      .where('id', '=', ids.scheduled)
      .execute();
    // Edited after publication: "updated" differs from "published".
    await db
      .updateTable('articles')
      .set({ updated_at: now - 30 * MINUTE })
      .where('id', '=', ids.plan)
      .execute();
    await db
      .updateTable('articles')
      .set({ cover_url: 'https://example.org/photos/bridge.png' })
      .where('id', '=', ids.foreign)
      .execute();
    site = await createTestSite(getDb(), {}, now);
    const upload = await site.services.media.upload(
      { data: await testImage(1200, 800), originalName: 'plan.jpg', alt: 'План' },
      null,
      now,
    );
    if (!upload.ok) throw new Error('upload failed');
    await db
      .updateTable('articles')
      .set({ cover_media_id: upload.item.id, cover_url: upload.item.url })
      .where('id', '=', ids.plan)
      .execute();
    coverFile = upload.item.url;
  });
  afterAll(async () => site.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ method: 'GET', url, headers });
  const feed = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    return { res, parsed: await parseFeed(res.body) };
  };
  const guid = (id: number | undefined) => `tag:localhost,2026:article:${id}`;

  const scopes = [
    { path: '', titles: ['Правителството обяви „зелен“ план & нови мерки', 'Левски би ЦСКА в дербито'] },
    { path: '/rubrika/svyat', titles: ['Правителството обяви „зелен“ план & нови мерки'] },
    { path: '/rubrika/sport', titles: ['Левски би ЦСКА в дербито'] },
    { path: '/tema/energetika', titles: ['Правителството обяви „зелен“ план & нови мерки'] },
    { path: '/avtor/maria-ivanova', titles: ['Правителството обяви „зелен“ план & нови мерки'] },
    { path: `/rubrika/${enc('общество')}`, titles: ['Изборите през 2026 г.'] },
    { path: `/tema/${enc('избори')}`, titles: ['Изборите през 2026 г.'] },
    { path: `/avtor/${enc('йордан-петров')}`, titles: ['Правителството обяви „зелен“ план & нови мерки'] },
  ];

  it('serves every format of every scope, and feedparser reads each without complaint', async () => {
    for (const format of FORMATS) {
      for (const scope of scopes) {
        const url = `/feed/${format}${scope.path}`;
        const { res, parsed } = await feed(url);
        expect(res.headers['content-type']).toBe(`${TYPES[format]}; charset=utf-8`);
        expect(parsed.bozo, `${url}: ${parsed.bozoException}`).toBe(0);
        expect(parsed.version, url).toBe(VERSIONS[format]);
        const titles = parsed.entries.map((e) => e.title);
        for (const title of scope.titles) expect(titles, url).toContain(title);
        for (const hidden of ['Чернова', 'Бъдеща', 'Насрочена статия']) expect(titles).not.toContain(hidden);
        expect(parsed.feed.language).toBe('bg');
      }
    }
  });

  it('lists a section with its subsections, newest first, and names the channel after it', async () => {
    const { parsed } = await feed('/feed/atom/rubrika/sport');
    expect(parsed.feed.title).toBe('Вестник – Спорт');
    expect(parsed.feed.link).toBe(`${SITE}/sport`);
    expect(parsed.entries.map((e) => e.id)).toEqual([guid(ids.match)]);
    const all = (await feed('/feed/rss')).parsed;
    expect(all.feed.title).toBe('Вестник');
    expect(all.entries.map((e) => e.id)).toEqual([ids.plan, ids.match, ids.foreign, ids.cyrillic].map(guid));
    expect(all.links.some((l) => l.rel === 'self' && l.href === `${SITE}/feed/rss`)).toBe(true);
  });

  it('carries links, GUIDs, dates, bylines, sections and topics, and the cover with its real size', async () => {
    const size = statSync(join(site.config.dataDir, coverFile)).size;
    for (const format of FORMATS) {
      const { parsed } = await feed(`/feed/${format}`);
      const e = parsed.entries.find((x) => x.id === guid(ids.plan));
      expect(e, format).toBeDefined();
      if (!e) continue;
      expect(e.link).toBe(`${SITE}/svyat/zelen-plan`);
      expect(e.published).toBe(now - HOUR);
      // RSS has no "updated" of its own: feedparser reports pubDate there.
      expect(e.updated).toBe(format === 'rss' ? now - HOUR : now - 30 * MINUTE);
      expect(e.authors.map((a) => a.name)).toEqual(['Мария Иванова', 'Йордан Петров']);
      if (format !== 'rss') {
        expect(e.authors.map((a) => a.href)).toEqual([
          `${SITE}/avtor/maria-ivanova`,
          `${SITE}/avtor/${enc('йордан-петров')}`,
        ]);
      }
      expect(e.tags).toEqual(['Свят', 'Енергетика', 'София']);
      expect(e.summary).toContain('Кратко резюме на тестовата статия');
      expect(e.enclosures, format).toEqual([
        { href: `${SITE}${coverFile}`, length: String(size), type: 'image/jpeg' },
      ]);
      const body = e.content[0]?.value ?? '';
      expect(body).toContain(`href="${SITE}/svyat/drugo"`);
      expect(body).toContain(`src="${SITE}/media/2026/11/0123456789abcdef/480.jpg"`);
      const other = parsed.entries.find((x) => x.id === guid(ids.foreign));
      if (format !== 'json')
        expect(other?.enclosures).toEqual([
          { href: 'https://example.org/photos/bridge.png', length: '0', type: 'image/png' },
        ]);
    }
  });

  it('keeps Cyrillic slugs percent-encoded in links, and sends other spellings to the canonical feed', async () => {
    const { parsed } = await feed(`/feed/json/tema/${enc('избори')}`);
    expect(parsed.entries[0]?.link).toBe(`${SITE}/${enc('общество')}/${enc('избори-2026')}`);
    expect(parsed.feed.title).toBe('Вестник – Избори');
    const lower = await get(`/feed/rss/rubrika/${enc('общество').toLowerCase()}`);
    expect(lower.statusCode).toBe(301);
    expect(lower.headers.location).toBe(`/feed/rss/rubrika/${enc('общество')}`);
    const nfd = await get(`/feed/atom/avtor/${enc('йордан-петров'.normalize('NFD'))}?x=1`);
    expect(nfd.statusCode).toBe(301);
    expect(nfd.headers.location).toBe(`/feed/atom/avtor/${enc('йордан-петров')}?x=1`);
  });

  it('answers 404 for unknown formats, sections, topics and authors', async () => {
    for (const url of [
      '/feed/xml',
      '/feed/RSS',
      '/feed/rss/rubrika/nyama',
      '/feed/atom/tema/nyama',
      '/feed/json/avtor/nyama',
      '/feed/xml/rubrika/svyat',
      '/feed/rss/drugo/svyat',
      '/feed',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
    }
  });

  it('answers conditional requests with 304, by ETag and by date', async () => {
    const first = await get('/feed/atom');
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(lastModified).toBe(new Date(now - 30 * MINUTE).toUTCString());
    expect((await get('/feed/atom', { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get('/feed/atom', { 'if-modified-since': lastModified })).statusCode).toBe(304);
    const older = new Date(now - 31 * MINUTE).toUTCString();
    expect((await get('/feed/atom', { 'if-modified-since': older })).statusCode).toBe(200);
    expect((await get('/feed/atom', { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('keeps feeds in the page cache only for plain URLs', async () => {
    await get('/feed/json/rubrika/svyat');
    expect(site.services.pageCache.get('/feed/json/rubrika/svyat')).toBeDefined();
    const withQuery = await get('/feed/json/rubrika/svyat?utm_source=x');
    expect(withQuery.statusCode).toBe(200);
    expect(site.services.pageCache.get('/feed/json/rubrika/svyat?utm_source=x')).toBeUndefined();
  });
});

describeEachDatabase('feeds as the newsroom changes things', (getDb) => {
  const now = Date.UTC(2026, 10, 26, 14, 5);
  let site: TestSite;
  let room: Newsroom;
  let first = 0;

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    first = await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Първа новина',
      slug: 'parva',
      publishedAt: now - HOUR,
    });
    site = await createTestSite(getDb(), {}, now);
  });
  afterAll(async () => site.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ method: 'GET', url, headers });
  const invalidate = (tags: string[]) => site.services.bus.publish({ type: 'invalidate', tags });

  it('shows a scheduled article once it is published, and the old ETag then gets the new feed', async () => {
    const db = getDb().db;
    const later = await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Насрочена новина',
      publishedAt: now,
      status: 'draft',
    });
    // Never published before: it goes out with the time the scheduler publishes it.
    await db.updateTable('articles').set({ published_at: null }).where('id', '=', later).execute();
    await transition(db, {
      id: later,
      action: 'schedule',
      actor: null,
      now,
      at: now + 10 * MINUTE,
      timeZone: 'Europe/Sofia',
    });
    const before = await get('/feed/rss');
    expect(before.body).not.toContain('Насрочена новина');
    expect(site.services.pageCache.get('/feed/rss')).toBeDefined();
    site.clock.set(now + 11 * MINUTE);
    expect(await site.services.scheduler.publishDue()).toEqual([later]);
    expect(site.services.pageCache.get('/feed/rss')).toBeUndefined();
    const after = await get('/feed/rss', { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    const parsed = await parseFeed(after.body);
    expect(parsed.entries[0]?.title).toBe('Насрочена новина');
    expect(parsed.entries[0]?.published).toBe(now + 11 * MINUTE);
  });

  it('keeps an article’s GUID when its slug and section change', async () => {
    const db = getDb().db;
    const before = await parseFeed((await get('/feed/atom')).body);
    const entry = before.entries.find((e) => e.title === 'Първа новина');
    expect(entry?.link).toBe(`${SITE}/svyat/parva`);
    await db
      .updateTable('articles')
      .set({ slug: 'parva-novina', category_id: room.categories.sport })
      .where('id', '=', first)
      .execute();
    invalidate(['lists', `article:${first}`]);
    const after = await parseFeed((await get('/feed/atom')).body);
    const moved = after.entries.find((e) => e.title === 'Първа новина');
    expect(moved?.link).toBe(`${SITE}/sport/parva-novina`);
    expect(moved?.id).toBe(entry?.id);
    expect(moved?.id).toBe(`tag:localhost,2026:article:${first}`);
  });

  it('carries the whole text or only the lead, as the site setting says', async () => {
    const full = await parseFeed((await get('/feed/rss')).body);
    expect(full.entries[0]?.content[0]?.value).toContain('<p>Първи абзац.</p>');
    const admin = await signIn(site, 'admin', 'Ана Администраторова');
    const token = tokenOf((await getAs(site, '/admin/settings', admin.cookie)).body);
    const saved = await post(
      site,
      '/admin/settings',
      { _csrf: token, slugStyle: 'latin', feedContent: 'excerpt' },
      admin.cookie,
    );
    expect(saved.statusCode).toBe(303);
    for (const format of FORMATS) {
      const parsed = await parseFeed((await get(`/feed/${format}`)).body);
      expect(parsed.bozo, format).toBe(0);
      for (const e of parsed.entries) {
        expect(e.content, format).toEqual([]);
        expect(e.summary, format).toBe('Кратко резюме на тестовата статия за проверка на страниците.');
      }
    }
    await post(
      site,
      '/admin/settings',
      { _csrf: token, slugStyle: 'latin', feedContent: 'full' },
      admin.cookie,
    );
    const again = await parseFeed((await get('/feed/atom')).body);
    expect(again.entries[0]?.content[0]?.value).toContain('<p>Първи абзац.</p>');
  });

  it('drops an unpublished article', async () => {
    const db = getDb().db;
    expect((await get('/feed/json/rubrika/sport')).body).toContain('Първа новина');
    const done = await transition(db, {
      id: first,
      action: 'unpublish',
      actor: null,
      now: site.clock.now(),
      timeZone: 'Europe/Sofia',
    });
    expect(done.ok).toBe(true);
    invalidate(['lists', 'home', `article:${first}`]);
    const parsed = await parseFeed((await get('/feed/json/rubrika/sport')).body);
    expect(parsed.bozo).toBe(0);
    expect(parsed.entries).toEqual([]);
  });
});

describe('feed discovery', () => {
  describeEachDatabase('on the reading pages', (getDb) => {
    const now = Date.UTC(2026, 10, 26, 14, 5);
    let site: TestSite;

    beforeAll(async () => {
      const db = getDb().db;
      const room = await buildNewsroom(db, now);
      await buildArticle(db, {
        categoryId: room.categories.sport,
        publishedAt: now - HOUR,
        authorIds: [room.authorId],
        tagIds: [room.tags.energy],
      });
      site = await createTestSite(getDb(), {}, now);
    });
    afterAll(async () => site.close());

    const html = async (url: string) => (await site.app.inject({ method: 'GET', url })).body;
    const siteFeed =
      '<link rel="alternate" type="application/rss+xml" title="Вестник (RSS)" href="/feed/rss"/>';

    it('announces the site feed on every page and the list’s own on section, topic and author pages', async () => {
      expect(await html('/')).toContain(siteFeed);
      expect(await html('/')).toContain('<a class="feed-link" href="/feed/rss"');
      for (const [url, feedUrl, name] of [
        ['/sport', '/feed/rss/rubrika/sport', 'Спорт'],
        ['/tema/energetika', '/feed/rss/tema/energetika', 'Енергетика'],
        ['/avtor/maria-ivanova', '/feed/rss/avtor/maria-ivanova', 'Мария Иванова'],
      ] as const) {
        const page = await html(url);
        expect(page).toContain(siteFeed);
        expect(page).toContain(
          `<link rel="alternate" type="application/rss+xml" title="Вестник – ${name} (RSS)" href="${feedUrl}"/>`,
        );
        expect(page).toContain(`<a class="feed-link" href="${feedUrl}" type="application/rss+xml"`);
      }
    });
  });
});
