// Comments as a newsroom runs them, in Chromium: a guest comment held for pre-moderation and
// approved from the desk; a registered reader who signs up from the mail in the outbox, replies,
// edits, reacts and reports; and a ban that stops a signed-in reader at their very next post.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from '../src/infra/mail-testing.js';
import {
  commentCount,
  openArticlePath,
  openBrowser,
  ROOT,
  type Server,
  type Session,
  startServer,
  uniqueText,
} from './harness.js';

const run = promisify(execFile);
const PASSWORD = 'модератор-парола-2026';

let server: Server;
const sessions: Session[] = [];

async function browser(): Promise<Session> {
  const s = await openBrowser();
  sessions.push(s);
  return s;
}

/** A staff or reader account made the way an operator makes one: with the CLI. */
async function addUser(email: string, name: string, role: string): Promise<void> {
  await run(
    process.execPath,
    [join(ROOT, 'dist', 'cli.js'), 'users', 'add', '--email', email, '--name', name, '--role', role],
    {
      env: { ...server.env, VESTNIK_PASSWORD: PASSWORD },
    },
  );
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${server.url}/profil/vhod`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/profil/vhod'),
    page.locator('main form button[type=submit]').click(),
  ]);
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(server.dir, 'vestnik.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The first link of that kind in a mail the site wrote to its outbox for this address. */
async function linkFromOutbox(to: string, path: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const dir = join(server.dir, 'outbox');
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const mail = parseMail(await readFile(join(dir, name), 'utf8'));
      if (mail.headers.get('to')?.includes(to) !== true) continue;
      const match = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
      if (match) return match[0];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail with ${path} to ${to} in the outbox`);
}

beforeAll(async () => {
  server = await startServer();
  await addUser('moderator@example.bg', 'Мира Модераторова', 'moderator');
  await addUser('boyan@example.bg', 'Боян Бързев', 'reader');
});

afterEach(() => {
  for (const s of sessions) {
    expect(s.foreign, 'requests to other hosts').toEqual([]);
    expect(s.pageErrors, 'script errors').toEqual([]);
  }
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
});

describe('a guest comment on a pre-moderated article', () => {
  it('is held, then approved from the desk, and appears for readers', async () => {
    const [pre] = query<{ path: string }>(
      `select '/' || c.slug || '/' || a.slug as path from articles a join categories c on c.id = a.category_id
       where a.comments_moderation = 'pre' and a.status = 'published' order by a.id limit 1`,
    );
    if (!pre) throw new Error('the demo has no pre-moderated article');
    const guest = await browser();
    const page = guest.page;
    await page.goto(server.url + pre.path);
    await expect
      .poll(() => page.locator('.comment-form .hint').first().textContent())
      .toContain('след одобрение');
    const before = await commentCount(page);
    const message = uniqueText('Важен въпрос към редакцията');
    await page.locator('#comment-name').fill('Гост Гостев');
    await page.locator('#comment-email').fill('gost@example.bg');
    await page.locator('#comment-body').fill(message);
    await page.locator('#comment-form button[type=submit]').click();
    await expect
      .poll(() => page.locator('[data-form-status]').textContent())
      .toContain('след одобрение от модератор');
    expect(await page.locator('#comments li.comment', { hasText: message }).count()).toBe(0);

    const desk = await browser();
    await signIn(desk.page, 'moderator@example.bg');
    await desk.page.goto(`${server.url}/admin/moderation?queue=pending`);
    const item = desk.page.locator('article.desk-item', { hasText: message });
    await item.waitFor();
    expect(await item.textContent()).toContain('Гост Гостев');
    await Promise.all([
      desk.page.waitForURL(/done=approve/),
      item.locator('button', { hasText: 'Одобри' }).click(),
    ]);
    expect(await desk.page.locator('article.desk-item', { hasText: message }).count()).toBe(0);

    await page.reload();
    await page.locator('#comments li.comment', { hasText: message }).waitFor();
    expect(await commentCount(page)).toBe(before + 1);
    const logged = query<{ n: number }>(
      `select count(*) as n from moderation_log where action = 'approve' and actor_name = 'Мира Модераторова'`,
    );
    expect(logged[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

describe('a registered reader', () => {
  it('signs up from the mailed link, replies, edits, reacts and reports', async () => {
    const reader = await browser();
    const page = reader.page;
    const email = `reader-${Date.now().toString(36)}@example.bg`;
    await page.goto(`${server.url}/profil/registratsiya`);
    await page.locator('#register-email').fill(email);
    await page.locator('#register-name').fill('Рада Читателева');
    await page.locator('#register-password').fill('моята-дълга-парола-7');
    await page.locator('main form button[type=submit]').click();
    await page.getByRole('heading', { name: 'Проверете пощата си' }).waitFor();
    await page.goto(await linkFromOutbox(email, '/profil/potvarzhdenie'));
    expect(await page.locator('main').textContent()).toMatch(/потвърден/i);
    await signIn(page, email, 'моята-дълга-парола-7');

    const articlePath = await openArticlePath(server);
    // Someone else's comment to answer, react to and report.
    const other = await browser();
    await signIn(other.page, 'boyan@example.bg');
    await other.page.goto(server.url + articlePath);
    const theirs = uniqueText('Мнението на Боян');
    await other.page.locator('#comment-body').fill(theirs);
    await other.page.locator('#comment-form button[type=submit]').click();
    await other.page.locator('#comments li.comment', { hasText: theirs }).waitFor();

    await page.goto(server.url + articlePath);
    expect(await page.locator('.posting-as').textContent()).toContain('Рада Читателева');
    const target = page.locator('#comments li.comment', { hasText: theirs }).first();
    await target.locator('a.reply-link').click();
    const answer = uniqueText('Отговорът на Рада');
    await page.locator('#comment-body').fill(answer);
    await page.locator('#comment-form button[type=submit]').click();
    const mine = page.locator('li.comment-reply', { hasText: answer });
    await mine.waitFor();

    // Edit: a plain link to the edit form, saved, marked „редактиран“.
    await page.reload();
    await page.locator('li.comment', { hasText: answer }).locator('a', { hasText: 'Редактирай' }).click();
    const editor = page.locator('form.comment-edit textarea');
    await editor.fill(`${answer} (поправено)`);
    await page.locator('form.comment-edit button[type=submit]').click();
    const edited = page.locator('li.comment-reply', { hasText: `${answer} (поправено)` });
    await edited.waitFor();
    expect(await edited.locator('.comment-edited').first().textContent()).toContain('редактиран');

    // 👍 on Боян's comment: pressed, counted once.
    const like = page
      .locator('#comments li.comment', { hasText: theirs })
      .first()
      .locator('button[value="1"]')
      .first();
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    expect(await like.textContent()).toContain('1');
    await page.reload();
    expect(
      await page
        .locator('#comments li.comment', { hasText: theirs })
        .first()
        .locator('button[value="1"]')
        .first()
        .getAttribute('aria-pressed'),
    ).toBe('true');

    // Report it as off topic.
    await page
      .locator('#comments li.comment', { hasText: theirs })
      .first()
      .locator('a', { hasText: 'Сигнализирай' })
      .first()
      .click();
    await page.locator('label', { hasText: 'Не е по темата' }).click();
    await page.locator('#report-note').fill('Не е свързано със статията.');
    await page.locator('main form button[type=submit]').click();
    await expect
      .poll(() => page.locator('[data-form-status]').textContent())
      .toContain('Модераторите ще прегледат');
    const reports = query<{ reason: string }>(
      `select r.reason from comment_reports r join comments c on c.id = r.comment_id where c.body = ?`,
      theirs,
    );
    expect(reports.map((r) => r.reason)).toEqual(['off-topic']);
  });
});

describe('a ban', () => {
  it('stops a signed-in reader at their next post, without signing them out', async () => {
    const reader = await browser();
    await signIn(reader.page, 'boyan@example.bg');
    const articlePath = await openArticlePath(server);
    await reader.page.goto(server.url + articlePath);
    const first = uniqueText('Преди блокирането');
    await reader.page.locator('#comment-body').fill(first);
    await reader.page.locator('#comment-form button[type=submit]').click();
    await reader.page.locator('#comments li.comment', { hasText: first }).waitFor();

    const [boyan] = query<{ id: number }>(`select id from users where email = 'boyan@example.bg'`);
    const desk = await browser();
    await signIn(desk.page, 'moderator@example.bg');
    await desk.page.goto(`${server.url}/admin/readers/${boyan!.id}`);
    await Promise.all([
      desk.page.waitForURL(/done=/),
      desk.page.locator('button[name="action"][value="ban"]').click(),
    ]);

    // Same open page, same session: the very next post is refused with the reason.
    const second = uniqueText('След блокирането');
    await reader.page.locator('#comment-body').fill(second);
    await reader.page.locator('#comment-form button[type=submit]').click();
    await expect.poll(() => reader.page.locator('[data-form-status]').textContent()).toContain('блокиран');
    expect(await reader.page.locator('#comment-body').inputValue()).toBe(second);
    expect(query(`select id from comments where body = ?`, second)).toEqual([]);
    await reader.page.goto(`${server.url}/profil`);
    expect(await reader.page.locator('main').textContent()).toContain('Боян Бързев');
  });
});
