// Suggested topics in Chromium: after a save the side column offers the demo tags the text names in
// an inflected form; with the script a click puts the name into the tags field without a reload and
// the next save links the tag; without the script a ticked box does the same on save.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, ROOT, type Server, type Session, startServer } from './harness.js';

const run = promisify(execFile);
const PASSWORD = 'redaktor-parola-2026';

let server: Server;
const sessions: Session[] = [];

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/profil/vhod`);
  await page.locator('#login-email').fill('redaktor@example.bg');
  await page.locator('#login-password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/profil/vhod'),
    page.locator('#login-password').press('Enter'),
  ]);
}

/** Writes a new article (the body as HTML: the textarea without the script) and saves it. */
async function newArticle(page: Page, javaScript: boolean): Promise<number> {
  await page.goto(`${server.url}/admin/articles/new`);
  await page.locator('input[name=title]').fill('Министерския съвет одобри доклада');
  await page.locator('textarea[name=lead]').fill('Документът отива в Народното събрание.');
  const body = '<p>Министерския съвет ще го внесе в Народното събрание до петък.</p>';
  if (javaScript) {
    const editor = page.locator('.ed-content');
    await editor.click();
    await page.keyboard.type('Министерския съвет ще го внесе в Народното събрание до петък.');
  } else {
    await page.locator('textarea[name=body_html]').fill(body);
  }
  await Promise.all([
    page.waitForURL(/\/admin\/articles\/\d+\?done=created/),
    page.locator('button[name=intent][value=save]').first().click(),
  ]);
  return Number(/\/admin\/articles\/(\d+)/.exec(page.url())?.[1]);
}

function tagsOf(id: number): string[] {
  const conn = new Database(join(server.dir, 'vestnik.db'), { readonly: true });
  try {
    const rows = conn
      .prepare('select t.name from article_tags at join tags t on t.id = at.tag_id where at.article_id = ?')
      .all(id) as { name: string }[];
    return rows.map((r) => r.name).sort();
  } finally {
    conn.close();
  }
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
      'redaktor@example.bg',
      '--name',
      'Елена Редакторова',
      '--role',
      'editor',
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

describe('suggested topics', () => {
  it('with the script: a click adds the name to the tags field at once, a save links it', async () => {
    const s = await openBrowser();
    sessions.push(s);
    const { page } = s;
    await signIn(page);
    const id = await newArticle(page, true);
    const box = page.getByRole('group', { name: 'Предложени теми' });
    const council = box.getByRole('button', { name: 'Добави темата „Министерски съвет“' });
    await council.waitFor();
    // The boxes stay in the page, disabled, so the form never sends them as well.
    expect(await box.locator('input[name=add_tags]:not([disabled])').count()).toBe(0);
    const url = page.url();
    await council.click();
    expect(page.url()).toBe(url);
    expect(await page.locator('input[name=tags]').inputValue()).toBe('Министерски съвет');
    expect(await council.count()).toBe(0);
    await expect.poll(() => box.getByRole('status').textContent()).toContain('Министерски съвет');
    // Focus moves on to the next offer rather than getting lost with the removed button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-add-tag'))).toBe(
      'Народно събрание',
    );
    await Promise.all([
      page.waitForURL(/done=saved/),
      page.locator('button[name=intent][value=save]').first().click(),
    ]);
    expect(tagsOf(id)).toEqual(['Министерски съвет']);
    expect(await page.getByRole('button', { name: 'Добави темата „Министерски съвет“' }).count()).toBe(0);
  });

  it('without the script: a ticked box adds the tag with the next save', async () => {
    const s = await openBrowser({ javaScriptEnabled: false });
    sessions.push(s);
    const { page } = s;
    await signIn(page);
    const id = await newArticle(page, false);
    await page.getByLabel('Народно събрание', { exact: true }).check();
    await Promise.all([
      page.waitForURL(/done=saved/),
      page.locator('button[name=intent][value=save]').first().click(),
    ]);
    expect(tagsOf(id)).toEqual(['Народно събрание']);
    expect(await page.locator('input[name=tags]').inputValue()).toBe('Народно събрание');
  });
});
