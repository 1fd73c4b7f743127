// A reader searches in Chromium: from the masthead box, with and without JavaScript, narrows the
// results with the filters and follows a result to the article.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Server, type Session, startServer, text } from './harness.js';

let server: Server;
let js: Session;
let noJs: Session;

beforeAll(async () => {
  server = await startServer();
  js = await openBrowser();
  noJs = await openBrowser({ javaScriptEnabled: false });
});

afterAll(async () => {
  await js?.close();
  await noJs?.close();
  await server?.stop();
});

afterEach(() => {
  expect([...js.foreign, ...noJs.foreign]).toEqual([]);
  expect(js.pageErrors).toEqual([]);
});

describe.each([
  ['with JavaScript', () => js],
  ['without JavaScript', () => noJs],
])('search %s', (_name, session) => {
  it('searches from the masthead, filters by section and follows a result', async () => {
    const { page } = session();
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: 'Търсене в статиите' }).fill('държавите');
    await page.getByRole('searchbox', { name: 'Търсене в статиите' }).press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const summary = await text(page.locator('.search-summary'));
    expect(summary).toMatch(/^\d+ резултата за „държавите“$/);
    const all = Number(summary.split(' ')[0]);
    // Other forms of the word are marked in headlines and snippets.
    const marks = (await page.locator('.search-results mark').allTextContents()).map((m) => m.toLowerCase());
    expect(marks).toContain('държави');
    expect(marks.some((m) => m !== 'държавите')).toBe(true);

    // Narrow to one section through the filter form.
    const filters = page.locator('details.search-filters');
    if (!(await filters.getAttribute('open'))) await filters.locator('summary').click();
    await page.getByLabel('Раздел').selectOption({ label: 'Свят' });
    await page.getByRole('button', { name: 'Приложи' }).click();
    await page.waitForURL(/section=svyat/);
    const narrowed = Number((await text(page.locator('.search-summary'))).split(' ')[0]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const sections = await page.locator('.search-results .card-meta a[href="/svyat"]').count();
    expect(sections).toBe(await page.locator('.search-results .search-hit').count());

    // Follow the first result.
    const first = page.locator('.search-results .search-hit h2 a').first();
    const title = await text(first);
    await first.click();
    await page.waitForURL((url) => url.pathname.startsWith('/svyat/'));
    expect(await text(page.locator('h1'))).toBe(title);
  });

  it('says clearly when nothing is found, and survives query syntax', async () => {
    const { page } = session();
    for (const q of ['"незавършена фраза', 'NEAR(а б) AND ^: *', 'ксилофонизъм']) {
      const response = await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`);
      expect(response?.status()).toBe(200);
      await page.locator('.search-form').waitFor();
    }
    expect(await text(page.locator('.search-notice p').first())).toBe(
      'Нищо не е намерено за „ксилофонизъм“.',
    );
  });
});
