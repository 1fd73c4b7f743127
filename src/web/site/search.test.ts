// /search through HTTP: results, filters, and every kind of bad input a search box receives.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { indexArticles } from '../../search/index-sync.js';
import { createTestSite, type TestSite } from '../testing.js';

const BLNS = '../shared/fixtures/naughty/blns.json';
const naughty: string[] = existsSync(BLNS) ? (JSON.parse(readFileSync(BLNS, 'utf8')) as string[]) : [];
if (naughty.length === 0) console.warn(`!!! ${BLNS} not found: the naughty-strings search sweep is SKIPPED.`);

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const HOUR = 3_600_000;

// Every FTS5 and tsquery operator, and the punctuation around them.
const SYNTAX = [
  'AND',
  'OR',
  'NOT',
  'енергия AND',
  'енергия OR',
  'NOT енергия',
  'енергия NOT ток',
  'NEAR(енергия ток)',
  'NEAR(енергия ток, 2)',
  'енергия NEAR/2 ток',
  '*',
  '**',
  'енергия*',
  '*енергия',
  'е*',
  '"',
  '""',
  '"енергия',
  'енергия"',
  '"енергия" "',
  '^енергия',
  'енергия^',
  ':',
  'title_terms:енергия',
  '{title_terms body_terms}: енергия',
  '- енергия',
  '-енергия',
  '+енергия',
  '(енергия',
  'енергия)',
  "енергия'",
  "' or 1=1 --",
  'енергия & ток',
  'енергия | ток',
  '!енергия',
  'енергия <-> ток',
  "'енергия':*",
  'енергия:*A',
  '\\',
  '%',
  '_',
  '%00',
];

describeEachDatabase('the search page', (getDb) => {
  let site: TestSite;
  let room: Awaited<ReturnType<typeof buildNewsroom>>;

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, NOW);
    const ids = [
      await buildArticle(db, {
        categoryId: room.categories.world,
        slug: 'energiya',
        title: 'Енергията поскъпва в цяла Европа',
        bodyHtml: '<p>Цените на тока и газа растат, казват енергийните регулатори.</p>',
        publishedAt: NOW - 2 * HOUR,
        tagIds: [room.tags.energy],
        authorIds: [room.authorId],
      }),
      await buildArticle(db, {
        categoryId: room.categories.football,
        slug: 'stadion',
        title: 'Новият стадион ще пести енергия',
        bodyHtml: '<p>Соларни панели на покрива на стадиона.</p>',
        publishedAt: NOW - 30 * 24 * HOUR,
      }),
      await buildArticle(db, {
        categoryId: room.categories.world,
        slug: 'chernova',
        title: 'Чернова за енергия',
        status: 'draft',
        publishedAt: NOW,
      }),
    ];
    await indexArticles(db, ids);
    site = await createTestSite(getDb(), { SEARCH_PER_MINUTE: '1000000' }, NOW);
  });
  afterAll(async () => site.close());

  const get = (query: string) => site.app.inject(`/search?${query}`);
  const q = (text: string) => get(`q=${encodeURIComponent(text)}`);

  it('finds inflected forms, highlights them, and never shows drafts', async () => {
    const res = await q('енергията');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2 резултата за „енергията“');
    expect(res.body).toContain('<mark>Енергията</mark>');
    // Plural and article forms meet: енергии ↔ енергията.
    expect((await q('енергии')).body).toContain('<mark>Енергията</mark>');
    expect(res.body).not.toContain('Чернова за енергия');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('filters by section (with subsections), topic, author and dates, and sorts by date', async () => {
    expect((await get('q=енергия&section=sport')).body).toContain('Новият стадион');
    expect((await get('q=енергия&section=sport')).body).not.toContain('поскъпва в цяла Европа');
    expect((await get('q=енергия&tag=energetika')).body).toContain('1 резултат за');
    expect((await get('q=енергия&author=maria-ivanova')).body).toContain('поскъпва в цяла Европа');
    expect((await get('q=енергия&from=2026-11-20&to=2026-11-25')).body).toContain('1 резултат за');
    const byDate = (await get('q=енергия&sort=date')).body;
    expect(byDate.indexOf('поскъпва в цяла Европа')).toBeLessThan(byDate.indexOf('Новият стадион'));
    // No words but a filter: the filtered articles.
    expect((await get('tag=energetika')).body).toContain('поскъпва в цяла Европа');
  });

  it.each([
    ['section=nyama', 'Няма такъв раздел.'],
    ['tag=nyama', 'Няма такава тема.'],
    ['author=nyama', 'Няма такъв автор.'],
    ['from=25.11.2026', 'От дата: въведете дата във вида ГГГГ-ММ-ДД.'],
    ['to=2026-02-30', 'До дата: въведете дата във вида ГГГГ-ММ-ДД.'],
    ['from=2026-11-25&to=2026-11-01', '„От дата“ трябва да е преди „До дата“.'],
    ['sort=random', 'Подредбата може да бъде по съответствие или по дата.'],
    ['page=0', 'Номерът на страницата трябва да е цяло число от 1 до 100.'],
    ['page=101', 'Номерът на страницата трябва да е цяло число от 1 до 100.'],
    ['page=abc', 'Номерът на страницата трябва да е цяло число от 1 до 100.'],
    ['q=a&q=b', 'Заявката съдържа непозволени знаци.'],
  ])('refuses %s with 400 and says why', async (query, message) => {
    const res = await get(`q=енергия&${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(message);
    // The form is still there, with what the reader typed.
    expect(res.body).toContain('name="q"');
  });

  it.each([
    ['', 'Въведете дума или фраза'],
    ['   ', 'Въведете дума или фраза'],
    ['и на за', 'съдържа само много често срещани думи'],
    ['!!! ??? …', 'Въведете поне една дума'],
    ['ксилофонизъм', 'Нищо не е намерено за „ксилофонизъм“.'],
  ])('answers %j with a clear message', async (text, message) => {
    const res = await q(text);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(message);
  });

  it('cuts an over-long query and says so', async () => {
    const res = await q(`енергия ${'дума '.repeat(2000)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Заявката е твърде дълга');
  });

  it('goes to the last page when asked for one past it', async () => {
    const res = await get('q=енергия&page=7');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/search?q=%D0%B5%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F');
  });

  it('treats every FTS5 and tsquery operator as text, never as syntax', async () => {
    for (const text of SYNTAX) {
      const res = await q(text);
      expect(res.statusCode, text).toBe(200);
      expect(res.body, text).toMatch(/class="search-(summary|notice)"/);
    }
    // The operators are words (or nothing); the word beside them still finds its articles.
    expect((await q('енергия AND')).body).toContain('резултата за');
    expect((await q('NEAR(енергия ток)')).body).toContain('поскъпва в цяла Европа');
  });

  it.skipIf(naughty.length === 0)('answers every naughty string without an error', async () => {
    for (const s of naughty) {
      const res = await q(s);
      expect(res.statusCode, JSON.stringify(s)).toBe(200);
      const filtered = await get(`section=${encodeURIComponent(s)}&tag=${encodeURIComponent(s)}`);
      expect(filtered.statusCode, JSON.stringify(s)).toBeLessThan(500);
    }
  });
});
