// Full-page screenshots of the main page types at desktop and phone widths, for a human to
// look at. They land in e2e/screenshots/ (git-ignored); the test checks they were written.
import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, ROOT, type Server, type Session, startServer } from './harness.js';

const OUT = join(ROOT, 'e2e', 'screenshots');

let server: Server;
let desktop: Session;
let phone: Session;
let articlePath: string;

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  server = await startServer();
  desktop = await openBrowser({ viewport: { width: 1366, height: 900 } });
  phone = await openBrowser({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  // The most-commented story, so the capture shows threads and replies, not an empty list.
  await desktop.page.goto(`${server.url}/`);
  const href = await desktop.page.locator('#rank-most-commented ol.ranked li a').first().getAttribute('href');
  if (!href) throw new Error('the most-commented list has no link');
  articlePath = href;
});

afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.stop();
});

afterEach(() => {
  expect([...desktop.foreign, ...phone.foreign]).toEqual([]);
  expect([...desktop.pageErrors, ...phone.pageErrors]).toEqual([]);
});

/** Loads every picture (lazy ones too) and the fonts, so the capture shows the finished page. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const broken = await page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = 'eager';
    await Promise.all(
      images.map((img) =>
        img.complete
          ? Promise.resolve()
          : new Promise<void>((done) => {
              img.addEventListener('load', () => done(), { once: true });
              img.addEventListener('error', () => done(), { once: true });
            }),
      ),
    );
    await document.fonts.ready;
    return images.filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src);
  });
  expect(broken, 'pictures that did not load').toEqual([]);
}

async function capture(session: Session, path: string, name: string): Promise<void> {
  const { page } = session;
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  await settle(page);
  // Nothing may stick out sideways: a reader would have to scroll horizontally.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  const { size } = await stat(file);
  expect(size).toBeGreaterThan(10 * 1024);
}

describe('screenshots', () => {
  it('home page, desktop 1366 px', async () => {
    await capture(desktop, '/', 'home-desktop');
  });

  it('article page, desktop 1366 px', async () => {
    await capture(desktop, articlePath, 'article-desktop');
  });

  it('home page, phone 390 px', async () => {
    await capture(phone, '/', 'home-phone');
  });

  it('article page, phone 390 px', async () => {
    await capture(phone, articlePath, 'article-phone');
  });

  it('category page, phone 390 px', async () => {
    await capture(phone, '/bulgaria', 'category-phone');
  });

  it('sign-in page, phone 390 px', async () => {
    await capture(phone, '/profil/vhod', 'login-phone');
  });

  it('search results, desktop 1366 px and phone 390 px', async () => {
    const path = `/search?q=${encodeURIComponent('държавите')}`;
    await capture(desktop, path, 'search-desktop');
    await capture(phone, path, 'search-phone');
  });

  it('the index of topics, desktop 1366 px and phone 390 px', async () => {
    await capture(desktop, '/temi', 'topics-desktop');
    await capture(phone, '/temi', 'topics-phone');
  });
});

describe('screenshots of the staff and reader side', () => {
  const PASSWORD = 'екранни-снимки-2026';

  beforeAll(async () => {
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli.js'),
        'users',
        'add',
        '--email',
        'desk@example.bg',
        '--name',
        'Дежурен модератор',
        '--role',
        'moderator',
      ],
      { env: { ...server.env, VESTNIK_PASSWORD: PASSWORD } },
    );
    // A comment waiting in the queue, so the desk is not empty.
    await desktop.page.goto(`${server.url}${articlePath}`);
    await desktop.page.locator('#comment-name').fill('Гост');
    await desktop.page.locator('#comment-email').fill('gost@example.bg');
    await desktop.page
      .locator('#comment-body')
      .fill('Вижте https://a.example, https://b.example и https://c.example — бързи пари!');
    await desktop.page.locator('#comment-form button[type=submit]').click();
    await desktop.page.locator('[data-form-status] .notice').waitFor();
    for (const s of [desktop, phone]) {
      await s.page.goto(`${server.url}/profil/vhod`);
      await s.page.locator('#login-email').fill('desk@example.bg');
      await s.page.locator('#login-password').fill(PASSWORD);
      await Promise.all([
        s.page.waitForURL((u) => u.pathname !== '/profil/vhod'),
        s.page.locator('main form button[type=submit]').click(),
      ]);
    }
  });

  it('moderation desk, desktop 1366 px and phone 390 px', async () => {
    await capture(desktop, '/admin/moderation', 'desk-desktop');
    await capture(phone, '/admin/moderation', 'desk-phone');
  });

  it('signed-in article page and profile, phone 390 px', async () => {
    await capture(phone, articlePath, 'article-signed-in-phone');
    await capture(phone, '/profil', 'profile-phone');
  });
});

describe('screenshots of the newsroom back office', () => {
  const PASSWORD = 'redakcia-snimki-2026';

  beforeAll(async () => {
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli.js'),
        'users',
        'add',
        '--email',
        'admin@example.bg',
        '--name',
        'Главен редактор',
        '--role',
        'admin',
      ],
      { env: { ...server.env, VESTNIK_PASSWORD: PASSWORD } },
    );
    for (const s of [desktop, phone]) {
      // Signed out of the moderator's session first: the sign-in page is for visitors.
      await s.context.clearCookies();
      await s.page.goto(`${server.url}/profil/vhod`);
      await s.page.locator('#login-email').fill('admin@example.bg');
      await s.page.locator('#login-password').fill(PASSWORD);
      await Promise.all([
        s.page.waitForURL((u) => u.pathname !== '/profil/vhod'),
        s.page.locator('main form button[type=submit]').click(),
      ]);
    }
  });

  it('dashboard and article list, desktop 1366 px and phone 390 px', async () => {
    await capture(desktop, '/admin', 'dashboard-desktop');
    await capture(phone, '/admin', 'dashboard-phone');
    await capture(desktop, '/admin/articles', 'articles-desktop');
  });

  it('the article editor with its rich-text body, desktop 1366 px and phone 390 px', async () => {
    await desktop.page.goto(`${server.url}/admin/articles`);
    const first = await desktop.page.locator('table.articles-table tbody a').first().getAttribute('href');
    await desktop.page.goto(`${server.url}${first}`);
    await desktop.page.locator('.ed-content').waitFor();
    await capture(desktop, first ?? '/admin/articles', 'editor-desktop');
    await capture(phone, '/admin/articles/new', 'editor-new-phone');
  });

  it('home curation, media library, users and sections, desktop 1366 px', async () => {
    await capture(desktop, '/admin/home', 'home-curation-desktop');
    await capture(desktop, '/admin/media', 'media-desktop');
    await capture(desktop, '/admin/users', 'users-desktop');
    await capture(desktop, '/admin/categories', 'categories-desktop');
    await capture(phone, '/admin/home', 'home-curation-phone');
  });

  it('the topic manager, desktop 1366 px and phone 390 px', async () => {
    await capture(desktop, '/admin/tags', 'tags-desktop');
    await capture(phone, '/admin/tags', 'tags-phone');
  });

  it('API keys and webhooks, desktop 1366 px and phone 390 px', async () => {
    await capture(desktop, '/admin/api-keys', 'api-keys-desktop');
    await capture(phone, '/admin/api-keys', 'api-keys-phone');
    await capture(desktop, '/admin/webhooks', 'webhooks-desktop');
    await capture(phone, '/admin/webhooks', 'webhooks-phone');
  });
});
