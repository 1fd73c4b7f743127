import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const SETTINGS = '/admin/settings';

describeEachDatabase('site settings, for admins', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let admin: TestUser;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    admin = await signIn(site, 'admin', 'Ана Администраторова');
  });
  afterAll(async () => site.close());

  const send = async (fields: Record<string, string>) => {
    const token = tokenOf((await get(site, SETTINGS, admin.cookie)).body);
    return post(site, SETTINGS, { _csrf: token, ...fields }, admin.cookie);
  };

  it('shows both slug styles with the address each gives a sample headline', async () => {
    const page = await get(site, SETTINGS, admin.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/id="slug-style-latin" name="slugStyle" value="latin" checked/);
    expect(page.body).toContain('Пример: /…/zhalt-kod-za-silen-vyatar-v-sofiyska-oblast');
    expect(page.body).toContain('Пример: /…/жълт-код-за-силен-вятър-в-софийска-област');
  });

  it('switches to Cyrillic, and new sections follow', async () => {
    const saved = await send({ slugStyle: 'cyrillic' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${SETTINGS}?saved=1`);
    const page = await get(site, String(saved.headers.location), admin.cookie);
    expect(page.body).toContain('Настройките са запазени.');
    expect(page.body).toMatch(/value="cyrillic" checked/);
    expect(site.services.newsroomSettings.get().slugStyle).toBe('cyrillic');

    const token = tokenOf((await get(site, '/admin/categories/new', admin.cookie)).body);
    const made = await post(site, '/admin/categories', { _csrf: token, name: 'Родна природа' }, admin.cookie);
    expect(made.statusCode).toBe(303);
    expect(site.services.categories.bySlug('родна-природа')?.name).toBe('Родна природа');
    expect((await send({ slugStyle: 'latin' })).statusCode).toBe(303);
    expect(site.services.newsroomSettings.get().slugStyle).toBe('latin');
  });

  it('refuses an unknown style and forged forms', async () => {
    const bad = await send({ slugStyle: 'greek' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Изберете един от двата начина.');
    expect(site.services.newsroomSettings.get().slugStyle).toBe('latin');
    expect((await post(site, SETTINGS, { slugStyle: 'cyrillic' }, admin.cookie)).statusCode).toBe(403);
    expect((await get(site, `${SETTINGS}?saved=2`, admin.cookie)).statusCode).toBe(400);
  });

  it('chooses what the feeds carry, refusing any other value with 400 and saving nothing', async () => {
    const page = await get(site, SETTINGS, admin.cookie);
    expect(page.body).toMatch(/id="feed-content-full" name="feedContent" value="full" checked/);
    expect(page.body).toContain('Само резюмето (въведението)');
    const bad = await send({ slugStyle: 'cyrillic', feedContent: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Невалидна стойност на „Какво носят емисиите (RSS, Atom, JSON Feed)“.');
    expect(site.services.newsroomSettings.get()).toEqual({ slugStyle: 'latin', feedContent: 'full' });
    expect((await send({ slugStyle: 'latin', feedContent: 'excerpt' })).statusCode).toBe(303);
    expect(site.services.newsroomSettings.get().feedContent).toBe('excerpt');
    expect((await get(site, SETTINGS, admin.cookie)).body).toMatch(/value="excerpt" checked/);
    // A post without the field (an older form) keeps the choice.
    expect((await send({ slugStyle: 'latin' })).statusCode).toBe(303);
    expect(site.services.newsroomSettings.get().feedContent).toBe('excerpt');
    expect((await send({ slugStyle: 'latin', feedContent: 'full' })).statusCode).toBe(303);
  });

  it('speaks English on an English site', async () => {
    const en = await createTestSite(getDb(), { PASSWORD_COST: '10', LOCALE: 'en' }, now);
    try {
      const boss = await signIn(en, 'admin', 'Anna Admin');
      const page = await get(en, SETTINGS, boss.cookie);
      expect(page.body).toContain('<h1 class="staff-title">Site settings</h1>');
      const bad = await post(en, SETTINGS, { _csrf: tokenOf(page.body), slugStyle: 'greek' }, boss.cookie);
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Choose one of the two.');
      const badFeed = await post(
        en,
        SETTINGS,
        { _csrf: tokenOf(page.body), slugStyle: 'latin', feedContent: 'all' },
        boss.cookie,
      );
      expect(badFeed.statusCode).toBe(400);
      expect(badFeed.body).toContain('Invalid value of “What the feeds (RSS, Atom, JSON Feed) carry”.');
      const taken = await post(
        en,
        '/admin/categories',
        { _csrf: tokenOf(page.body), name: 'Admin', slug: 'admin' },
        boss.cookie,
      );
      expect(taken.body).toContain('The address “admin” is reserved for the site’s own pages.');
    } finally {
      await en.close();
    }
  });
});
