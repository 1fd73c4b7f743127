// A reader's path through the site in Chromium: rankings as tabs, an article, a comment with
// and without JavaScript, the view beacon and the 404 page.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  commentCount,
  openArticlePath,
  openBrowser,
  type Server,
  type Session,
  startServer,
  text,
  uniqueText,
} from './harness.js';

const PANELS = ['rank-latest', 'rank-most-read', 'rank-most-commented'] as const;
const HEADINGS = ['Най-ново', 'Най-четени', 'Най-коментирани'] as const;
const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+$/;
// A 403 here means the server refused the browser's own same-origin form post (see sameOrigin()).
const REFUSED = 'status of the form POST /comments (403 = refused as cross-origin)';

let server: Server;
let js: Session;
let noJs: Session;
let articlePath: string;

beforeAll(async () => {
  server = await startServer();
  articlePath = await openArticlePath(server);
  js = await openBrowser();
  noJs = await openBrowser({ javaScriptEnabled: false });
});

afterAll(async () => {
  await js?.close();
  await noJs?.close();
  await server?.stop();
});

afterEach(() => {
  // Pages must not reach any other host, and the site script must not throw.
  expect([...js.foreign, ...noJs.foreign]).toEqual([]);
  expect(js.pageErrors).toEqual([]);
});

describe('with JavaScript', () => {
  it('shows the three rankings as WAI-ARIA tabs', async () => {
    const { page } = js;
    await page.goto(`${server.url}/`);
    for (const id of PANELS) {
      expect(await page.locator(`aside.sidebar #${id} ol.ranked li a`).count()).toBeGreaterThan(0);
    }
    const tablist = page.locator('aside.sidebar section.rankings [role=tablist]');
    await tablist.waitFor();
    expect(await tablist.count()).toBe(1);
    const tabs = tablist.getByRole('tab');
    expect((await tabs.allTextContents()).map((t) => t.trim())).toEqual([...HEADINGS]);
    for (const [i, id] of PANELS.entries()) {
      expect(await tabs.nth(i).getAttribute('aria-controls')).toBe(id);
      expect(await page.locator(`#${id}`).getAttribute('role')).toBe('tabpanel');
    }
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.locator('#rank-latest').waitFor({ state: 'visible' });
    await page.locator('#rank-most-read').waitFor({ state: 'hidden' });

    await tablist.getByRole('tab', { name: 'Най-четени' }).click();
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('false');
    await page.locator('#rank-most-read').waitFor({ state: 'visible' });
    await page.locator('#rank-most-read ol.ranked li a').first().waitFor({ state: 'visible' });
    await page.locator('#rank-latest').waitFor({ state: 'hidden' });
    await page.locator('#rank-most-commented').waitFor({ state: 'hidden' });

    await tabs.nth(1).focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(2).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rank-most-commented-tab');
    await page.locator('#rank-most-commented').waitFor({ state: 'visible' });
    await page.locator('#rank-most-read').waitFor({ state: 'hidden' });
  });

  it('opens an article from a front-page headline', async () => {
    const { page } = js;
    await page.goto(`${server.url}/`);
    const link = page.locator('main .headline-list li > a:not(.kicker)').first();
    const title = await text(link);
    await link.click();
    await page.waitForURL((url) => ARTICLE_PATH.test(url.pathname));
    const h1 = page.locator('h1#article-title');
    await h1.waitFor({ state: 'visible' });
    expect(await text(h1)).toBe(title);
    expect(new URL(page.url()).pathname).toMatch(ARTICLE_PATH);
  });

  it('sends the view beacon for the article', async () => {
    const { page } = js;
    const beacon = page.waitForRequest(
      (r) => r.method() === 'POST' && /\/api\/views\/\d+$/.test(new URL(r.url()).pathname),
    );
    await page.goto(`${server.url}${articlePath}`);
    const request = await beacon;
    const id = await page.locator('body').getAttribute('data-article-id');
    expect(id).toMatch(/^\d+$/);
    expect(new URL(request.url()).pathname).toBe(`/api/views/${id}`);
    const response = await request.response();
    expect(response?.status()).toBe(204);
  });

  it('posts a comment in place and keeps it after a reload', async () => {
    const { page } = js;
    await page.goto(`${server.url}${articlePath}`);
    const before = await commentCount(page);
    const message = uniqueText('Съгласен съм с автора, добър анализ.');
    await page.evaluate(() => {
      document.body.dataset.e2eMarker = 'same-document';
    });
    await page.locator('#comment-name').fill('Иван Тестов');
    await page.locator('#comment-email').fill('ivan@example.bg');
    await page.locator('#comment-body').fill(message);
    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/comments',
    );
    await page.getByRole('button', { name: 'Публикувай' }).click();
    expect((await posted).status()).toBe(201);

    const comment = page.locator('#comments ol.comment-list li.comment', { hasText: message });
    await comment.waitFor({ state: 'visible' });
    await expect.poll(() => commentCount(page)).toBe(before + 1);
    expect(await page.locator('#comments li.comment', { hasText: message }).count()).toBe(1);
    expect(await page.locator('#comment-body').inputValue()).toBe('');
    // Still the same document: the marker set before posting survives.
    expect(await page.evaluate(() => document.body.dataset.e2eMarker)).toBe('same-document');
    expect(new URL(page.url()).pathname).toBe(articlePath);

    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    await page.locator('#comments li.comment', { hasText: message }).waitFor({ state: 'visible' });
    expect(await commentCount(page)).toBe(before + 1);
    expect(await page.evaluate(() => document.body.dataset.e2eMarker)).toBeUndefined();
  });

  it('answers an unknown address with the 404 page', async () => {
    const { page } = js;
    const response = await page.goto(`${server.url}/nyama-takava-stranitsa`);
    expect(response?.status()).toBe(404);
    const h1 = page.locator('main h1');
    await h1.waitFor({ state: 'visible' });
    expect(await text(h1)).toBe('Страницата не е намерена');
  });
});

describe('without JavaScript', () => {
  it('shows the rankings as three plain sections', async () => {
    const { page } = noJs;
    await page.goto(`${server.url}/`);
    expect(await page.locator('[role=tablist]').count()).toBe(0);
    for (const [i, id] of PANELS.entries()) {
      const panel = page.locator(`aside.sidebar #${id}`);
      await panel.waitFor({ state: 'visible' });
      const heading = panel.locator('h2.ranking-title');
      await heading.waitFor({ state: 'visible' });
      expect(await text(heading)).toBe(HEADINGS[i]);
      const links = panel.locator('ol.ranked li a');
      expect(await links.count()).toBeGreaterThan(0);
      await links.first().waitFor({ state: 'visible' });
    }
  });

  it('posts a comment with the form and comes back to it', async () => {
    const { page } = noJs;
    await page.goto(`${server.url}${articlePath}`);
    const before = await commentCount(page);
    const message = uniqueText('Без JavaScript също работи.');
    await page.locator('#comment-name').fill('Мария Тестова');
    await page.locator('#comment-email').fill('maria@example.bg');
    await page.locator('#comment-body').fill(message);
    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/comments',
    );
    await page.getByRole('button', { name: 'Публикувай' }).click();
    const response = await posted;
    expect(response.status(), REFUSED).toBe(303);
    expect(response.headers().location).toMatch(new RegExp(`^${articlePath}\\?comment=posted#comment-\\d+$`));
    await page.waitForURL((url) => url.pathname === articlePath && /^#comment-\d+$/.test(url.hash));

    const hash = new URL(page.url()).hash;
    const comment = page.locator(`li.comment${hash}`);
    await comment.waitFor({ state: 'visible' });
    expect(await text(comment.locator('.comment-body'))).toContain(message);
    expect(await commentCount(page)).toBe(before + 1);
  });

  it('keeps the name and explains an empty comment', async () => {
    const { page } = noJs;
    await page.goto(`${server.url}${articlePath}`);
    const before = await commentCount(page);
    await page.locator('#comment-name').fill('Петър Празнов');
    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/comments',
    );
    await page.getByRole('button', { name: 'Публикувай' }).click();
    expect((await posted).status(), REFUSED).toBe(422);
    const error = page.locator('#comment-body-error');
    await error.waitFor({ state: 'visible' });
    expect(await text(error)).toBe('Моля, напишете коментар.');
    expect(await page.locator('#comment-body').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#comment-name').inputValue()).toBe('Петър Празнов');
    expect(await commentCount(page)).toBe(before);
  });
});
