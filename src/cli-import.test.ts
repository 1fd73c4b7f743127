import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from './content/categories.js';
import { openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { addStaff } from './newsroom/testing.js';

// Runs the built CLI (vitest's global setup builds dist/) against a fresh SQLite file.
describe('vestnik import page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-cli-import-'));
  const file = join(dir, 'v.db');
  const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${file}`, SITE_URL: 'https://vestnik.example' };
  const fixture = resolve('..', 'shared', 'fixtures', 'pages', 'manager-bg-putin-olland.txt');
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['dist/cli.js', 'import', 'page', ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
  const articles = async () => {
    const handle = openDatabase({ kind: 'sqlite', file });
    try {
      return await handle.db.selectFrom('articles').select(['id', 'title', 'status']).orderBy('id').execute();
    } finally {
      await handle.destroy();
    }
  };

  beforeAll(async () => {
    const handle = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(handle);
    await createCategory(handle.db, { slug: 'svyat', name: 'Свят', position: 0 }, Date.now());
    await addStaff(handle.db, 'admin', 'Администратор', Date.now());
    await handle.destroy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the page as a draft, prints a summary, and a second run writes nothing', async () => {
    const first = run([fixture, '--category', 'svyat']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^imported$/m);
    expect(first.stdout).toMatch(/title: +Путин и Оланд договориха/);
    expect(first.stdout).toMatch(/paragraphs: 6$/m);
    expect(first.stdout).toMatch(/article: +#1 \(draft\) https:\/\/vestnik\.example\/admin\/articles\/1$/m);

    const again = run([fixture, '--category', 'svyat', '--publish']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^already imported \(nothing written\)$/m);
    expect((await articles()).map((a) => a.status)).toEqual(['draft']);
  });

  it('publishes with --publish and prints the public address', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<html><body><article><h1>Библиотеката удължава работното си време</h1>
      <p>От първи юни градската библиотека ще работи до осем вечерта във всички делнични дни на седмицата.</p>
      <p>Читалнята на втория етаж ще бъде отворена и в събота, съобщиха от библиотеката в петък.</p>
      <script>alert(1)</script></article></body></html>`,
    );
    const r = run([page, '--category', 'svyat', '--publish', '--base-url', 'https://vesti.example/a']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/article: +#2 \(published\) https:\/\/vestnik\.example\/svyat\/biblioteka/);
  });

  it('refuses bad input with a message naming the option or the line, writing nothing', async () => {
    const before = (await articles()).length;
    const noCategory = run([fixture]);
    expect(noCategory.status).toBe(2);
    expect(noCategory.stderr).toContain('error: --category: required');

    const unknown = run([fixture, '--category', 'nyama']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('error: --category: no category with the slug "nyama"');

    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(
      latin1,
      Buffer.concat([Buffer.from('Title line\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9])]),
    );
    const encoding = run([latin1, '--category', 'svyat']);
    expect(encoding.status).toBe(2);
    expect(encoding.stderr).toContain('error: latin1.txt: line 2: not UTF-8 (byte 0xe9 at offset 14)');

    const badBase = run([fixture, '--category', 'svyat', '--base-url', 'nope']);
    expect(badBase.status).toBe(2);
    expect(badBase.stderr).toContain('error: --base-url: "nope" is not an absolute URL');
    expect((await articles()).length).toBe(before);
  });
});
