import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';

const HOUR = 3_600_000;

describeEachDatabase('reading pages', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  const now = Date.UTC(2026, 10, 26, 14, 5); // 16:05 in Sofia

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Путин и Оланд договориха съвместни действия',
      slug: 'putin-i-oland',
      publishedAt: now,
      authorIds: [room.authorId],
      tagIds: [room.tags.energy, room.tags.sofia],
      bodyHtml: '<p>Текст.</p><script>alert(1)</script><p onclick="x()">Още.</p>',
    });
    await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Свързана новина за енергетиката',
      publishedAt: now - HOUR,
      tagIds: [room.tags.energy],
    });
    for (let i = 0; i < 17; i++) {
      await buildArticle(db, { categoryId: room.categories.football, publishedAt: now - (i + 2) * HOUR });
    }
    // Same calendar day, earlier years: "На днешната дата".
    await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Новина отпреди година',
      publishedAt: Date.UTC(2025, 10, 26, 9),
    });
    await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Чернова',
      publishedAt: now - HOUR,
      status: 'draft',
    });
    await buildArticle(db, {
      categoryId: room.categories.world,
      title: 'Бъдеща статия',
      publishedAt: now + HOUR,
    });
    site = await createTestSite(getDb(), {}, now);
    await site.services.rankings.refresh();
  });
  afterAll(async () => site.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ method: 'GET', url, headers });

  it('home shows the lead story, headlines, section blocks and the three tabs', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<html lang="bg">');
    expect(html).toContain('Путин и Оланд договориха съвместни действия');
    for (const label of ['Най-ново', 'Най-четени', 'Най-коментирани', 'Последни новини', 'Спорт']) {
      expect(html).toContain(label);
    }
    expect(html).not.toContain('Чернова');
    expect(html).not.toContain('Бъдеща статия');
  });

  it('article page: headline, Bulgarian date, byline, tags, related, sanitized body, comment form', async () => {
    const res = await get('/svyat/putin-i-oland');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain(
      '<h1 id="article-title" class="article-title">Путин и Оланд договориха съвместни действия</h1>',
    );
    expect(html).toContain('26 ноември 2026 г., 16:05');
    expect(html).toContain('Мария Иванова');
    expect(html).toContain('href="/tema/energetika"');
    expect(html).toContain('Още по темата');
    expect(html).toContain('Свързана новина за енергетиката');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('onclick');
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
    expect(html).toContain('data-article-id=');
  });

  it('English site with LOCALE=en', async () => {
    const en = await createTestSite(getDb(), { LOCALE: 'en' }, now);
    try {
      const res = await en.app.inject('/svyat/putin-i-oland');
      expect(res.body).toContain('<html lang="en">');
      expect(res.body).toContain('26 November 2026, 16:05');
      expect(res.body).toContain('Most read');
    } finally {
      await en.close();
    }
  });

  it('category pages include subcategories and page; bad page numbers are refused', async () => {
    const first = await get('/sport');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Страница 1 от 2');
    expect((await get('/sport?page=2')).statusCode).toBe(200);
    expect((await get('/sport?page=3')).statusCode).toBe(404);
    const bad = await get('/sport?page=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Номерът на страницата трябва да е цяло число');
    expect((await get('/sport?page=0')).statusCode).toBe(400);
  });

  it('topic, author, archive and on-this-day pages', async () => {
    expect((await get('/tema/energetika')).body).toContain('Свързана новина за енергетиката');
    expect((await get('/avtor/maria-ivanova')).body).toContain('Путин и Оланд');
    expect((await get('/arhiv')).body).toContain('href="/arhiv/2026/11"');
    expect((await get('/arhiv/2026/11')).body).toContain('Ноември 2026');
    expect((await get('/arhiv/2026/11/26')).body).toContain('Путин и Оланд');
    const otd = await get('/na-dneshnata-data');
    expect(otd.body).toContain('Новина отпреди година');
    expect(otd.body).toContain('2025');
    expect((await get('/na-dneshnata-data/11-26')).statusCode).toBe(200);
    expect((await get('/na-dneshnata-data/02-30')).statusCode).toBe(404);
    expect((await get('/arhiv/2026/02/30')).statusCode).toBe(404);
    expect((await get('/arhiv/2026/13')).statusCode).toBe(404);
  });

  it('unknown paths get the 404 page in the site look; broken percent-encoding gets 400', async () => {
    for (const url of ['/nyama-takava', '/svyat/nyama-takava', '/tema/nyama', '/avtor/nyama', '/a/b/c/d']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Страницата не е намерена');
    }
    for (const url of ['/%E0%A4%A', '/svyat/%ZZ', '/%']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain('Невалидна заявка');
    }
  });

  it('ETag and conditional GET: 304 when unchanged, from the page cache too', async () => {
    const first = await get('/svyat/putin-i-oland');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toContain('stale-while-revalidate');
    const again = await get('/svyat/putin-i-oland', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('pages are compressed when the client asks', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('security headers are on every page', async () => {
    const res = await get('/');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
