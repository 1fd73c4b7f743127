import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { encodeCursor } from './cursor.js';
import { type OpenApiChecker, openApiChecker } from './testing.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const HOUR = 3_600_000;
const LIST = '/api/v1/content/articles';

describeEachDatabase('Content API: articles', (getDb) => {
  let site: TestSite;
  let api: OpenApiChecker;
  let key: string;
  let room: Newsroom;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, NOW);
    const a = (name: string, spec: Parameters<typeof buildArticle>[1]) =>
      buildArticle(db, spec).then((id) => {
        ids[name] = id;
      });
    // Published one per hour before NOW, oldest first: world, football, world, sport, …
    await a('energy', {
      categoryId: room.categories.world,
      slug: 'energiya',
      title: 'Енергията поскъпва',
      publishedAt: NOW - 6 * HOUR,
      tagIds: [room.tags.energy, room.tags.sofia],
      authorIds: [room.authorId],
      bodyHtml: '<p>Цените растат.</p>',
    });
    await a('match', { categoryId: room.categories.football, slug: 'mach', publishedAt: NOW - 5 * HOUR });
    await a('cyrillic', {
      categoryId: room.categories.world,
      slug: 'жълт-код-за-вятър',
      title: 'Жълт код за вятър',
      publishedAt: NOW - 4 * HOUR,
    });
    await a('sport', { categoryId: room.categories.sport, slug: 'sport-1', publishedAt: NOW - 3 * HOUR });
    await a('breaking', {
      categoryId: room.categories.world,
      slug: 'izvanredno',
      publishedAt: NOW - 2 * HOUR,
    });
    await a('sameTime', {
      categoryId: room.categories.world,
      slug: 'sashto-vreme',
      publishedAt: NOW - 2 * HOUR,
    });
    await a('draft', {
      categoryId: room.categories.world,
      slug: 'chernova',
      publishedAt: NOW,
      status: 'draft',
    });
    await a('future', { categoryId: room.categories.world, slug: 'badeshta', publishedAt: NOW + 2 * HOUR });
    await a('unpublished', { categoryId: room.categories.world, slug: 'svalena', publishedAt: NOW - HOUR });
    await db
      .updateTable('articles')
      .set({ status: 'unpublished' })
      .where('id', '=', ids.unpublished as number)
      .execute();
    await db
      .updateTable('articles')
      .set({ status: 'scheduled', published_at: null, scheduled_at: NOW + HOUR })
      .where('id', '=', ids.future as number)
      .execute();
    await db
      .updateTable('articles')
      .set({ breaking: 1 })
      .where('id', '=', ids.breaking as number)
      .execute();
    await db
      .updateTable('articles')
      .set({ updated_at: NOW - 30 * 60_000 })
      .where('id', '=', ids.match as number)
      .execute();
    const media = await db
      .insertInto('media')
      .values({
        storage_key: '2026/11/vyatar',
        original_name: 'vyatar.jpg',
        source_format: 'jpeg',
        width: 1600,
        height: 900,
        bytes: 1000,
        alt: 'Вятър',
        caption: '',
        credit: '',
        variant_widths: '[480,960]',
        search_text: '',
        created_by: null,
        created_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('articles')
      .set({
        cover_media_id: media.id,
        cover_url: '/media/2026/11/vyatar/960.jpg',
        cover_alt: 'Дървета на вятъра',
        cover_caption: 'Бурята над София',
        cover_credit: 'БТА',
      })
      .where('id', '=', ids.cyrillic as number)
      .execute();
    site = await createTestSite(getDb(), {}, NOW);
    await site.services.categories.load();
    api = await openApiChecker(site.app);
    const made = await site.services.apiKeys.create(
      { kind: 'content', name: 'Приложение', scopes: ['content:read'], userId: null, createdBy: null },
      NOW,
    );
    if (!made.ok) throw new Error('no key');
    key = made.secret;
  });
  afterAll(() => site.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}`, ...headers } });
  const list = async (query = '') => {
    const res = await get(`${LIST}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    api.check('GET', LIST, 200, body);
    return body as {
      articles: Record<string, unknown>[];
      meta: { limit: number; next_cursor: string | null };
    };
  };
  const listIds = async (query = '') => (await list(query)).articles.map((a) => a.id);
  const refused = async (query: string, field: string, path = LIST) => {
    const url = `${LIST}${query}`;
    const res = await get(url);
    expect(res.statusCode, url).toBe(400);
    const body = res.json();
    api.check('GET', path, 400, body);
    expect(body.error.field, url).toBe(field);
    return body.error.message as string;
  };

  it('lists published articles newest first with every field but the body', async () => {
    const body = await list();
    expect(body.articles.map((a) => a.id)).toEqual([
      ids.sameTime,
      ids.breaking,
      ids.sport,
      ids.cyrillic,
      ids.match,
      ids.energy,
    ]);
    expect(body.meta).toEqual({ limit: 20, next_cursor: null });
    const energy = body.articles.find((a) => a.id === ids.energy);
    expect(energy).toEqual({
      id: ids.energy,
      slug: 'energiya',
      url: 'http://localhost:3000/svyat/energiya',
      title: 'Енергията поскъпва',
      lead: expect.any(String),
      published_at: new Date(NOW - 6 * HOUR).toISOString(),
      updated_at: new Date(NOW - 6 * HOUR).toISOString(),
      category: { id: room.categories.world, slug: 'svyat', name: 'Свят' },
      authors: [
        {
          id: room.authorId,
          slug: 'maria-ivanova',
          name: 'Мария Иванова',
          url: 'http://localhost:3000/avtor/maria-ivanova',
        },
      ],
      tags: [
        { id: room.tags.energy, slug: 'energetika', name: 'Енергетика', kind: 'topic' },
        { id: room.tags.sofia, slug: 'sofia', name: 'София', kind: 'place' },
      ],
      cover: null,
      breaking: false,
      comment_count: 0,
    });
    const cyrillic = body.articles.find((a) => a.id === ids.cyrillic);
    expect(cyrillic?.url).toBe(`http://localhost:3000/svyat/${encodeURIComponent('жълт-код-за-вятър')}`);
    expect(cyrillic?.cover).toEqual({
      url: 'http://localhost:3000/media/2026/11/vyatar/960.jpg',
      alt: 'Дървета на вятъра',
      caption: 'Бурята над София',
      credit: 'БТА',
      width: 1600,
      height: 900,
    });
  });

  it('filters by section (with subsections), topic, author, dates, changes and breaking news', async () => {
    expect(await listIds('?category=sport')).toEqual([ids.sport, ids.match]);
    expect(await listIds('?category=futbol')).toEqual([ids.match]);
    expect(await listIds('?tag=sofia')).toEqual([ids.energy]);
    expect(await listIds('?author=maria-ivanova')).toEqual([ids.energy]);
    expect(await listIds('?breaking=true')).toEqual([ids.breaking]);
    expect(await listIds('?breaking=false')).not.toContain(ids.breaking);
    // 10:00 UTC is 12:00 in Sofia: 4 h before is 08:00 Sofia time on the 25th.
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect(await listIds(`?since=${at(NOW - 3 * HOUR)}`)).toEqual([ids.sameTime, ids.breaking, ids.sport]);
    expect(await listIds(`?until=${at(NOW - 5 * HOUR)}`)).toEqual([ids.match, ids.energy]);
    expect(await listIds(`?since=${at(NOW - 5 * HOUR)}&until=${at(NOW - 4 * HOUR)}`)).toEqual([
      ids.cyrillic,
      ids.match,
    ]);
    expect(await listIds('?since=2026-11-25&until=2026-11-25')).toHaveLength(6);
    expect(await listIds('?until=2026-11-24')).toEqual([]);
    expect(await listIds('?since=2026-11-25T08:00:00%2B02:00')).toEqual([
      ids.sameTime,
      ids.breaking,
      ids.sport,
      ids.cyrillic,
    ]);
    expect(await listIds(`?updated_since=${at(NOW - 45 * 60_000)}`)).toEqual([ids.match]);
  });

  it('pages by cursor with no repeats or gaps while an article is published between pages', async () => {
    const seen: unknown[] = [];
    let body = await list('?limit=2');
    seen.push(...body.articles.map((a) => a.id));
    const fresh = await buildArticle(getDb().db, {
      categoryId: room.categories.world,
      slug: 'nova-mezhdu-stranitsite',
      publishedAt: NOW,
    });
    let pages = 1;
    while (body.meta.next_cursor) {
      body = await list(`?limit=2&cursor=${body.meta.next_cursor}`);
      seen.push(...body.articles.map((a) => a.id));
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([ids.sameTime, ids.breaking, ids.sport, ids.cyrillic, ids.match, ids.energy]);
    // The next client starting afresh sees the new one first.
    expect((await listIds('?limit=1'))[0]).toBe(fresh);
    await getDb().db.deleteFrom('articles').where('id', '=', fresh).execute();
  });

  it('sends only the fields asked for, and the body only when asked', async () => {
    const body = await list('?fields=id,title&limit=1');
    expect(body.articles).toEqual([{ id: ids.sameTime, title: expect.any(String) }]);
    const withBody = await list('?fields=id,body_html&tag=energetika');
    expect(withBody.articles).toEqual([{ id: ids.energy, body_html: '<p>Цените растат.</p>' }]);
    const one = await get(`${LIST}/${ids.energy}?fields=title,url`);
    api.check('GET', `${LIST}/{id}`, 200, one.json());
    expect(one.json()).toEqual({
      article: { title: 'Енергията поскъпва', url: 'http://localhost:3000/svyat/energiya' },
    });
    const message = await refused('?fields=id,teaser,words', 'fields');
    expect(message).toContain('teaser, words');
  });

  it('gives one article by id and by slug, Cyrillic too, with its body', async () => {
    const byId = await get(`${LIST}/${ids.energy}`);
    expect(byId.statusCode).toBe(200);
    api.check('GET', `${LIST}/{id}`, 200, byId.json());
    expect(byId.json().article.body_html).toBe('<p>Цените растат.</p>');
    const bySlug = await get(`${LIST}/slug/${encodeURIComponent('жълт-код-за-вятър')}`);
    expect(bySlug.statusCode).toBe(200);
    api.check('GET', `${LIST}/slug/{slug}`, 200, bySlug.json());
    expect(bySlug.json().article).toMatchObject({ id: ids.cyrillic, title: 'Жълт код за вятър' });
    // Decomposed (NFD) spelling of the same slug finds it too.
    const nfd = encodeURIComponent('жълт-код-за-вятър'.normalize('NFD'));
    expect((await get(`${LIST}/slug/${nfd}`)).statusCode).toBe(200);
  });

  it('never shows drafts, scheduled, future or unpublished articles', async () => {
    const listed = await listIds('?limit=100');
    for (const hidden of ['draft', 'future', 'unpublished']) {
      expect(listed).not.toContain(ids[hidden]);
      const byId = await get(`${LIST}/${ids[hidden]}`);
      expect(byId.statusCode).toBe(404);
      api.check('GET', `${LIST}/{id}`, 404, byId.json());
    }
    for (const slug of ['chernova', 'badeshta', 'svalena', 'nyama-takava'])
      expect((await get(`${LIST}/slug/${slug}`)).statusCode).toBe(404);
  });

  it('answers a repeat with 304 through its ETag, and a change with a new ETag', async () => {
    const first = await get(`${LIST}?category=sport`);
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toBe('private, max-age=0, must-revalidate');
    expect((await get(`${LIST}?category=sport`, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(`${LIST}/${ids.sport}`, { 'if-none-match': etag })).statusCode).toBe(200);
    await getDb()
      .db.updateTable('articles')
      .set({ title: 'Нов заглавие' })
      .where('id', '=', ids.sport as number)
      .execute();
    const changed = await get(`${LIST}?category=sport`, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('refuses bad input with 400 naming the parameter', async () => {
    await refused('?limit=0', 'limit');
    await refused('?limit=1000', 'limit');
    await refused('?limit=abc', 'limit');
    await refused('?breaking=maybe', 'breaking');
    expect(await refused('?since=25.11.2026', 'since')).toContain('ГГГГ-ММ-ДД');
    await refused('?since=2026-02-30', 'since');
    await refused('?until=2026-11-25T25:00:00Z', 'until');
    await refused('?since=2026-11-25T10:00:00', 'since');
    await refused('?updated_since=yesterday', 'updated_since');
    await refused('?since=2026-11-25&until=2026-11-01', 'until');
    expect(await refused('?category=nyama', 'category')).toBe('Няма раздел с адрес „nyama“.');
    await refused('?tag=nyama', 'tag');
    await refused('?author=nyama', 'author');
    await refused('?cursor=nonsense!', 'cursor');
    await refused(`?cursor=${encodeCursor('tags', [5])}`, 'cursor');
    const good = encodeCursor('articles', [NOW, 5]);
    await refused(`?cursor=${good}A`, 'cursor');
    await refused(`?cursor=${Buffer.from(`articles:${NOW}.5.1`).toString('base64url')}`, 'cursor');
    await refused(`?cursor=${Buffer.from('articles:-1.5').toString('base64url')}`, 'cursor');
    await refused('/abc', 'id', `${LIST}/{id}`);
    expect(await refused('?categry=politika', 'categry')).toBe('Непознат параметър „categry“.');
    const en = await get(`${LIST}?limit=0`, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Invalid value of "limit".');
  });

  it('documents every Content API parameter and both kinds of key', async () => {
    const doc = api.doc as {
      paths: Record<string, Record<string, { parameters?: { name: string; description?: string }[] }>>;
      components: { securitySchemes: Record<string, { description?: string }> };
    };
    const content = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/content/'));
    expect(content.length).toBeGreaterThanOrEqual(9);
    for (const [path, ops] of content)
      for (const op of Object.values(ops))
        for (const p of op.parameters ?? []) expect(p.description, `${path} ${p.name}`).toBeTruthy();
    for (const scheme of ['contentKey', 'contentKeyQuery', 'adminToken'])
      expect(doc.components.securitySchemes[scheme]?.description).toBeTruthy();
  });

  it('refuses a missing key with 401 and an admin token with 403', async () => {
    const none = await site.app.inject({ method: 'GET', url: LIST });
    expect(none.statusCode).toBe(401);
    api.check('GET', LIST, 401, none.json());
    const user = await site.services.accounts.addUser(
      { email: 'ed-api@example.bg', displayName: 'Ед', password: 'дълга-парола-123', role: 'editor' },
      NOW,
    );
    if (!user.ok) throw new Error('no user');
    const token = await site.services.apiKeys.create(
      { kind: 'admin', name: 'CMS', scopes: ['articles:write'], userId: user.userId, createdBy: null },
      NOW,
    );
    if (!token.ok) throw new Error('no token');
    const wrong = await site.app.inject({
      method: 'GET',
      url: `${LIST}/${ids.energy}`,
      headers: { authorization: `Bearer ${token.secret}` },
    });
    expect(wrong.statusCode).toBe(403);
    api.check('GET', `${LIST}/{id}`, 403, wrong.json());
  });
});
