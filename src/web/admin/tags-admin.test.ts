// The tag manager over HTTP: list, search and filters, editing with its errors, merging, deleting,
// and the pages of the site refreshed after each change.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { createTag } from '../../content/people.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const TAGS = '/admin/tags';
/** The names in the list, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/admin\/tags\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]);

describeEachDatabase('the tag manager', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let room: Newsroom;
  let editor: TestUser;
  let author: TestUser;
  const tags = { council: 0, twin: 0, court: 0, person: 0 };
  const articles = { a: 0, b: 0 };

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    const make = (slug: string, name: string, kind: 'organisation' | 'topic' | 'person') =>
      createTag(db, { slug, name, kind }, now);
    tags.council = await make('ministerski-savet', 'Министерски съвет', 'organisation');
    tags.twin = await make('ministerskiyat-savet', 'Министерският съвет', 'topic');
    tags.court = await make('varhoven-sad', 'Върховен съд', 'organisation');
    tags.person = await make('petar-kandev', 'Петър Кандев', 'person');
    const world = room.categories.world;
    articles.a = await buildArticle(db, {
      categoryId: world,
      slug: 'reshenie',
      title: 'Решение на кабинета',
      publishedAt: now - 7_200_000,
      tagIds: [tags.council, tags.court],
    });
    articles.b = await buildArticle(db, {
      categoryId: world,
      slug: 'zasedanie',
      title: 'Извънредно заседание',
      publishedAt: now - 3_600_000,
      tagIds: [tags.council, tags.twin],
    });
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    await site.services.categories.load();
    editor = await signIn(site, 'editor', 'Елена Редакторова');
    author = await signIn(site, 'author', 'Асен Авторов');
  });
  afterAll(async () => site.close());

  const form = async (id: number) => {
    const page = await get(site, `${TAGS}/${id}`, editor.cookie);
    expect(page.statusCode).toBe(200);
    return tokenOf(page.body);
  };

  it('is in the menu of editors, not of authors', async () => {
    expect((await get(site, '/admin', editor.cookie)).body).toContain('href="/admin/tags"');
    expect((await get(site, '/admin', author.cookie)).body).not.toContain('href="/admin/tags"');
  });

  it('lists tags alphabetically with kind and article count', async () => {
    const page = await get(site, TAGS, editor.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Теми');
    expect(listed(page.body)).toEqual([
      'Върховен съд',
      'Енергетика',
      'Министерски съвет',
      'Министерският съвет',
      'Петър Кандев',
      'София',
    ]);
    expect(page.body).toMatch(
      /Министерски съвет<\/a><\/th><td>Организация<\/td><td><a href="\/tema\/ministerski-savet">ministerski-savet<\/a><\/td><td>2 статии<\/td>/,
    );
  });

  it('searches in any case and filters by kind; bad filters are a 400, a page too far a 404', async () => {
    const names = async (query: string) => listed((await get(site, `${TAGS}?${query}`, editor.cookie)).body);
    expect(await names(`q=${encodeURIComponent('министерск')}`)).toEqual([
      'Министерски съвет',
      'Министерският съвет',
    ]);
    expect(await names(`q=${encodeURIComponent('ПЕТЪР')}`)).toEqual(['Петър Кандев']);
    expect(await names(`q=${encodeURIComponent('съвет')}&kind=organisation`)).toEqual(['Министерски съвет']);
    expect(await names('kind=person')).toEqual(['Петър Кандев']);
    const none = await get(site, `${TAGS}?q=${encodeURIComponent('<няма>')}`, editor.cookie);
    expect(none.body).toContain('Няма теми, които отговарят на търсенето.');
    expect(none.body).toContain('value="&lt;няма>"');
    expect((await get(site, `${TAGS}?kind=city`, editor.cookie)).statusCode).toBe(400);
    expect((await get(site, `${TAGS}?q=${'я'.repeat(201)}`, editor.cookie)).statusCode).toBe(400);
    expect((await get(site, `${TAGS}?page=2`, editor.cookie)).statusCode).toBe(404);
    expect((await get(site, `${TAGS}?done=hacked`, editor.cookie)).statusCode).toBe(400);
    expect((await get(site, `${TAGS}/999999`, editor.cookie)).statusCode).toBe(404);
    expect((await get(site, `${TAGS}/abc`, editor.cookie)).statusCode).toBe(404);
  });

  it('refuses a post without its form token', async () => {
    const res = await post(
      site,
      `${TAGS}/${tags.court}`,
      { name: 'Съд', slug: '', kind: 'topic' },
      editor.cookie,
    );
    expect(res.statusCode).toBe(403);
    const foreign = await post(
      site,
      `${TAGS}/${tags.court}/delete`,
      { _csrf: await form(tags.court), confirm: '1' },
      editor.cookie,
      { origin: 'https://evil.example' },
    );
    expect(foreign.statusCode).toBe(403);
    expect((await get(site, `${TAGS}/${tags.court}`, editor.cookie)).statusCode).toBe(200);
  });

  it('shows the form again with messages and a 400 when the changes are refused', async () => {
    const send = async (fields: Record<string, string>) =>
      post(site, `${TAGS}/${tags.court}`, { _csrf: await form(tags.court), ...fields }, editor.cookie);
    const malformed = await send({ name: 'Съд', slug: 'Лош адрес', kind: 'city' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Промените не са запазени.');
    expect(malformed.body).toContain('Адресът може да съдържа само малки букви, цифри и единични тирета.');
    expect(malformed.body).toContain('Изберете един от видовете в списъка.');
    expect(malformed.body).toContain('value="Лош адрес"');
    const sameName = await send({ name: 'министерски СЪВЕТ', slug: 'sad-2', kind: 'organisation' });
    expect(sameName.statusCode).toBe(400);
    expect(sameName.body).toContain('Друга тема вече се казва така. Тя е „Министерски съвет“');
    expect(sameName.body).toContain('value="министерски СЪВЕТ"');
    const sameSlug = await send({ name: 'Съдът', slug: 'petar-kandev', kind: 'organisation' });
    expect(sameSlug.statusCode).toBe(400);
    expect(sameSlug.body).toContain('Друга тема вече има този адрес. Тя е „Петър Кандев“');
    expect((await send({ name: '', slug: '', kind: 'topic' })).body).toContain('Напишете име.');
  });

  it('saves name, slug and kind, escapes them, and refreshes the pages that show the tag', async () => {
    expect((await get(site, '/tema/varhoven-sad')).body).toContain('Върховен съд'); // now cached
    expect((await get(site, '/svyat/reshenie')).body).toContain('Върховен съд');
    const saved = await post(
      site,
      `${TAGS}/${tags.court}`,
      { _csrf: await form(tags.court), name: 'Съд <б>', slug: 'sad', kind: 'topic' },
      editor.cookie,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${TAGS}/${tags.court}?done=saved`);
    const page = await get(site, String(saved.headers.location), editor.cookie);
    expect(page.body).toContain('Промените са запазени.');
    expect(page.body).toContain('Тема „Съд &lt;б>“');
    // The old address leads to the renamed tag (content/old-addresses.ts).
    const old = await get(site, '/tema/varhoven-sad');
    expect([old.statusCode, old.headers.location]).toEqual([301, '/tema/sad']);
    const topic = await get(site, '/tema/sad');
    expect(topic.statusCode).toBe(200);
    expect(topic.body).toContain('<h1 class="listing-title">Съд &lt;б></h1>');
    expect((await get(site, '/svyat/reshenie')).body).toContain('Съд &lt;б>');
  });

  it('merges a tag into another named in any case; needs a known target and a confirmation', async () => {
    const merge = async (into: string, confirm = '1') =>
      post(
        site,
        `${TAGS}/${tags.twin}/merge`,
        { _csrf: await form(tags.twin), into, ...(confirm ? { confirm } : {}) },
        editor.cookie,
      );
    const unknown = await merge('Несъществуваща');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Няма тема с име или адрес „Несъществуваща“.');
    expect((await merge('')).body).toContain('Напишете името или адреса на темата, която остава.');
    expect((await merge('Министерският съвет')).body).toContain('Тема не може да се слее сама в себе си.');
    const unconfirmed = await merge('министерски съвет', '');
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Отбележете потвърждението, за да слеете темите.');
    const done = await merge('МИНИСТЕРСКИ СЪВЕТ');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${TAGS}/${tags.council}?done=merged`);
    const target = await get(site, String(done.headers.location), editor.cookie);
    expect(target.body).toContain('Темите са слети');
    expect(target.body).toContain('С тази тема: 2 статии.');
    expect((await get(site, `${TAGS}/${tags.twin}`, editor.cookie)).statusCode).toBe(404);
    const merged = await get(site, '/tema/ministerskiyat-savet');
    expect(merged.statusCode).toBe(301);
    expect(merged.headers.location).toMatch(/^\/tema\//);
    expect((await get(site, String(merged.headers.location))).statusCode).toBe(200);
  });

  it('deletes a tag after a confirmation; its articles stay', async () => {
    const token = await form(tags.person);
    const unconfirmed = await post(site, `${TAGS}/${tags.person}/delete`, { _csrf: token }, editor.cookie);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Отбележете потвърждението, за да изтриете темата.');
    const done = await post(
      site,
      `${TAGS}/${tags.person}/delete`,
      { _csrf: token, confirm: '1' },
      editor.cookie,
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${TAGS}?done=deleted`);
    const list = await get(site, String(done.headers.location), editor.cookie);
    expect(list.body).toContain('Темата е изтрита.');
    expect(listed(list.body)).not.toContain('Петър Кандев');
    expect((await get(site, '/svyat/zasedanie')).statusCode).toBe(200);
  });

  it('speaks English on an English site', async () => {
    const en = await createTestSite(getDb(), { PASSWORD_COST: '10', LOCALE: 'en' }, now);
    try {
      const admin = await signIn(en, 'admin', 'Ada Admin');
      const page = await get(en, `${TAGS}/${tags.council}`, admin.cookie);
      expect(page.body).toContain('Merge into another topic');
      const res = await post(
        en,
        `${TAGS}/${tags.council}`,
        { _csrf: tokenOf(page.body), name: '', slug: '', kind: 'organisation' },
        admin.cookie,
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Please enter a name.');
    } finally {
      await en.close();
    }
  });
});
