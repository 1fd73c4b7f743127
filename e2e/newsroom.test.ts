// Issue #4's whole path in Chromium: an author writes an article with an uploaded image and sends it
// for review; an editor schedules it; the server's own scheduler publishes it on time and it shows
// on the home page and in the "latest" tab; a revision is restored and the site shows it.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBrowser, ROOT, type Server, type Session, startServer } from './harness.js';

const run = promisify(execFile);
const PASSWORD = 'redakcia-parola-2026';
const TITLE = 'Новият мост над Янтра отвори за движение';
let server: Server;
const sessions: Session[] = [];

function db(): Database.Database {
  return new Database(join(server.dir, 'vestnik.db'));
}

async function addUser(email: string, name: string, role: string) {
  await run(
    process.execPath,
    [join(ROOT, 'dist', 'cli.js'), 'users', 'add', '--email', email, '--name', name, '--role', role],
    {
      env: { ...server.env, VESTNIK_PASSWORD: PASSWORD },
    },
  );
}

async function signedIn(email: string): Promise<Page> {
  const s = await openBrowser();
  sessions.push(s);
  const { page } = s;
  await page.goto(`${server.url}/profil/vhod`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/profil/vhod'),
    page.locator('main form button[type=submit]').click(),
  ]);
  return page;
}

/** A Sofia wall-clock value for a datetime-local field, with seconds. */
function sofiaLocal(t: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Sofia',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t);
  const g = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${g('year')}-${g('month')}-${g('day')}T${g('hour')}:${g('minute')}:${g('second')}`;
}

beforeAll(async () => {
  server = await startServer();
  await addUser('avtor@example.bg', 'Ана Авторова', 'author');
  await addUser('redaktor@example.bg', 'Емил Редакторов', 'editor');
});

afterAll(async () => {
  for (const s of sessions) {
    expect(s.pageErrors, 'script errors').toEqual([]);
    expect(s.foreign, 'requests to other hosts').toEqual([]);
    await s.close();
  }
  await server?.stop();
});

it('takes an article from the author’s draft to the home page on time, and restores a revision', async () => {
  // The author writes, with a photo uploaded from the editor.
  const author = await signedIn('avtor@example.bg');
  await author.goto(`${server.url}/admin/articles/new`);
  const editor = author.locator('.ed-content');
  await editor.waitFor();
  await author.locator('input[name=title]').fill(TITLE);
  await author
    .locator('textarea[name=lead]')
    .fill('Съоръжението свързва двата бряга след две години строителство.');
  await editor.click();
  await author.keyboard.type('Движението по новия мост беше пуснато тази сутрин.');
  await author.keyboard.press('Enter');
  const photo = join(server.dir, 'most.jpg');
  await writeFile(
    photo,
    await sharp({ create: { width: 1800, height: 1000, channels: 3, background: { r: 40, g: 90, b: 140 } } })
      .jpeg()
      .toBuffer(),
  );
  await author.getByRole('toolbar').getByRole('button', { name: 'Снимка' }).click();
  const dialog = author.getByRole('dialog', { name: 'Снимка от библиотеката' });
  await dialog.locator('input[type=file]').setInputFiles(photo);
  await dialog.locator('input[name=alt]').fill('Новият мост над реката');
  await dialog.locator('input[name=credit]').fill('Вестник');
  await dialog.getByRole('button', { name: 'Качи и избери' }).click();
  await dialog.waitFor({ state: 'detached' });
  await author.locator('.ed-content input[data-field=caption]').fill('Мостът при откриването');
  await Promise.all([
    author.waitForURL(/\/admin\/articles\/\d+\?done=submit/),
    author.locator('button[name=intent][value=submit]').click(),
  ]);
  const id = Number(/\/admin\/articles\/(\d+)/.exec(author.url())?.[1]);
  let conn = db();
  const draft = conn.prepare('select status, body_html from articles where id = ?').get(id) as {
    status: string;
    body_html: string;
  };
  conn.close();
  expect(draft.status).toBe('review');
  expect(draft.body_html).toMatch(
    /<figure class="image" data-media-id="\d+"><picture><source type="image\/avif"/,
  );
  expect(draft.body_html).toContain(
    '<figcaption>Мостът при откриването<span class="credit">Вестник</span></figcaption>',
  );

  // The editor schedules it a few seconds ahead, in Sofia time.
  const desk = await signedIn('redaktor@example.bg');
  await desk.goto(`${server.url}/admin/articles?status=review`);
  await desk.getByRole('link', { name: TITLE }).click();
  const due = Date.now() + 12_000;
  await desk.locator('input[name=publish_at]').fill(sofiaLocal(due));
  await Promise.all([
    desk.waitForURL(/done=schedule/),
    desk.locator('button[name=intent][value=schedule]').click(),
  ]);
  expect(await desk.locator('.workflow-status').textContent()).toContain('Насрочена');

  // Nobody visits the site meanwhile: the server's scheduler publishes it by itself.
  let published: { status: string; published_at: number | null } = { status: '', published_at: null };
  for (let i = 0; i < 60 && published.status !== 'published'; i++) {
    await new Promise((r) => setTimeout(r, 500));
    conn = db();
    published = conn
      .prepare('select status, published_at from articles where id = ?')
      .get(id) as typeof published;
    conn.close();
  }
  expect(published.status).toBe('published');
  const late = (published.published_at ?? 0) - Math.floor(due / 1000) * 1000;
  expect(late).toBeGreaterThanOrEqual(0);
  expect(late).toBeLessThan(3000);

  const reader = (await openBrowser()) as Session;
  sessions.push(reader);
  await reader.page.goto(server.url);
  expect(await reader.page.locator('main').textContent()).toContain(TITLE);
  // The "latest" tab of the rankings box, refreshed by the publication.
  await expect
    .poll(
      async () => {
        await reader.page.goto(server.url);
        return reader.page.locator('.rankings').textContent();
      },
      { timeout: 10_000 },
    )
    .toContain(TITLE);
  await reader.page.getByRole('link', { name: TITLE }).first().click();
  expect(await reader.page.locator('.article-body picture source[type="image/avif"]').count()).toBe(1);

  // The editor changes the title, then restores the version before the change.
  await desk.goto(`${server.url}/admin/articles/${id}`);
  await desk.locator('input[name=title]').fill('Мостът над Янтра: грешно заглавие');
  await Promise.all([
    desk.waitForURL(/done=saved/),
    desk.locator('button[name=intent][value=save]').first().click(),
  ]);
  await desk.goto(`${server.url}/admin/articles/${id}/revisions`);
  const restore = desk.locator('table.revisions tbody tr').nth(1).getByRole('button');
  await Promise.all([desk.waitForURL(/restored=/), restore.click()]);
  await reader.page.reload();
  expect(await reader.page.locator('h1').textContent()).toContain(TITLE);
});
