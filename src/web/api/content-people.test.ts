import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { createAuthor, createTag } from '../../content/people.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { type OpenApiChecker, openApiChecker } from './testing.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const HOUR = 3_600_000;
const V1 = '/api/v1/content';

describeEachDatabase('Content API: tags, authors and CORS', (getDb) => {
  let site: TestSite;
  let api: OpenApiChecker;
  let key: string;
  let room: Newsroom;
  let unused: { tag: number; author: number; person: number };

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, NOW);
    unused = {
      tag: await createTag(db, { slug: 'nikoga', name: 'Никога', kind: 'topic' }, NOW),
      author: await createAuthor(db, { slug: 'nov-avtor', name: 'Нов Автор' }, NOW),
      person: await createTag(db, { slug: 'иван-вазов', name: 'Иван Вазов', kind: 'person' }, NOW),
    };
    await buildArticle(db, {
      categoryId: room.categories.world,
      publishedAt: NOW - HOUR,
      tagIds: [room.tags.energy, room.tags.sofia, unused.person],
      authorIds: [room.authorId],
    });
    await buildArticle(db, {
      categoryId: room.categories.world,
      publishedAt: NOW - 2 * HOUR,
      tagIds: [room.tags.energy],
    });
    // Only on a draft: not "with published articles".
    await buildArticle(db, {
      categoryId: room.categories.world,
      publishedAt: NOW,
      status: 'draft',
      tagIds: [unused.tag],
      authorIds: [unused.author],
    });
    site = await createTestSite(getDb(), { API_CORS_ORIGINS: 'https://app.example.bg' }, NOW);
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
  const ok = async (url: string, path: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    api.check('GET', path, 200, res.json());
    return res.json();
  };

  it('lists tags with published articles, by kind, paged by cursor', async () => {
    const body = await ok(`${V1}/tags`, `${V1}/tags`);
    expect(body.tags).toEqual([
      {
        id: room.tags.energy,
        slug: 'energetika',
        name: 'Енергетика',
        kind: 'topic',
        url: 'http://localhost:3000/tema/energetika',
        article_count: 2,
      },
      expect.objectContaining({ slug: 'sofia', article_count: 1 }),
      expect.objectContaining({ slug: 'иван-вазов', kind: 'person' }),
    ]);
    expect(body.meta.next_cursor).toBeNull();
    const people = await ok(`${V1}/tags?kind=person`, `${V1}/tags`);
    expect(people.tags.map((t: { slug: string }) => t.slug)).toEqual(['иван-вазов']);
    const all = await ok(`${V1}/tags?all=true`, `${V1}/tags`);
    expect(all.tags.map((t: { id: number }) => t.id)).toContain(unused.tag);

    const seen: number[] = [];
    let page = await ok(`${V1}/tags?all=true&limit=1`, `${V1}/tags`);
    seen.push(...page.tags.map((t: { id: number }) => t.id));
    while (page.meta.next_cursor) {
      page = await ok(`${V1}/tags?all=true&limit=1&cursor=${page.meta.next_cursor}`, `${V1}/tags`);
      seen.push(...page.tags.map((t: { id: number }) => t.id));
    }
    expect(seen).toEqual(all.tags.map((t: { id: number }) => t.id));
    expect(seen).toHaveLength(4);
  });

  it('gives one tag by slug, Cyrillic too, and 404 for an unknown one', async () => {
    const body = await ok(`${V1}/tags/${encodeURIComponent('иван-вазов')}`, `${V1}/tags/{slug}`);
    expect(body.tag).toMatchObject({ name: 'Иван Вазов', article_count: 1 });
    const missing = await get(`${V1}/tags/nyama`);
    expect(missing.statusCode).toBe(404);
    api.check('GET', `${V1}/tags/{slug}`, 404, missing.json());
  });

  it('lists authors with published articles and gives one by slug', async () => {
    const body = await ok(`${V1}/authors`, `${V1}/authors`);
    expect(body.authors).toEqual([
      {
        id: room.authorId,
        slug: 'maria-ivanova',
        name: 'Мария Иванова',
        title: 'Репортер',
        bio: '',
        url: 'http://localhost:3000/avtor/maria-ivanova',
        article_count: 1,
      },
    ]);
    const all = await ok(`${V1}/authors?all=true`, `${V1}/authors`);
    expect(all.authors).toHaveLength(2);
    const one = await ok(`${V1}/authors/nov-avtor`, `${V1}/authors/{slug}`);
    expect(one.author).toMatchObject({ name: 'Нов Автор', article_count: 0 });
    expect((await get(`${V1}/authors/nyama`)).statusCode).toBe(404);
  });

  it.each([
    ['/tags?kind=animal', 'kind', '/tags'],
    ['/tags?all=yes', 'all', '/tags'],
    ['/tags?limit=101', 'limit', '/tags'],
    ['/tags?cursor=xyz', 'cursor', '/tags'],
    ['/authors?limit=0', 'limit', '/authors'],
    ['/authors?cursor=%3D%3D', 'cursor', '/authors'],
  ])('refuses %s with 400 naming %s', async (url, field, path) => {
    const res = await get(`${V1}${url}`);
    expect(res.statusCode).toBe(400);
    api.check('GET', `${V1}${path}`, 400, res.json());
    expect(res.json().error.field).toBe(field);
  });

  it('lets the configured origin call from a browser, and no other', async () => {
    const preflight = (origin: string) =>
      site.app.inject({
        method: 'OPTIONS',
        url: `${V1}/tags`,
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight('https://app.example.bg');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.bg');
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/authorization/i);
    const fromApp = await get(`${V1}/tags`, { origin: 'https://app.example.bg' });
    expect(fromApp.statusCode).toBe(200);
    expect(fromApp.headers['access-control-allow-origin']).toBe('https://app.example.bg');
    expect(String(fromApp.headers['access-control-expose-headers'])).toContain('ETag');

    const other = await preflight('https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const fromOther = await get(`${V1}/tags`, { origin: 'https://evil.example.com' });
    expect(fromOther.headers['access-control-allow-origin']).toBeUndefined();
  });
});
