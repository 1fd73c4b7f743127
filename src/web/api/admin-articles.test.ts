import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { listRevisions } from '../../newsroom/revisions.js';
import { createTestSite, type TestSite } from '../testing.js';
import { call, staffWithToken, type TokenHolder } from './admin-testing.js';
import { type OpenApiChecker, openApiChecker } from './testing.js';

const ONE = '/api/v1/admin/articles/{id}';
const MANY = '/api/v1/admin/articles';

describeEachDatabase('Admin API: articles', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let api: OpenApiChecker;
  let room: Newsroom;
  let editor: TokenHolder;

  beforeAll(async () => {
    room = await buildNewsroom(getDb().db, now);
    site = await createTestSite(getDb(), { PAGE_CACHE: 'off' }, now);
    await site.services.categories.load();
    api = await openApiChecker(site.app);
    editor = await staffWithToken(site, 'editor', 'Елена Редакторова');
  });
  afterAll(() => site.close());

  const create = (body: unknown, token = editor.token, headers: Record<string, string> = {}) =>
    call(site, token, 'POST', '/articles', body, headers);

  it('creates a draft as the editor would: sanitized, typeset, slugged, tagged, with the own byline', async () => {
    const res = await create({
      title: 'Кметът каза "не" на новия паркинг',
      lead: 'Решението е окончателно.',
      body_html: '<p onclick="x()">Първи абзац с "кавички".</p><script>alert(1)</script>',
      category: 'svyat',
      tags: ['Енергетика', 'Нов паркинг'],
      seo_title: 'Паркингът',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    api.check('POST', MANY, 201, a);
    expect(res.headers.location).toBe(`http://localhost:3000/api/v1/admin/articles/${a.id}`);
    expect(a).toMatchObject({
      status: 'draft',
      version: 1,
      title: 'Кметът каза „не“ на новия паркинг',
      slug: 'kmetat-kaza-ne-na-novia-parking',
      category: { id: room.categories.world, slug: 'svyat', name: 'Свят' },
      seo_title: 'Паркингът',
      owner_id: editor.actor.id,
      published_at: null,
      preview_url: null,
      url: 'http://localhost:3000/svyat/kmetat-kaza-ne-na-novia-parking',
    });
    expect(a.body_html).toBe('<p>Първи абзац с „кавички“.</p>');
    expect(a.tags).toEqual(['Енергетика', 'Нов паркинг']);
    expect(a.authors).toEqual([{ id: expect.any(Number), name: 'Елена Редакторова' }]);
    const created = await site.services.db
      .selectFrom('tags')
      .select('slug')
      .where('name', '=', 'Нов паркинг')
      .executeTakeFirst();
    expect(created?.slug).toBe('nov-parking');
    const [revision] = await listRevisions(site.services.db, a.id);
    expect(revision?.userName).toBe('Елена Редакторова (API: CMS)');

    const read = await call(site, editor.token, 'GET', `/articles/${a.id}`);
    expect(read.statusCode).toBe(200);
    api.check('GET', ONE, 200, read.json());
    expect(read.json()).toEqual(a);
  });

  it('takes a section by id, chosen authors and a slug', async () => {
    const res = await create({
      title: 'Мач',
      category: room.categories.sport,
      authors: [room.authorId],
      slug: 'mach-na-godinata',
      breaking: true,
      comments_who: 'registered',
      comments_close_days: 7,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      slug: 'mach-na-godinata',
      authors: [{ id: room.authorId, name: 'Мария Иванова' }],
      breaking: true,
      comments_who: 'registered',
      comments_moderation: null,
      comments_close_days: 7,
    });
  });

  it('updates only the fields sent, and refuses a stale version with 409 and the current one', async () => {
    const made = (
      await create({ title: 'Първо заглавие', lead: 'Резюме', category: 'svyat', tags: ['София'] })
    ).json();
    const res = await call(site, editor.token, 'PATCH', `/articles/${made.id}`, {
      version: 1,
      title: 'Второ заглавие',
    });
    expect(res.statusCode).toBe(200);
    api.check('PATCH', ONE, 200, res.json());
    expect(res.json()).toMatchObject({
      version: 2,
      title: 'Второ заглавие',
      lead: 'Резюме',
      tags: ['София'],
      slug: made.slug,
      authors: made.authors,
    });

    const stale = await call(site, editor.token, 'PATCH', `/articles/${made.id}`, {
      version: 1,
      lead: 'Презаписване',
    });
    expect(stale.statusCode).toBe(409);
    api.check('PATCH', ONE, 409, stale.json());
    expect(stale.json().error).toMatchObject({ field: 'version', current_version: 2 });
    const stored = await call(site, editor.token, 'GET', `/articles/${made.id}`);
    expect(stored.json()).toMatchObject({ version: 2, lead: 'Резюме' });

    const cleared = await call(site, editor.token, 'PATCH', `/articles/${made.id}`, {
      version: 2,
      tags: [],
      lead: '',
    });
    expect(cleared.json()).toMatchObject({ version: 3, tags: [], lead: '' });
  });

  it('names the field of every bad value: 400 for the shape, 422 for the content', async () => {
    const cases: [unknown, number, string][] = [
      [{ category: 'svyat' }, 400, 'title'],
      [{ title: 'А', category: 'svyat', colour: 'red' }, 400, 'colour'],
      [{ title: 5, category: 'svyat' }, 400, 'title'],
      [{ title: 'А', category: 'svyat', breaking: 'true' }, 400, 'breaking'],
      [{ title: 'А', category: 'svyat', tags: ['a,b'] }, 400, 'tags.0'],
      [{ title: 'А', category: 'svyat', authors: [99_999_999_999] }, 400, 'authors.0'],
      [{ title: '   ', category: 'svyat' }, 422, 'title'],
      [{ title: 'А'.repeat(201), category: 'svyat' }, 422, 'title'],
      [{ title: 'А', category: 'nyama-takav' }, 422, 'category'],
      [{ title: 'А', category: 4242 }, 422, 'category'],
      [{ title: 'А', category: 'svyat', authors: [4242] }, 422, 'authors'],
      [{ title: 'А', category: 'svyat', cover_media_id: 4242 }, 422, 'cover_media_id'],
      [{ title: 'А', category: 'svyat', slug: 'Лош Адрес' }, 422, 'slug'],
      [{ title: 'А', category: 'svyat', comments_close_days: 0 }, 422, 'comments_close_days'],
    ];
    for (const [body, status, field] of cases) {
      const res = await create(body);
      expect({ body, status: res.statusCode }).toEqual({ body, status });
      api.check('POST', MANY, status, res.json());
      expect(res.json().error.field).toBe(field);
    }
    const unknown = await create({ title: 'А', category: 'svyat', colour: 'red' }, editor.token, {
      'accept-language': 'en',
    });
    expect(unknown.json().error).toMatchObject({ code: 'unknown-field', message: 'Unknown fields: colour.' });
    const patchUnknown = await call(site, editor.token, 'PATCH', '/articles/1', { version: 1, status: 'x' });
    expect(patchUnknown.statusCode).toBe(400);
    expect(patchUnknown.json().error.field).toBe('status');
    const noVersion = await call(site, editor.token, 'PATCH', '/articles/1', { title: 'Б' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.field).toBe('version');
  });

  it('takes a long article body, and refuses one beyond the editor’s limits', async () => {
    const long = `<p>${'Дълъг текст на разследването. '.repeat(12_000)}</p>`;
    const ok = await create({ title: 'Разследване', category: 'svyat', body_html: long });
    expect(ok.statusCode).toBe(201);
    const tooLong = await create({ title: 'Разследване', category: 'svyat', body_html: `${long}${long}` });
    expect(tooLong.statusCode).toBe(422);
    api.check('POST', MANY, 422, tooLong.json());
    expect(tooLong.json().error.field).toBe('body_html');
    const tooBig = await create({ title: 'Разследване', category: 'svyat', body_html: long.repeat(4) });
    expect(tooBig.statusCode).toBe(413);
    api.check('POST', MANY, 413, tooBig.json());
  });

  it('offers a free slug when the one asked for is taken', async () => {
    const first = await create({ title: 'Едно', category: 'svyat', slug: 'zaet-adres' });
    expect(first.statusCode).toBe(201);
    const again = await create({ title: 'Друго', category: 'svyat', slug: 'zaet-adres' });
    expect(again.statusCode).toBe(422);
    api.check('POST', MANY, 422, again.json());
    expect(again.json().error).toMatchObject({ field: 'slug', code: 'slug-taken' });
    expect(again.json().error.message).toContain('zaet-adres-2');
  });

  it('keeps to the role matrix and the token’s kind and scopes', async () => {
    const author = await staffWithToken(site, 'author', 'Ася Авторова');
    const other = await staffWithToken(site, 'author', 'Борис Авторов');
    const moderator = await staffWithToken(site, 'moderator', 'Мира Модераторова');
    const readOnly = await staffWithToken(site, 'editor', 'Ема Редакторова', ['media:write']);
    const mine = (await create({ title: 'Моя статия', category: 'svyat' }, author.token)).json();

    const foreign = await call(site, other.token, 'GET', `/articles/${mine.id}`);
    expect(foreign.statusCode).toBe(403);
    api.check('GET', ONE, 403, foreign.json());
    const overwrite = await call(site, other.token, 'PATCH', `/articles/${mine.id}`, {
      version: 1,
      title: 'Х',
    });
    expect(overwrite.statusCode).toBe(403);
    expect((await call(site, editor.token, 'GET', `/articles/${mine.id}`)).statusCode).toBe(200);

    const modCreate = await create({ title: 'Не', category: 'svyat' }, moderator.token);
    expect(modCreate.statusCode).toBe(403);
    const noScope = await create({ title: 'Не', category: 'svyat' }, readOnly.token, {
      'accept-language': 'en',
    });
    expect(noScope.statusCode).toBe(403);
    api.check('POST', MANY, 403, noScope.json());
    expect(noScope.json().error.message).toBe('The key lacks the scope "articles:write".');

    const key = await site.services.apiKeys.create(
      { kind: 'content', name: 'Сайт', scopes: ['content:read'], userId: null, createdBy: null },
      now,
    );
    if (!key.ok) throw new Error('no key');
    const contentKey = await create({ title: 'Не', category: 'svyat' }, key.secret);
    expect(contentKey.statusCode).toBe(403);
    api.check('POST', MANY, 403, contentKey.json());
    const unknown = await create({ title: 'Не', category: 'svyat' }, 'vk_admin_no-such-token');
    expect(unknown.statusCode).toBe(401);
    api.check('POST', MANY, 401, unknown.json());
    const missing = await call(site, editor.token, 'GET', '/articles/999999');
    expect(missing.statusCode).toBe(404);
    api.check('GET', ONE, 404, missing.json());
  });

  it('documents the Admin API in the OpenAPI document', () => {
    const paths = api.doc.paths as Record<string, Record<string, { tags?: string[]; security?: unknown }>>;
    for (const [path, method] of [
      [MANY, 'post'],
      [ONE, 'get'],
      [ONE, 'patch'],
      ['/api/v1/admin/articles/{id}/publish', 'post'],
      ['/api/v1/admin/articles/{id}/unpublish', 'post'],
      ['/api/v1/admin/media', 'post'],
    ] as const) {
      expect(paths[path]?.[method]).toMatchObject({ tags: ['Admin'], security: [{ adminToken: [] }] });
    }
  });
});
