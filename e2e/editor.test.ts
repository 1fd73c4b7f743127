// The article editor and the site's click-to-load embeds, in Chromium: an author writes a body with a
// heading, bold text, a link and a YouTube embed using the keyboard and the toolbar, and the stored
// HTML is the canonical, sanitized form; a reader's page contacts YouTube or X only after a click.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, ROOT, type Server, type Session, startServer } from './harness.js';

const run = promisify(execFile);
const PASSWORD = 'avtor-parola-2026';
const VIDEO = 'dQw4w9WgXcQ';
const POST = '1790123456789012345';
const PROVIDERS = ['https://www.youtube-nocookie.com/**', 'https://platform.twitter.com/**'];

let server: Server;
const sessions: Session[] = [];

async function browser(): Promise<Session> {
  const s = await openBrowser();
  sessions.push(s);
  // The providers' frames are answered here: nothing leaves the machine, yet each request is seen.
  for (const pattern of PROVIDERS)
    await s.context.route(pattern, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><p>frame</p>' }),
    );
  return s;
}

function db(): Database.Database {
  return new Database(join(server.dir, 'vestnik.db'));
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/profil/vhod`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/profil/vhod'),
    page.locator('main form button[type=submit]').click(),
  ]);
}

beforeAll(async () => {
  server = await startServer();
  await run(
    process.execPath,
    [
      join(ROOT, 'dist', 'cli.js'),
      'users',
      'add',
      '--email',
      'avtor@example.bg',
      '--name',
      'Ана Авторова',
      '--role',
      'author',
    ],
    { env: { ...server.env, VESTNIK_PASSWORD: PASSWORD } },
  );
});

afterEach(() => {
  for (const s of sessions) expect(s.pageErrors, 'script errors').toEqual([]);
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
});

describe('the article editor', () => {
  it('writes a body with the keyboard and the toolbar and stores the canonical HTML', async () => {
    const s = await browser();
    const { page } = s;
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await signIn(page, 'avtor@example.bg');
    await page.goto(`${server.url}/admin/articles/new`);
    const editor = page.getByRole('textbox', { name: 'Текст' }).and(page.locator('.ed-content'));
    await editor.waitFor();
    expect(await page.locator('textarea[name=body_html]').isHidden()).toBe(true);
    expect(await editor.getAttribute('aria-multiline')).toBe('true');

    await page.locator('input[name=title]').fill('Съветът прие бюджета');
    await page.locator('textarea[name=lead]').fill('Общинските съветници гласуваха след дълъг дебат.');
    await page.locator('select[name=category_id]').selectOption({ index: 1 });

    await editor.click();
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('Какво реши съветът');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Съветниците ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('приеха');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' бюджета, вижте ');
    // A link through the shortcut and its dialog; an unsafe address is refused there.
    await page.keyboard.press('Control+k');
    const prompt = page.getByRole('dialog', { name: 'Връзка' });
    await prompt.getByRole('textbox').fill('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await expect.poll(() => prompt.getByRole('alert').textContent()).toContain('https://');
    await prompt.getByRole('textbox').fill('https://www.sofia.bg/budget');
    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('ed-content') ?? false))
      .toBe(true);
    await page.keyboard.type('.');
    // The embed through the toolbar, reached with Alt+F10 and the arrow keys.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+F10');
    const toolbar = page.getByRole('toolbar');
    expect(await toolbar.getByRole('button', { name: 'Получер' }).getAttribute('aria-pressed')).toBe('false');
    for (let i = 0; i < 12; i++) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Видео или пост') break;
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Enter');
    const embedPrompt = page.getByRole('dialog', { name: 'Видео от YouTube или пост от X' });
    await embedPrompt.getByRole('textbox').fill(`https://youtu.be/${VIDEO}`);
    await page.keyboard.press('Enter');
    await embedPrompt.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('ed-content') ?? false))
      .toBe(true);
    await page.keyboard.type('Край.');
    expect(await page.locator('.ed-embed').textContent()).toContain('YouTube');

    await Promise.all([
      page.waitForURL(/\/admin\/articles\/\d+/),
      page.locator('button[name=intent][value=save]').first().click(),
    ]);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(page.url())?.[1]);
    const conn = db();
    const row = conn.prepare('select body_html from articles where id = ?').get(id) as { body_html: string };
    conn.close();
    expect(row.body_html).toBe(
      '<h2>Какво реши съветът</h2>' +
        '<p>Съветниците <strong>приеха</strong> бюджета, вижте <a href="https://www.sofia.bg/budget">https://www.sofia.bg/budget</a>.</p>' +
        `<figure class="embed" data-embed="youtube" data-embed-id="${VIDEO}">` +
        `<a href="https://www.youtube.com/watch?v=${VIDEO}">https://www.youtube.com/watch?v=${VIDEO}</a></figure>` +
        '<p>Край.</p>',
    );

    // Opened again, the stored body is read back into the same blocks, and edits autosave.
    await editor.waitFor();
    expect(await page.locator('.ed-content h2').textContent()).toBe('Какво реши съветът');
    expect(await page.locator('.ed-embed').count()).toBe(1);
    await page.locator('.ed-content p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Допълнено.');
    await expect
      .poll(() => page.locator('[data-autosave-status]').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('ok');
    expect(s.foreign).toEqual([]);
    expect(blocked, 'nothing refused by the CSP').toEqual([]);
  });
});

describe('embeds on the reading site', () => {
  it('show a placeholder and load the provider frame only after a click', async () => {
    const conn = db();
    const article = conn
      .prepare(
        `select a.id, '/' || c.slug || '/' || a.slug as path from articles a
         join categories c on c.id = a.category_id where a.status = 'published' order by a.id desc limit 1`,
      )
      .get() as { id: number; path: string };
    // Written straight into the database before anyone has opened the page (no cached copy yet).
    conn
      .prepare('update articles set body_html = ? where id = ?')
      .run(
        '<p>Вижте записа.</p>' +
          `<figure class="embed" data-embed="youtube" data-embed-id="${VIDEO}"><a href="https://www.youtube.com/watch?v=${VIDEO}">Видео от сесията</a></figure>` +
          `<figure class="embed" data-embed="x" data-embed-id="${POST}"><a href="https://x.com/i/status/${POST}">Пост</a></figure>`,
        article.id,
      );
    conn.close();

    const s = await browser();
    const { page } = s;
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(server.url + article.path);
    const video = page.locator('figure.embed[data-embed=youtube]');
    const load = video.getByRole('button', { name: 'Зареди от YouTube' });
    await load.waitFor();
    expect(await video.textContent()).toContain('Зареждането ще се свърже с YouTube.');
    expect(await video.getByRole('link', { name: 'Видео от сесията' }).count()).toBe(1);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(s.foreign).toEqual([]);

    await load.click();
    const frame = video.locator('iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(
      `https://www.youtube-nocookie.com/embed/${VIDEO}?autoplay=1`,
    );
    expect(await frame.getAttribute('title')).toBe('Вградено съдържание от YouTube');
    expect(await frame.getAttribute('sandbox')).toContain('allow-scripts');
    await expect
      .poll(() => s.foreign.some((u) => u.startsWith('https://www.youtube-nocookie.com/')))
      .toBe(true);
    expect(s.foreign.some((u) => u.includes('twitter.com'))).toBe(false);

    await page.locator('figure.embed[data-embed=x]').getByRole('button', { name: 'Зареди от X' }).click();
    await page.locator('figure.embed[data-embed=x] iframe').waitFor();
    await expect.poll(() => s.foreign.some((u) => u.startsWith('https://platform.twitter.com/'))).toBe(true);
    expect(blocked).toEqual([]);
  });
});
