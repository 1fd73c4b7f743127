import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { ArticleEditing } from '../newsroom/editing.js';
import { NO_MEDIA } from '../newsroom/media-port.js';
import { addStaff, draftOf } from '../newsroom/testing.js';
import { transition } from '../newsroom/workflow.js';
import { htmlToText } from '../text/sanitize.js';
import { ImportError, importPage, type PageImportOptions, readPage } from './page-import.js';

const FIXTURE = resolve('..', 'shared', 'fixtures', 'pages', 'manager-bg-putin-olland.txt');
const dir = mkdtempSync(join(tmpdir(), 'vestnik-page-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
}

const HTML = `<!doctype html><html><head><title>Кметът откри новия мост | Вести</title>
<script>steal()</script></head><body><nav><a href="/">Начало</a></nav><article>
<h1>Кметът откри новия мост над реката</h1>
<p onclick="steal()">Новият мост над реката беше открит в неделя от кмета, след две години строителство и три отлагания.</p>
<p>Мостът е широк дванадесет метра и има отделна алея за велосипеди от двете страни на платното.</p>
<p>Движението по стария мост ще бъде спряно за ремонт от първи юли до края на септември.</p>
<script>alert(1)</script></article><footer>Всички права запазени.</footer></body></html>`;

const options = (extra: Partial<PageImportOptions> = {}): PageImportOptions => ({
  categorySlug: 'svyat',
  publish: false,
  authorEmail: null,
  baseUrl: null,
  siteOrigin: 'https://vestnik.example',
  ...extra,
});

const message = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (err: unknown) => (err instanceof ImportError ? err.message : `not an ImportError: ${String(err)}`),
  );

describe('readPage checks the file before anything is written', () => {
  it('names the line and offset of the first byte that is not UTF-8', async () => {
    // "Заглавие" in windows-1251 on the third line.
    const bytes = Buffer.concat([
      Buffer.from('Първи ред\nВтори ред\n', 'utf8'),
      Buffer.from([0xc7, 0xe0, 0xe3, 0xeb, 0xe0, 0xe2, 0xe8, 0xe5]),
    ]);
    const path = file('cp1251.txt', bytes);
    const offset = Buffer.byteLength('Първи ред\nВтори ред\n');
    expect(await message(readPage(path, options()))).toMatch(
      new RegExp(`cp1251\\.txt: line 3: not UTF-8 \\(byte 0xc7 at offset ${offset}\\)`),
    );
  });

  it('refuses an empty file, a blank one, a missing one and one over the size limit', async () => {
    expect(await message(readPage(file('empty.txt', ''), options()))).toMatch(
      /empty\.txt: the file is empty/,
    );
    expect(await message(readPage(file('blank.txt', ' \n\n\t\n'), options()))).toMatch(/the file is empty/);
    expect(await message(readPage(join(dir, 'missing.txt'), options()))).toMatch(
      /missing\.txt: no such file/,
    );
    const big = file('big.txt', 'дума '.repeat(100));
    expect(await message(readPage(big, { ...options(), maxBytes: 100 }))).toMatch(
      /big\.txt: \d+ bytes, over the limit of 100 bytes/,
    );
  });

  it('refuses a page in which no article is found, and a bad --base-url', async () => {
    expect(await message(readPage(file('menu.txt', 'Начало\nНовини\nСпорт\n'), options()))).toMatch(
      /menu\.txt: no article found/,
    );
    expect(await message(readPage(file('page.html', HTML), options({ baseUrl: 'ftp://x' })))).toMatch(
      /--base-url: "ftp:\/\/x" must be an http or https address/,
    );
  });

  it('tells HTML from text and hashes the content, not the file', async () => {
    const html = await readPage(file('saved', HTML), options());
    expect(html.title).toBe('Кметът откри новия мост над реката');
    expect(html.bodyHtml).not.toMatch(/script|onclick|steal|alert/);
    const again = await readPage(
      file('saved.html', HTML.replace('Всички права запазени.', 'Друг футър.')),
      options(),
    );
    expect(again.hash).toBe(html.hash);
    const text = await readPage(FIXTURE, options());
    expect(text.paragraphs).toBe(6);
    expect(text.hash).not.toBe(html.hash);
  });
});

describeEachDatabase('importPage', (getDb) => {
  const now = Date.UTC(2026, 2, 10, 9, 0);
  const deps = () => ({
    db: getDb().db,
    timeZone: 'Europe/Sofia',
    locale: 'bg' as const,
    slugStyle: 'latin' as const,
  });
  let db: Db;
  const count = async (table: 'articles' | 'authors' | 'page_imports' | 'article_revisions') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = getDb().db;
    await buildNewsroom(db, now);
    await addStaff(db, 'admin', 'Администратор', now);
  });

  it('imports the fixture as a draft by the first admin, and a second import finds it', async () => {
    const first = await importPage(deps(), FIXTURE, options(), now);
    expect(first).toMatchObject({ created: true, status: 'draft', paragraphs: 6, categorySlug: 'svyat' });
    const row = await db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', first.articleId)
      .executeTakeFirstOrThrow();
    expect(row.title).toMatch(/^Путин и Оланд договориха/);
    expect(htmlToText(row.body_html).split('\n')).toHaveLength(6);
    expect(row.body_html).toMatch(/^<p>Руският президент Владимир Путин/);
    expect(row.slug).toMatch(/^putin-i-oland/);
    const articles = await count('articles');
    const second = await importPage(deps(), FIXTURE, options({ publish: true }), now + 1000);
    expect(second).toMatchObject({ created: false, articleId: first.articleId, status: 'draft' });
    expect(await count('articles')).toBe(articles);
  });

  it('publishes with --publish as the given author, with scripts gone', async () => {
    const editor = await addStaff(db, 'editor', 'Редактор', now);
    const email = (
      await db.selectFrom('users').select('email').where('id', '=', editor.id).executeTakeFirstOrThrow()
    ).email;
    const path = file('most.html', HTML);
    const result = await importPage(
      deps(),
      path,
      options({ publish: true, authorEmail: email.toUpperCase() }),
      now,
    );
    expect(result).toMatchObject({
      created: true,
      status: 'published',
      title: 'Кметът откри новия мост над реката',
    });
    const row = await db
      .selectFrom('articles')
      .select(['owner_id', 'published_at', 'body_html'])
      .where('id', '=', result.articleId)
      .executeTakeFirstOrThrow();
    expect(row.owner_id).toBe(editor.id);
    expect(Number(row.published_at)).toBe(now);
    expect(row.body_html).not.toMatch(/script|onclick|steal|Всички права/);
  });

  it('writes nothing when any step fails: unknown category, unknown author, a contributor publishing', async () => {
    const contributor = await addStaff(db, 'contributor', 'Сътрудник', now);
    const email = (
      await db.selectFrom('users').select('email').where('id', '=', contributor.id).executeTakeFirstOrThrow()
    ).email;
    const page = file('page.txt', readFileSync(FIXTURE, 'utf8').replaceAll('Путин и Оланд', 'Оланд и Путин'));
    const before = await Promise.all([count('articles'), count('authors'), count('page_imports')]);
    expect(await message(importPage(deps(), page, options({ categorySlug: 'nyama' }), now))).toBe(
      '--category: no category with the slug "nyama"',
    );
    expect(await message(importPage(deps(), page, options({ authorEmail: 'nobody@example.bg' }), now))).toBe(
      '--author: no user with the email nobody@example.bg',
    );
    expect(
      await message(importPage(deps(), page, options({ authorEmail: email, publish: true }), now)),
    ).toMatch(/^--publish: Сътрудник \(contributor\) may not publish/);
    expect(await Promise.all([count('articles'), count('authors'), count('page_imports')])).toEqual(before);
    // The same import as a draft goes through, creating the contributor's byline with it.
    const draft = await importPage(deps(), page, options({ authorEmail: email }), now);
    expect(draft).toMatchObject({ created: true, status: 'draft' });
    expect(await count('authors')).toBe((before[1] as number) + 1);
  });

  it("runs the newsroom's own transactional steps inside the import's one transaction", async () => {
    const admin = await addStaff(db, 'admin', 'Втори администратор', now);
    const category = await db
      .selectFrom('categories')
      .select('id')
      .where('slug', '=', 'sport')
      .executeTakeFirstOrThrow();
    const before = await Promise.all([count('articles'), count('authors'), count('article_revisions')]);
    let created = 0;
    const failed = await db
      .transaction()
      .execute(async (trx) => {
        const editing = new ArticleEditing({
          db: trx,
          media: NO_MEDIA,
          settings: () => ({ slugStyle: 'latin' }),
          timeZone: 'Europe/Sofia',
        });
        const saved = await editing.create(draftOf(category.id), admin, now);
        if (!saved.ok) throw new Error('the draft was not saved');
        created = saved.id;
        const published = await transition(trx, {
          id: saved.id,
          action: 'publish',
          actor: admin,
          now,
          timeZone: 'Europe/Sofia',
        });
        expect(published.ok).toBe(true);
        throw new Error('a later step failed');
      })
      .catch((err: Error) => err.message);
    expect(failed).toBe('a later step failed');
    expect(created).toBeGreaterThan(0);
    expect(await Promise.all([count('articles'), count('authors'), count('article_revisions')])).toEqual(
      before,
    );
  });
});
