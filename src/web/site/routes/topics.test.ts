// The public index of topics (/temi) and a topic's page (/tema/:slug) with its way back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../../content/factories.js';
import { createTag } from '../../../content/people.js';
import { describeEachDatabase } from '../../../db/testing.js';
import { get, post, signIn, tokenOf } from '../../admin/testing.js';
import { createTestSite, type TestSite } from '../../testing.js';

const HOUR = 3_600_000;
/** [group heading, [name, count text]…] as the index shows them. */
function groups(html: string) {
  const out: [string, string[]][] = [];
  for (const section of html.split('<section class="topics-group"').slice(1)) {
    const heading = /<h2[^>]*>([^<]*?) <span/.exec(section)?.[1] ?? '';
    const items = [
      ...section.matchAll(/<li><a href="[^"]*">([^<]*)<\/a> <span class="muted">([^<]*)<\/span>/g),
    ];
    out.push([heading, items.map((m) => `${m[1]} (${m[2]})`)]);
  }
  return out;
}

describeEachDatabase('the index of topics and a topic’s page', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let room: Newsroom;
  const tags = { person: 0, org: 0, orgLower: 0, draftOnly: 0, future: 0, unused: 0 };

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    const make = (slug: string, name: string, kind: 'person' | 'organisation' | 'topic') =>
      createTag(db, { slug, name, kind }, now);
    tags.person = await make('vesela-drenska', 'Весела <Дренска>', 'person');
    tags.org = await make('narodno-sabranie', 'Народно събрание', 'organisation');
    tags.orgLower = await make('bnb', 'агенция „Митници“', 'organisation');
    tags.draftOnly = await make('samo-chernova', 'Само в чернова', 'topic');
    tags.future = await make('utre', 'Утрешна тема', 'topic');
    tags.unused = await make('nikade', 'Никъде', 'topic');
    const world = room.categories.world;
    const at = (hours: number) => now - hours * HOUR;
    await buildArticle(db, {
      categoryId: world,
      publishedAt: at(3),
      tagIds: [tags.person, tags.org, room.tags.sofia],
    });
    await buildArticle(db, { categoryId: world, publishedAt: at(2), tagIds: [tags.org, tags.orgLower] });
    await buildArticle(db, {
      categoryId: world,
      publishedAt: at(1),
      tagIds: [tags.draftOnly],
      status: 'draft',
    });
    await buildArticle(db, { categoryId: world, publishedAt: now + 5 * HOUR, tagIds: [tags.future] });
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    await site.services.categories.load();
  });
  afterAll(async () => site.close());

  it('groups the topics with published articles by kind, in alphabetical order, with counts', async () => {
    const page = await get(site, '/temi');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Теми – Вестник</title>');
    expect(page.body).toContain('<h1 class="listing-title">Теми</h1>');
    expect(groups(page.body)).toEqual([
      ['Личности', ['Весела &lt;Дренска> (1 статия)']],
      ['Места', ['София (1 статия)']],
      ['Организации', ['агенция „Митници“ (1 статия)', 'Народно събрание (2 статии)']],
    ]);
    expect(page.body).not.toContain('Само в чернова');
    expect(page.body).not.toContain('Утрешна тема');
    expect(page.body).not.toContain('Никъде');
    expect(page.body).not.toContain('Енергетика');
    expect(page.body).toContain('href="/tema/narodno-sabranie"');
    expect(page.body).toContain('<a href="#lichnosti">Личности</a>');
    expect(page.headers['cache-control']).toContain('public');
  });

  it('shows the kind on a topic’s page and leads back to the index', async () => {
    const page = await get(site, '/tema/narodno-sabranie');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Народно събрание – Вестник</title>');
    expect(page.body).toMatch(
      /<nav class="breadcrumb" aria-label="[^"]+"><ol><li><a href="\/">Начало<\/a><\/li><li><a href="\/temi">Теми<\/a><\/li><\/ol><\/nav>/,
    );
    expect(page.body).toContain('<p class="kicker"><a href="/temi#organizatsii">Организация</a></p>');
    expect(page.body).toContain('content="Организация: Народно събрание. 2 статии."');
    const person = await get(site, '/tema/vesela-drenska');
    expect(person.body).toContain('<a href="/temi#lichnosti">Личност</a>');
    expect(person.body).toContain('<h1 class="listing-title">Весела &lt;Дренска></h1>');
    expect((await get(site, '/tema/nyama-takava')).statusCode).toBe(404);
    expect((await get(site, '/tema/narodno-sabranie?page=2')).statusCode).toBe(404);
  });

  it('is refreshed when a tag is changed in the tag manager', async () => {
    expect((await get(site, '/temi')).body).toContain('Народно събрание'); // cached now
    const editor = await signIn(site, 'editor', 'Елена Редакторова');
    const form = await get(site, `/admin/tags/${tags.org}`, editor.cookie);
    const saved = await post(
      site,
      `/admin/tags/${tags.org}`,
      { _csrf: tokenOf(form.body), name: 'Парламент', slug: 'parlament', kind: 'organisation' },
      editor.cookie,
    );
    expect(saved.statusCode).toBe(303);
    const page = await get(site, '/temi');
    expect(page.body).not.toContain('Народно събрание');
    expect(groups(page.body)[2]).toEqual([
      'Организации',
      ['агенция „Митници“ (1 статия)', 'Парламент (2 статии)'],
    ]);
  });

  it('speaks English on an English site', async () => {
    const en = await createTestSite(getDb(), { LOCALE: 'en' }, now);
    try {
      const page = await get(en, '/temi');
      expect(page.body).toContain('<title>Topics – Vestnik</title>');
      expect(groups(page.body).map(([heading]) => heading)).toEqual(['People', 'Places', 'Organisations']);
      expect((await get(en, '/tema/vesela-drenska')).body).toContain('<a href="/temi#lichnosti">Person</a>');
    } finally {
      await en.close();
    }
  });
});
