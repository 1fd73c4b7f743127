import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import type { ContentEvent } from '../../infra/events.js';
import { listRevisions } from '../../newsroom/revisions.js';
import { createTestSite, type TestSite } from '../testing.js';
import { call, staffWithToken, type TokenHolder } from './admin-testing.js';
import { type OpenApiChecker, openApiChecker } from './testing.js';

const ONE = '/api/v1/admin/articles/{id}';
const PUBLISH = '/api/v1/admin/articles/{id}/publish';
const UNPUBLISH = '/api/v1/admin/articles/{id}/unpublish';
const HOUR = 3_600_000;

describeEachDatabase('Admin API: publishing', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let api: OpenApiChecker;
  let editor: TokenHolder;
  let contentKey: string;
  let events: ContentEvent[];

  beforeAll(async () => {
    await buildNewsroom(getDb().db, now);
    site = await createTestSite(getDb(), { PAGE_CACHE: 'on' }, now);
    await site.services.categories.load();
    api = await openApiChecker(site.app);
    editor = await staffWithToken(site, 'editor', 'Елена Редакторова');
    const key = await site.services.apiKeys.create(
      { kind: 'content', name: 'Приложение', scopes: ['content:read'], userId: null, createdBy: null },
      now,
    );
    if (!key.ok) throw new Error('no key');
    contentKey = key.secret;
    site.services.events.on((event) => {
      events.push(event);
    });
  });
  beforeEach(() => {
    events = [];
  });
  afterAll(() => site.close());

  async function draft(holder: TokenHolder, title: string): Promise<{ id: number; url: string }> {
    const res = await call(site, holder.token, 'POST', '/articles', { title, category: 'svyat' });
    expect(res.statusCode).toBe(201);
    return res.json();
  }
  const page = (url: string) => site.app.inject({ method: 'GET', url: new URL(url).pathname });
  const contentApi = (id: number) =>
    site.app.inject({
      method: 'GET',
      url: `/api/v1/content/articles/${id}`,
      headers: { authorization: `Bearer ${contentKey}` },
    });

  it('publishes, updates and unpublishes: the site, the Content API and the listeners follow', async () => {
    const a = await draft(editor, 'Новият мост е отворен');
    const path = new URL(a.url).pathname;
    expect((await page(a.url)).statusCode).toBe(404);
    expect((await contentApi(a.id)).statusCode).toBe(404);

    const published = await call(site, editor.token, 'POST', `/articles/${a.id}/publish`);
    expect(published.statusCode).toBe(200);
    api.check('POST', PUBLISH, 200, published.json());
    expect(published.json()).toMatchObject({
      status: 'published',
      published_at: new Date(now).toISOString(),
    });
    expect(events).toEqual([{ type: 'article.published', articleId: a.id }]);
    const shown = await page(a.url);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Новият мост е отворен');
    expect(site.services.pageCache.get(path)).toBeDefined();
    const viaContent = await contentApi(a.id);
    expect(viaContent.statusCode).toBe(200);
    api.check('GET', '/api/v1/content/articles/{id}', 200, viaContent.json());
    expect(viaContent.json().article.title).toBe('Новият мост е отворен');

    const version = published.json().version;
    const patched = await call(site, editor.token, 'PATCH', `/articles/${a.id}`, {
      version,
      title: 'Новият мост е отворен за коли',
    });
    expect(patched.statusCode).toBe(200);
    api.check('PATCH', ONE, 200, patched.json());
    expect(events.at(-1)).toEqual({ type: 'article.updated', articleId: a.id });
    // The cached page is dropped, so readers get the new title at once.
    expect(site.services.pageCache.get(path)).toBeUndefined();
    expect((await page(a.url)).body).toContain('Новият мост е отворен за коли');

    const taken = await call(site, editor.token, 'POST', `/articles/${a.id}/unpublish`);
    expect(taken.statusCode).toBe(200);
    api.check('POST', UNPUBLISH, 200, taken.json());
    expect(taken.json().status).toBe('unpublished');
    expect(events.at(-1)).toEqual({ type: 'article.unpublished', articleId: a.id });
    expect((await page(a.url)).statusCode).toBe(404);
    const gone = await contentApi(a.id);
    expect(gone.statusCode).toBe(404);
    api.check('GET', '/api/v1/content/articles/{id}', 404, gone.json());

    const again = await call(site, editor.token, 'POST', `/articles/${a.id}/unpublish`, undefined, {
      'accept-language': 'en',
    });
    expect(again.statusCode).toBe(409);
    api.check('POST', UNPUBLISH, 409, again.json());
    expect(again.json().error.message).toBe('The article is unpublished; this step is not possible now.');

    const names = (await listRevisions(site.services.db, a.id)).map((r) => r.userName);
    expect(new Set(names)).toEqual(new Set(['Елена Редакторова (API: CMS)']));
  });

  it('schedules with a future `at`, which the scheduler then publishes; a past one is refused', async () => {
    const a = await draft(editor, 'Утре: нов график');
    const past = await call(site, editor.token, 'POST', `/articles/${a.id}/publish`, {
      at: new Date(now - HOUR).toISOString(),
    });
    expect(past.statusCode).toBe(422);
    api.check('POST', PUBLISH, 422, past.json());
    expect(past.json().error.field).toBe('at');
    const malformed = await call(site, editor.token, 'POST', `/articles/${a.id}/publish`, {
      at: '25.11.2026',
    });
    expect(malformed.statusCode).toBe(400);
    api.check('POST', PUBLISH, 400, malformed.json());
    expect(malformed.json().error.field).toBe('at');
    const extra = await call(site, editor.token, 'POST', `/articles/${a.id}/publish`, { when: 'now' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.field).toBe('when');

    const at = new Date(now + 2 * HOUR).toISOString().replace('Z', '+00:00');
    const scheduled = await call(site, editor.token, 'POST', `/articles/${a.id}/publish`, { at });
    expect(scheduled.statusCode).toBe(200);
    api.check('POST', PUBLISH, 200, scheduled.json());
    expect(scheduled.json()).toMatchObject({
      status: 'scheduled',
      scheduled_at: new Date(now + 2 * HOUR).toISOString(),
    });
    expect(events).toEqual([]);
    expect((await page(a.url)).statusCode).toBe(404);

    site.clock.advance(3 * HOUR);
    expect(await site.services.scheduler.publishDue()).toEqual([a.id]);
    expect(events).toEqual([{ type: 'article.published', articleId: a.id }]);
    expect((await page(a.url)).statusCode).toBe(200);
  });

  it('keeps to the role matrix: an author’s token publishes only the author’s own articles', async () => {
    const author = await staffWithToken(site, 'author', 'Ася Авторова');
    const colleague = await staffWithToken(site, 'author', 'Борис Авторов');
    const contributor = await staffWithToken(site, 'contributor', 'Катя Сътрудничка');
    const writerOnly = await staffWithToken(site, 'editor', 'Ема Редакторова', ['articles:write']);
    const mine = await draft(author, 'Моята статия');

    const foreign = await call(site, colleague.token, 'POST', `/articles/${mine.id}/publish`);
    expect(foreign.statusCode).toBe(403);
    api.check('POST', PUBLISH, 403, foreign.json());
    const noScope = await call(site, writerOnly.token, 'POST', `/articles/${mine.id}/publish`, undefined, {
      'accept-language': 'en',
    });
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().error.message).toBe('The key lacks the scope "articles:publish".');
    const own = await draft(contributor, 'Сътрудничката пише');
    const contributorPublish = await call(site, contributor.token, 'POST', `/articles/${own.id}/publish`);
    expect(contributorPublish.statusCode).toBe(403);
    api.check('POST', PUBLISH, 403, contributorPublish.json());
    expect(events).toEqual([]);

    const ok = await call(site, author.token, 'POST', `/articles/${mine.id}/publish`);
    expect(ok.statusCode).toBe(200);
    expect(events).toEqual([{ type: 'article.published', articleId: mine.id }]);
    const byEditor = await call(site, editor.token, 'POST', `/articles/${mine.id}/unpublish`);
    expect(byEditor.statusCode).toBe(200);

    const missing = await call(site, editor.token, 'POST', '/articles/999999/publish');
    expect(missing.statusCode).toBe(404);
    api.check('POST', PUBLISH, 404, missing.json());
    const unknown = await call(site, 'vk_admin_nothing-like-it', 'POST', `/articles/${mine.id}/publish`);
    expect(unknown.statusCode).toBe(401);
    api.check('POST', PUBLISH, 401, unknown.json());
  });
});
