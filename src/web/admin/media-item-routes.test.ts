import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { testImage } from '../../media/testing.js';
import type { MediaItem } from '../../media/types.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

describeEachDatabase('one image of the media library', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let author: TestUser;
  let categoryId: number;
  let bridge: MediaItem;
  let spare: MediaItem;

  beforeAll(async () => {
    categoryId = (await buildNewsroom(getDb().db, now)).categories.world;
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', PAGE_CACHE: 'off' }, now);
    author = await signIn(site, 'author', 'Ангел Авторов');
    const make = async (alt: string) => {
      const r = await site.services.media.upload(
        { data: await testImage(1000, 600), originalName: 'most.jpg', alt },
        author.id,
        now,
      );
      if (!r.ok) throw new Error(r.error);
      return r.item;
    };
    bridge = await make('Мост над река Янтра');
    spare = await make('Резервна снимка');
  });
  afterAll(async () => site.close());

  const token = async (url: string) => tokenOf((await get(site, url, author.cookie)).body);

  it('edits the texts of an image, refusing ones too long', async () => {
    const url = `/admin/media/${bridge.id}`;
    const page = await get(site, url, author.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `<source type="image/avif" srcset="/media/${bridge.key}/480.avif 480w, /media/${bridge.key}/960.avif 960w"`,
    );
    expect(page.body).toContain('AVIF, WebP и JPEG с ширини 480, 960 пиксела');
    const csrf = tokenOf(page.body);
    const long = await post(
      site,
      url,
      { _csrf: csrf, alt: 'д'.repeat(251), caption: 'Нов', credit: '' },
      author.cookie,
    );
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Алтернативният текст може да е най-много 250 знака.');
    expect(long.body).toContain('aria-invalid="true"');
    expect(long.body).toContain('>Нов</textarea>');
    const ok = await post(
      site,
      url,
      { _csrf: csrf, alt: 'Мостът на Колю Фичето', caption: 'Бяла', credit: 'БТА' },
      author.cookie,
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${url}?done=saved`);
    expect((await get(site, `${url}?done=saved`, author.cookie)).body).toContain('Промените са запазени.');
    expect((await site.services.media.get(bridge.id))?.alt).toBe('Мостът на Колю Фичето');
  });

  it('answers bad and unknown ids, a missing token and a repeated field', async () => {
    const url = `/admin/media/${bridge.id}`;
    expect((await post(site, url, { alt: 'x' }, author.cookie)).statusCode).toBe(403);
    expect((await post(site, `${url}/delete`, {}, author.cookie)).statusCode).toBe(403);
    expect((await get(site, '/admin/media/abc', author.cookie)).statusCode).toBe(400);
    expect((await get(site, `${url}?done=x`, author.cookie)).statusCode).toBe(400);
    const missing = await get(site, '/admin/media/999999', author.cookie);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Няма такава снимка.');
    const twice = await post(site, url, { _csrf: await token(url), alt: ['a', 'b'] }, author.cookie);
    expect(twice.statusCode).toBe(400);
  });

  it('shows a library cover as a responsive picture on the site, and will not delete it', async () => {
    const db = getDb().db;
    const id = await buildArticle(db, { categoryId, slug: 'most', publishedAt: now - 60_000 });
    await db
      .updateTable('articles')
      .set({ cover_media_id: bridge.id, cover_url: bridge.url, cover_alt: 'Мостът' })
      .where('id', '=', id)
      .execute();
    const article = await get(site, '/svyat/most');
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain(
      `<figure class="cover"><picture><source type="image/avif" srcset="/media/${bridge.key}/480.avif 480w`,
    );
    expect(article.body).toContain(`src="/media/${bridge.key}/960.jpg"`);
    expect(article.body).toContain('alt="Мостът" width="960" height="540" loading="eager" decoding="async"');
    const home = await get(site, '/');
    expect(home.body).toContain(
      `srcset="/media/${bridge.key}/480.webp 480w, /media/${bridge.key}/960.webp 960w"`,
    );

    const url = `/admin/media/${bridge.id}`;
    const refused = await post(site, `${url}/delete`, { _csrf: await token(url) }, author.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(
      'Снимката не е изтрита, защото се използва: като основна снимка в 1 статия.',
    );
    expect(await site.services.media.get(bridge.id)).not.toBeNull();
  });

  it('deletes an unused image with its files', async () => {
    const url = `/admin/media/${spare.id}`;
    const res = await post(site, `${url}/delete`, { _csrf: await token(url) }, author.cookie);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/media?done=deleted');
    expect((await get(site, '/admin/media?done=deleted', author.cookie)).body).toContain(
      'Снимката е изтрита.',
    );
    expect((await get(site, url, author.cookie)).statusCode).toBe(404);
    expect(existsSync(join(site.config.dataDir, 'media', spare.key))).toBe(false);
  });
});
