// The API's human docs at /api/docs in Chromium: swagger-ui served from the site itself renders
// every operation under the site's Content-Security-Policy, with no console errors (a CSP
// violation is one) and no request to another origin. A desktop screenshot for a human to look at.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBrowser, ROOT, type Server, type Session, startServer } from './harness.js';

const OUT = join(ROOT, 'e2e', 'screenshots');

let server: Server;
let desktop: Session;

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  server = await startServer();
  desktop = await openBrowser({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await desktop?.close();
  await server?.stop();
});

it('renders the operations of the Content API with no console errors under the CSP', async () => {
  const { page } = desktop;
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const response = await page.goto(`${server.url}/api/docs`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  const operations = page.locator('.opblock');
  await operations.first().waitFor();
  const paths = await page.locator('.opblock-summary-path').allTextContents();
  for (const path of [
    '/api/v1/content/articles',
    '/api/v1/content/articles/{id}',
    '/api/v1/content/articles/slug/{slug}',
    '/api/v1/content/search',
    '/api/v1/content/tags',
    '/api/v1/content/authors',
    '/api/v1/content/categories',
  ])
    expect(paths.map((p) => p.replace(/\u200b/g, '').trim())).toContain(path);

  // Opening an operation shows its parameters with their descriptions.
  await page
    .locator('.opblock-summary-path', { hasText: /^\/api\/v1\/content\/search$/ })
    .first()
    .click();
  await page.locator('.parameters-container .parameter__name').first().waitFor();
  expect(await page.locator('.parameters-container').first().textContent()).toContain(
    'Any form of a Bulgarian word',
  );

  const file = join(OUT, 'api-docs-desktop.png');
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  expect((await stat(file)).size).toBeGreaterThan(10 * 1024);

  expect(consoleErrors).toEqual([]);
  expect(desktop.pageErrors).toEqual([]);
  expect(desktop.foreign).toEqual([]);
});
