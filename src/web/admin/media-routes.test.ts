import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { jpegClaiming, testImage } from '../../media/testing.js';
import type { MediaItem } from '../../media/types.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** A multipart/form-data body as a browser builds it. */
function multipart(parts: Part[]) {
  const boundary = `----vestnik${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'value' in p
        ? `Content-Disposition: form-data; name="${p.name}"\r\n\r\n`
        : `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`;
    chunks.push(
      Buffer.from(`--${boundary}\r\n${head}`),
      'value' in p ? Buffer.from(p.value) : p.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const MAX_BYTES = 1024 * 1024;

describeEachDatabase('the media library pages', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let contributor: TestUser;
  let moderator: TestUser;
  let photo: Buffer;

  beforeAll(async () => {
    await buildNewsroom(getDb().db, now);
    site = await createTestSite(
      getDb(),
      {
        PASSWORD_COST: '10',
        PAGE_CACHE: 'off',
        MEDIA_MAX_BYTES: String(MAX_BYTES),
        MEDIA_MAX_PIXELS: '4000000',
      },
      now,
    );
    contributor = await signIn(site, 'contributor', 'Катя Сътрудничка');
    moderator = await signIn(site, 'moderator', 'Мирослав Модератор');
    photo = await testImage(1000, 600);
  });
  afterAll(async () => site.close());

  async function token(user: TestUser) {
    return tokenOf((await get(site, '/admin/media', user.cookie)).body);
  }

  async function upload(
    user: TestUser,
    file: { data: Buffer; filename: string; type: string } | null,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    const parts: Part[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
    if (file) parts.push({ name: 'file', ...file });
    const body = multipart(parts);
    return site.app.inject({
      method: 'POST',
      url: '/admin/media',
      headers: { cookie: user.cookie, 'content-type': body.type, ...headers },
      payload: body.payload,
    });
  }

  const mediaRows = async () =>
    Number(
      (
        await getDb()
          .db.selectFrom('media')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const mediaFiles = () => {
    const dir = join(site.config.dataDir, 'media');
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
  };

  it('shows a contributor the library with the upload form', async () => {
    const res = await get(site, '/admin/media', contributor.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('<h1 class="staff-title">Снимки</h1>');
    expect(res.body).toMatch(/<form method="post" action="\/admin\/media" enctype="multipart\/form-data"/);
    expect(res.body).toMatch(/name="_csrf"[^>]*>[\s\S]*name="file" type="file"/);
    expect(res.body).toContain('до 1 MB и 4 мегапиксела');
    expect(res.body).toContain('Все още няма качени снимки.');
  });

  it('uploads through the plain form: 303 back with a notice, files served under /media/', async () => {
    const res = await upload(
      contributor,
      { data: photo, filename: 'Мост над Янтра.jpg', type: 'image/jpeg' },
      {
        _csrf: await token(contributor),
        alt: 'Мост над река Янтра',
        caption: 'Търново',
        credit: 'Снимка: Редакцията',
      },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/media?done=uploaded');
    const page = await get(site, '/admin/media?done=uploaded', contributor.cookie);
    expect(page.body).toContain('Снимката е качена.');
    expect(page.body).toContain('Мост над река Янтра');
    expect(page.body).toContain('Редактирай „Мост над Янтра.jpg“');
    const row = await getDb()
      .db.selectFrom('media')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      original_name: 'Мост над Янтра.jpg',
      created_by: contributor.id,
      width: 1000,
    });
    const file = await get(site, `/media/${row.storage_key}/480.avif`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/avif');
  });

  it('answers the editor’s script in JSON, with the token in a header; the type comes from the content', async () => {
    const png = await testImage(600, 400, 'png');
    const res = await upload(
      contributor,
      { data: png, filename: 'photo.jpg', type: 'image/jpeg' },
      { alt: 'Всъщност PNG' },
      { accept: 'application/json', 'x-csrf-token': await token(contributor) },
    );
    expect(res.statusCode).toBe(201);
    const { item } = res.json() as { item: MediaItem };
    expect(item).toMatchObject({ format: 'png', alt: 'Всъщност PNG', widths: [480], width: 600 });
    expect(item.srcset.avif).toBe(`/media/${item.key}/480.avif 480w`);
  });

  it('refuses a file that lies about its type, saying why, storing nothing', async () => {
    const [rows, files] = [await mediaRows(), mediaFiles()];
    const lie = {
      data: Buffer.from('<?php echo "не е снимка"; ?>'),
      filename: 'snimka.jpg',
      type: 'image/jpeg',
    };
    const json = await upload(
      contributor,
      lie,
      {},
      { accept: 'application/json', 'x-csrf-token': await token(contributor) },
    );
    expect(json.statusCode).toBe(415);
    expect(json.json().error).toContain('не е снимка във формат JPEG, PNG, WebP или AVIF');
    const html = await upload(contributor, lie, { _csrf: await token(contributor), alt: 'Запазен текст' });
    expect(html.statusCode).toBe(415);
    expect(html.body).toContain('role="alert"');
    expect(html.body).toContain('Проверява се съдържанието на файла, не името му.');
    expect(html.body).toContain('value="Запазен текст"');
    expect([await mediaRows(), mediaFiles()]).toEqual([rows, files]);
  });

  it('refuses a file over MEDIA_MAX_BYTES with 413, though the parser cut it short', async () => {
    const [rows, files] = [await mediaRows(), mediaFiles()];
    const big = Buffer.concat([photo, randomBytes(MAX_BYTES)]);
    const file = { data: big, filename: 'golyama.jpg', type: 'image/jpeg' };
    const json = await upload(
      contributor,
      file,
      {},
      { accept: 'application/json', 'x-csrf-token': await token(contributor) },
    );
    expect(json.statusCode).toBe(413);
    expect(json.json().error).toBe('Файлът е твърде голям: приемат се до 1 MB.');
    const html = await upload(contributor, file, { _csrf: await token(contributor) });
    expect(html.statusCode).toBe(413);
    expect(html.body).toContain('Файлът е твърде голям');
    expect([await mediaRows(), mediaFiles()]).toEqual([rows, files]);
  });

  it('refuses a decompression bomb, an empty form and two files', async () => {
    const csrf = { _csrf: await token(contributor) };
    const bomb = await upload(
      contributor,
      { data: await jpegClaiming(40000, 40000), filename: 'b.jpg', type: 'image/jpeg' },
      csrf,
    );
    expect(bomb.statusCode).toBe(422);
    expect(bomb.body).toContain('Снимката е твърде голяма: приемат се до 4 мегапиксела.');
    const none = await upload(contributor, null, csrf);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Не е избран файл');
    const two = multipart([
      { name: '_csrf', value: csrf._csrf },
      { name: 'file', filename: 'a.jpg', type: 'image/jpeg', data: photo },
      { name: 'file', filename: 'b.jpg', type: 'image/jpeg', data: photo },
    ]);
    const res = await site.app.inject({
      method: 'POST',
      url: '/admin/media',
      headers: { cookie: contributor.cookie, 'content-type': two.type, accept: 'application/json' },
      payload: two.payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toContain('по една снимка');
  });

  it('asks for a file upload when the form was not sent as one', async () => {
    const res = await post(
      site,
      '/admin/media',
      { _csrf: await token(contributor), alt: 'x' },
      contributor.cookie,
    );
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('Снимката трябва да се изпрати като файл чрез формата за качване.');
  });

  it('refuses an upload without a valid form token, or from another site, with 403', async () => {
    const rows = await mediaRows();
    const file = { data: photo, filename: 'a.jpg', type: 'image/jpeg' };
    expect((await upload(contributor, file, {})).statusCode).toBe(403);
    expect((await upload(contributor, file, { _csrf: 'подправен' })).statusCode).toBe(403);
    const json = await upload(contributor, file, {}, { accept: 'application/json' });
    expect(json.statusCode).toBe(403);
    expect(json.json().error).toBeTruthy();
    const cross = await upload(
      contributor,
      file,
      { _csrf: await token(contributor) },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.statusCode).toBe(403);
    expect(await mediaRows()).toBe(rows);
  });

  it('keeps moderators out with 403 and sends the anonymous to sign in', async () => {
    for (const url of ['/admin/media', '/admin/media.json', '/admin/media/1']) {
      expect((await get(site, url, moderator.cookie)).statusCode, url).toBe(403);
      const anon = await get(site, url);
      expect(anon.statusCode, url).toBe(303);
      expect(anon.headers.location).toBe(`/profil/vhod?next=${encodeURIComponent(url)}`);
    }
    const file = { data: photo, filename: 'a.jpg', type: 'image/jpeg' };
    expect((await upload(moderator, file, { _csrf: await token(contributor) })).statusCode).toBe(403);
    expect((await post(site, '/admin/media/1', { _csrf: 'x' }, moderator.cookie)).statusCode).toBe(403);
    expect((await post(site, '/admin/media/1/delete', { _csrf: 'x' }, moderator.cookie)).statusCode).toBe(
      403,
    );
  });

  it('gives the picker JSON pages, searched in Cyrillic without regard to case', async () => {
    const res = await get(site, `/admin/media.json?q=${encodeURIComponent('ЯНТРА')}`, contributor.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: MediaItem[]; page: number; pages: number };
    expect(body.items.map((i) => i.alt)).toEqual(['Мост над река Янтра']);
    expect([body.page, body.pages]).toEqual([1, 1]);
    expect((await get(site, '/admin/media.json?page=0', contributor.cookie)).statusCode).toBe(400);
    const html = await get(site, `/admin/media?q=${encodeURIComponent('янтра')}`, contributor.cookie);
    expect(html.body).toContain('1 снимка');
    expect((await get(site, '/admin/media?q=несъществуваща', contributor.cookie)).body).toContain(
      'Няма снимки за „несъществуваща“.',
    );
    expect((await get(site, '/admin/media?done=hacked', contributor.cookie)).statusCode).toBe(400);
  });
});
