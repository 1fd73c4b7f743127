import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { testImage } from '../../media/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { call, staffWithToken, type TokenHolder } from './admin-testing.js';
import { type OpenApiChecker, openApiChecker } from './testing.js';

const MEDIA = '/api/v1/admin/media';
const MAX_BYTES = 512 * 1024;

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** A multipart/form-data body as an HTTP client builds it. */
function multipart(parts: Part[]) {
  const boundary = `----vestnik${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'value' in p
        ? `Content-Disposition: form-data; name="${p.name}"\r\n\r\n`
        : `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}`), 'value' in p ? Buffer.from(p.value) : p.data);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase('Admin API: images', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let api: OpenApiChecker;
  let editor: TokenHolder;

  beforeAll(async () => {
    await buildNewsroom(getDb().db, now);
    site = await createTestSite(getDb(), { PAGE_CACHE: 'off', MEDIA_MAX_BYTES: String(MAX_BYTES) }, now);
    await site.services.categories.load();
    api = await openApiChecker(site.app);
    editor = await staffWithToken(site, 'editor', 'Елена Редакторова');
  });
  afterAll(() => site.close());

  function upload(token: string, parts: Part[], headers: Record<string, string> = {}) {
    const body = multipart(parts);
    return site.app.inject({
      method: 'POST',
      url: MEDIA,
      headers: { authorization: `Bearer ${token}`, 'content-type': body.type, ...headers },
      payload: body.payload,
    });
  }
  const file = (data: Buffer, type = 'image/jpeg', filename = 'most.jpg'): Part => ({
    name: 'file',
    filename,
    type,
    data,
  });

  it('stores an uploaded image with its variants, ready to be an article’s cover', async () => {
    const photo = await testImage(1200, 800);
    const res = await upload(editor.token, [
      { name: 'alt', value: 'Новият мост над Дунав' },
      { name: 'credit', value: 'Снимка: БТА' },
      file(photo),
    ]);
    expect(res.statusCode).toBe(201);
    const item = res.json();
    api.check('POST', MEDIA, 201, item);
    expect(item).toMatchObject({
      width: 1200,
      height: 800,
      alt: 'Новият мост над Дунав',
      credit: 'Снимка: БТА',
    });
    expect(item.variants.map((v: { width: number }) => v.width)).toEqual([480, 960]);
    for (const variant of item.variants) {
      for (const url of [variant.avif, variant.webp, variant.jpeg]) {
        const served = await site.app.inject({ method: 'GET', url: new URL(url).pathname });
        expect(served.statusCode).toBe(200);
      }
    }
    const jpeg = await site.app.inject({ method: 'GET', url: new URL(item.url).pathname });
    expect((await sharp(jpeg.rawPayload).metadata()).format).toBe('jpeg');

    const article = await call(site, editor.token, 'POST', '/articles', {
      title: 'Мостът',
      category: 'svyat',
      cover_media_id: item.id,
    });
    expect(article.statusCode).toBe(201);
    api.check('POST', '/api/v1/admin/articles', 201, article.json());
    expect(article.json()).toMatchObject({ cover_media_id: item.id, cover_url: item.url });
    const cover = await site.services.db
      .selectFrom('articles')
      .select(['cover_alt', 'cover_credit'])
      .where('id', '=', article.json().id)
      .executeTakeFirstOrThrow();
    expect(cover).toEqual({ cover_alt: 'Новият мост над Дунав', cover_credit: 'Снимка: БТА' });
  });

  it('refuses what is not a stored image, naming the part', async () => {
    const cases: [Part[], number, string, string][] = [
      [[file(randomBytes(MAX_BYTES + 1024))], 413, 'too-large', 'file'],
      [[file(Buffer.from('not a picture at all'), 'text/plain', 'a.txt')], 415, 'unsupported-type', 'file'],
      [[{ name: 'alt', value: 'Без файл' }], 400, 'empty', 'file'],
      [
        [{ name: 'caption', value: 'Д'.repeat(501) }, file(await testImage(600, 400))],
        422,
        'too-long',
        'caption',
      ],
    ];
    for (const [parts, status, code, field] of cases) {
      const res = await upload(editor.token, parts);
      expect({ code, status: res.statusCode }).toEqual({ code, status });
      api.check('POST', MEDIA, status, res.json());
      expect(res.json().error).toMatchObject({ code, field });
    }
    const json = await site.app.inject({
      method: 'POST',
      url: MEDIA,
      headers: { authorization: `Bearer ${editor.token}` },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    api.check('POST', MEDIA, 415, json.json());
    const count = await site.services.db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('needs the media:write scope and a staff member who writes', async () => {
    const photo = await testImage(600, 400);
    const articlesOnly = await staffWithToken(site, 'editor', 'Ема Редакторова', ['articles:write']);
    const moderator = await staffWithToken(site, 'moderator', 'Мира Модераторова');
    const noScope = await upload(articlesOnly.token, [file(photo)], { 'accept-language': 'en' });
    expect(noScope.statusCode).toBe(403);
    api.check('POST', MEDIA, 403, noScope.json());
    expect(noScope.json().error.message).toBe('The key lacks the scope "media:write".');
    const noRight = await upload(moderator.token, [file(photo)]);
    expect(noRight.statusCode).toBe(403);
    api.check('POST', MEDIA, 403, noRight.json());
    const nobody = await upload('vk_admin_unknown-token-here', [file(photo)]);
    expect(nobody.statusCode).toBe(401);
    api.check('POST', MEDIA, 401, nobody.json());
  });
});
