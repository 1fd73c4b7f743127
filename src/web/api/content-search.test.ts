import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { indexArticles } from '../../search/index-sync.js';
import { createTestSite, type TestSite } from '../testing.js';
import { encodeCursor } from './cursor.js';
import { type OpenApiChecker, openApiChecker } from './testing.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const HOUR = 3_600_000;
const SEARCH = '/api/v1/content/search';

describeEachDatabase('Content API: search', (getDb) => {
  let site: TestSite;
  let api: OpenApiChecker;
  let key: string;
  let room: Newsroom;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, NOW);
    ids.europe = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: 'energiya',
      title: 'Енергията поскъпва в цяла Европа',
      bodyHtml: '<p>Цените на тока и газа растат, казват енергийните регулатори.</p>',
      publishedAt: NOW - 2 * HOUR,
      tagIds: [room.tags.energy],
      authorIds: [room.authorId],
    });
    ids.stadium = await buildArticle(db, {
      categoryId: room.categories.football,
      slug: 'stadion',
      title: 'Новият стадион ще пести енергия',
      bodyHtml: '<p>Соларни панели на покрива на стадиона.</p>',
      publishedAt: NOW - 30 * 24 * HOUR,
    });
    ids.draft = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: 'chernova',
      title: 'Чернова за енергия',
      status: 'draft',
      publishedAt: NOW,
    });
    for (let i = 0; i < 5; i++)
      ids[`grid${i}`] = await buildArticle(db, {
        categoryId: room.categories.world,
        slug: `mrezha-${i}`,
        title: `Електрическата мрежа издържа ${i}`,
        bodyHtml: '<p>Мрежите на страната.</p>',
        publishedAt: NOW - (10 + i) * HOUR,
      });
    await indexArticles(db, Object.values(ids));
    site = await createTestSite(getDb(), {}, NOW);
    await site.services.categories.load();
    api = await openApiChecker(site.app);
    const made = await site.services.apiKeys.create(
      { kind: 'content', name: 'Търсачка', scopes: ['content:read'], userId: null, createdBy: null },
      NOW,
    );
    if (!made.ok) throw new Error('no key');
    key = made.secret;
  });
  afterAll(() => site.close());

  const get = (query: string, headers: Record<string, string> = {}) =>
    site.app.inject({
      method: 'GET',
      url: `${SEARCH}?${query}`,
      headers: { authorization: `Bearer ${key}`, ...headers },
    });
  type Hit = {
    article: Record<string, unknown>;
    score: number;
    snippet: string;
    highlights: [number, number][];
  };
  const search = async (query: string) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    api.check('GET', SEARCH, 200, body);
    return body as {
      hits: Hit[];
      meta: {
        limit: number;
        next_cursor: string | null;
        total: number;
        total_capped: boolean;
        partial: boolean;
      };
    };
  };
  const q = (text: string, rest = '') => search(`q=${encodeURIComponent(text)}${rest}`);
  const hitIds = (body: { hits: Hit[] }) => body.hits.map((h) => h.article.id);

  it('finds Bulgarian word forms and marks them in a plain-text snippet, never drafts', async () => {
    for (const form of ['енергия', 'енергията', 'енергии']) {
      const body = await q(form);
      expect(hitIds(body).sort()).toEqual([ids.europe, ids.stadium].sort());
      expect(hitIds(body)).not.toContain(ids.draft);
    }
    const body = await q('цените на тока');
    const hit = body.hits[0] as Hit;
    expect(hit.article).toMatchObject({ id: ids.europe, url: 'http://localhost:3000/svyat/energiya' });
    expect(hit.article).not.toHaveProperty('body_html');
    expect(hit.snippet).toContain('Цените на тока и газа растат');
    expect(hit.snippet).not.toContain('<');
    const marked = hit.highlights.map(([s, e]) => hit.snippet.slice(s, e));
    expect(marked).toEqual(expect.arrayContaining(['Цените', 'тока']));
    expect(body.meta).toMatchObject({ total: 1, total_capped: false, partial: false, next_cursor: null });
  });

  it('filters by section, topic, author and dates, and sorts by date', async () => {
    expect(hitIds(await q('енергия', '&category=sport'))).toEqual([ids.stadium]);
    expect(hitIds(await q('енергия', '&tag=energetika'))).toEqual([ids.europe]);
    expect(hitIds(await q('енергия', '&author=maria-ivanova'))).toEqual([ids.europe]);
    expect(hitIds(await q('енергия', '&from=2026-11-20&to=2026-11-25'))).toEqual([ids.europe]);
    expect(hitIds(await q('енергия', '&to=2026-11-20'))).toEqual([ids.stadium]);
    expect(hitIds(await q('енергия', '&sort=date'))).toEqual([ids.europe, ids.stadium]);
  });

  it('pages by cursor through every hit once', async () => {
    const seen: unknown[] = [];
    let body = await q('мрежа', '&limit=2&sort=date');
    expect(body.meta.total).toBe(5);
    seen.push(...hitIds(body));
    while (body.meta.next_cursor) {
      body = await q('мрежа', `&limit=2&sort=date&cursor=${body.meta.next_cursor}`);
      seen.push(...hitIds(body));
    }
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => ids[`grid${i}`]));
  });

  it('answers words too common to search for with no hits, and repeats with 304', async () => {
    const body = await q('и на от');
    expect(body.hits).toEqual([]);
    const first = await get('q=енергия');
    const again = await get('q=енергия', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it.each([
    ['', 'q'],
    ['q=+++', 'q'],
    ['q=енергия&category=nyama', 'category'],
    ['q=енергия&tag=nyama', 'tag'],
    ['q=енергия&author=nyama', 'author'],
    ['q=енергия&from=25.11.2026', 'from'],
    ['q=енергия&from=2026-11-25&to=2026-11-01', 'to'],
    ['q=енергия&sort=random', 'sort'],
    ['q=енергия&limit=0', 'limit'],
    ['q=енергия&limit=1000', 'limit'],
    ['q=енергия&cursor=abc', 'cursor'],
    [`q=енергия&cursor=${encodeCursor('search', [1000])}`, 'cursor'],
    [`q=енергия&cursor=${encodeCursor('articles', [NOW, 1])}`, 'cursor'],
  ])('refuses "%s" with 400 naming %s', async (query, field) => {
    const res = await get(encodeURI(query));
    expect(res.statusCode).toBe(400);
    api.check('GET', SEARCH, 400, res.json());
    expect(res.json().error.field).toBe(field);
  });

  it('refuses a request without a key', async () => {
    const res = await site.app.inject({ method: 'GET', url: `${SEARCH}?q=x` });
    expect(res.statusCode).toBe(401);
    api.check('GET', SEARCH, 401, res.json());
  });
});
