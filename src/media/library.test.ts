import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import { describeEachDatabase } from '../db/testing.js';
import { MediaLibrary } from './library.js';
import { LocalMediaStorage, type MediaStorage } from './storage.js';
import { testImage } from './testing.js';

const LIMITS = { maxBytes: 2 * 1024 * 1024, maxPixels: 20_000_000 };
const now = Date.UTC(2026, 10, 25, 10, 0);

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describeEachDatabase('the media library', (getDb) => {
  let root: string;
  let library: MediaLibrary;
  let categoryId: number;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'vestnik-media-'));
    library = new MediaLibrary(getDb().db, new LocalMediaStorage(root), LIMITS);
    categoryId = (await buildNewsroom(getDb().db, now)).categories.world;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores an upload as variants on disk and a row, and hands out its URLs', async () => {
    const data = await testImage(1300, 650);
    const result = await library.upload(
      {
        data,
        originalName: 'C:\\Снимки\\Витоша.jpg',
        alt: '  Витоша  над\nсофийските покриви ',
        caption: 'Първият сняг',
        credit: 'Снимка: Редакцията',
      },
      null,
      now,
    );
    if (!result.ok) throw new Error(result.error);
    const item = result.item;
    expect(item).toMatchObject({
      format: 'jpeg',
      width: 1300,
      height: 650,
      bytes: data.length,
      widths: [480, 960],
      alt: 'Витоша над софийските покриви',
      originalName: 'Витоша.jpg',
      createdAt: now,
    });
    expect(item.key).toMatch(/^2026\/11\/[0-9a-f]{24}$/);
    expect(item.url).toBe(`/media/${item.key}/960.jpg`);
    expect(item.thumbUrl).toBe(`/media/${item.key}/480.jpg`);
    expect(item.srcset.webp).toBe(`/media/${item.key}/480.webp 480w, /media/${item.key}/960.webp 960w`);
    expect(filesUnder(join(root, item.key))).toEqual([
      '480.avif',
      '480.jpg',
      '480.webp',
      '960.avif',
      '960.jpg',
      '960.webp',
    ]);
    const jpg = await sharp(readFileSync(join(root, item.key, '960.jpg'))).metadata();
    expect([jpg.width, jpg.height]).toEqual([960, 480]);
    expect(await library.get(item.id)).toEqual(item);
    const row = await getDb()
      .db.selectFrom('media')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row.search_text).toBe('витоша.jpg витоша над софийските покриви първият сняг снимка: редакцията');
  });

  it('goes by content, not the name: a PNG called photo.jpg is a PNG', async () => {
    const result = await library.upload(
      { data: await testImage(500, 500, 'png'), originalName: 'photo.jpg' },
      null,
      now,
    );
    expect(result.ok && result.item.format).toBe('png');
  });

  it('refuses what is not an image, too big or a bomb, storing nothing', async () => {
    const before = filesUnder(root);
    const text = Buffer.from('не е снимка');
    expect(await library.upload({ data: text, originalName: 'a.jpg' }, null, now)).toEqual({
      ok: false,
      error: 'unsupported-type',
    });
    const huge = Buffer.concat([await testImage(100, 100), Buffer.alloc(LIMITS.maxBytes)]);
    expect((await library.upload({ data: huge, originalName: 'b.jpg' }, null, now)).ok).toBe(false);
    const tall = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await library.upload({ data: tall, originalName: 'c.png' }, null, now)).toEqual({
      ok: false,
      error: 'too-many-pixels',
    });
    expect(filesUnder(root)).toEqual(before);
  });

  it('refuses texts over their limits before touching the image', async () => {
    const result = await library.upload(
      { data: Buffer.alloc(0), originalName: 'x.jpg', alt: 'а'.repeat(251), credit: 'б'.repeat(121) },
      null,
      now,
    );
    expect(result).toEqual({
      ok: false,
      error: 'invalid-text',
      fields: { alt: 'too-long', credit: 'too-long' },
    });
  });

  it('when the row cannot be written, removes the files again', async () => {
    const db = getDb().db;
    const rows = async () =>
      Number(
        (
          await db
            .selectFrom('media')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const count = await rows();
    const before = filesUnder(root);
    // No such user: the foreign key refuses the row after every file is written.
    await expect(
      library.upload({ data: await testImage(600, 400), originalName: 'fk.jpg' }, 999_999, now),
    ).rejects.toThrow();
    expect(await rows()).toBe(count);
    expect(filesUnder(root)).toEqual(before);
  });

  it('when a file cannot be written, writes no row and leaves no files', async () => {
    const local = new LocalMediaStorage(root);
    let puts = 0;
    const flaky: MediaStorage = {
      put: async (key, name, data) => {
        if (++puts === 2) throw new Error('disk full');
        await local.put(key, name, data);
      },
      remove: (key) => local.remove(key),
      url: (key, name) => local.url(key, name),
      size: (key, name) => local.size(key, name),
    };
    const before = filesUnder(root);
    const count = (await library.search('', 1, 100)).total;
    const broken = new MediaLibrary(getDb().db, flaky, LIMITS);
    await expect(
      broken.upload({ data: await testImage(600, 400), originalName: 'd.jpg' }, null, now),
    ).rejects.toThrow('disk full');
    expect((await library.search('', 1, 100)).total).toBe(count);
    expect(filesUnder(root)).toEqual(before);
  });

  describe('search', () => {
    beforeAll(async () => {
      const image = await testImage(300, 200, 'webp');
      for (const [i, caption] of [
        'Протест пред ПАРЛАМЕНТА',
        'Пловдив, Стария град',
        'Наводнение в Пловдив',
      ].entries()) {
        const r = await library.upload(
          { data: image, originalName: `s${i}.webp`, caption },
          null,
          now + 1000 * (i + 1),
        );
        if (!r.ok) throw new Error(r.error);
      }
    });

    it('finds Cyrillic words whatever their case, newest first', async () => {
      const found = await library.search('ПЛОВДИВ', 1, 10);
      expect(found.items.map((i) => i.caption)).toEqual(['Наводнение в Пловдив', 'Пловдив, Стария град']);
      expect((await library.search('парламента', 1, 10)).items.map((i) => i.caption)).toEqual([
        'Протест пред ПАРЛАМЕНТА',
      ]);
    });

    it('needs every word, and treats % and _ as plain characters', async () => {
      expect((await library.search('пловдив стария', 1, 10)).total).toBe(1);
      expect((await library.search('%', 1, 10)).total).toBe(0);
      expect((await library.search('s_.webp', 1, 10)).total).toBe(0);
    });

    it('pages', async () => {
      const all = await library.search('', 1, 2);
      expect(all.items).toHaveLength(2);
      expect(all.pages).toBe(Math.ceil(all.total / 2));
      const second = await library.search('', 2, 2);
      expect(second.items[0]?.id).not.toBe(all.items[0]?.id);
    });
  });

  it('updates the texts with their limits, and the search follows', async () => {
    const up = await library.upload({ data: await testImage(300, 300), originalName: 'u.jpg' }, null, now);
    if (!up.ok) throw new Error(up.error);
    expect(await library.update(up.item.id, { alt: 'x'.repeat(251), caption: 'y'.repeat(501) })).toEqual({
      ok: false,
      error: 'invalid-text',
      fields: { alt: 'too-long', caption: 'too-long' },
    });
    // 250 Cyrillic letters are 250 characters, not 500 bytes.
    const saved = await library.update(up.item.id, {
      alt: 'я'.repeat(250),
      caption: 'Нов надпис за Шипка',
      credit: 'БТА',
    });
    expect(saved.ok && saved.item.caption).toBe('Нов надпис за Шипка');
    expect((await library.search('шипка', 1, 10)).items.map((i) => i.id)).toEqual([up.item.id]);
    expect(await library.update(9_999_999, { alt: 'a' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('removes an unused item with its files, and refuses one an article shows', async () => {
    const db = getDb().db;
    const make = async () => {
      const r = await library.upload({ data: await testImage(300, 300), originalName: 'r.jpg' }, null, now);
      if (!r.ok) throw new Error(r.error);
      return r.item;
    };
    const [cover, inBody, free] = [await make(), await make(), await make()];
    const articleId = await buildArticle(db, { categoryId, publishedAt: now - 60_000 });
    await db.updateTable('articles').set({ cover_media_id: cover.id }).where('id', '=', articleId).execute();
    await buildArticle(db, {
      categoryId,
      publishedAt: now - 60_000,
      bodyHtml: `<figure class="image" data-media-id="${inBody.id}"><img src="${inBody.url}" alt=""></figure>`,
    });

    expect(await library.remove(cover.id)).toEqual({
      ok: false,
      reason: 'in-use',
      uses: { covers: 1, bodies: 0 },
    });
    expect(await library.remove(inBody.id)).toEqual({
      ok: false,
      reason: 'in-use',
      uses: { covers: 0, bodies: 1 },
    });
    expect(filesUnder(join(root, cover.key))).toHaveLength(3);

    expect(await library.remove(free.id)).toEqual({ ok: true });
    expect(await library.get(free.id)).toBeNull();
    expect(existsSync(join(root, free.key))).toBe(false);
    expect(await library.remove(free.id)).toEqual({ ok: false, reason: 'not-found' });
  });

  it('serves the newsroom: cover facts and expanded bodies', async () => {
    const r = await library.upload(
      { data: await testImage(1000, 500), originalName: 'n.jpg', alt: 'Алт', caption: 'Кап', credit: 'Кр' },
      null,
      now,
    );
    if (!r.ok) throw new Error(r.error);
    const db = getDb().db;
    expect(await library.cover(db, r.item.id)).toEqual({
      url: r.item.url,
      alt: 'Алт',
      caption: 'Кап',
      credit: 'Кр',
    });
    expect(await library.cover(db, 9_999_999)).toBeNull();
    const body = `<figure class="image" data-media-id="${r.item.id}"><img src="/x.jpg" alt=""></figure>`;
    expect(await library.expandBody(db, body)).toContain(
      `<source type="image/avif" srcset="/media/${r.item.key}/480.avif 480w`,
    );
    expect(await library.getMany([r.item.id, r.item.id, 9_999_999])).toEqual(new Map([[r.item.id, r.item]]));
  });
});
