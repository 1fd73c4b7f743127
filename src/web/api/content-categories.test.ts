import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../content/categories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { type OpenApiChecker, openApiChecker } from './testing.js';

describeEachDatabase('Content API: sections and keys', (db) => {
  let site: TestSite;
  let api: OpenApiChecker;
  let contentKey: string;
  let adminToken: string;

  beforeAll(async () => {
    const now = Date.UTC(2026, 10, 25, 10, 0);
    await createCategory(db().db, { slug: 'politika', name: 'Политика' }, now);
    site = await createTestSite(db());
    await site.services.categories.load();
    api = await openApiChecker(site.app);
    const keys = site.services.apiKeys;
    const c = await keys.create(
      { kind: 'content', name: 'Приложение', scopes: ['content:read'], userId: null, createdBy: null },
      now,
    );
    if (!c.ok) throw new Error('no key');
    contentKey = c.secret;
    const user = await site.services.db
      .insertInto('users')
      .values({
        email: 'ed@example.bg',
        display_name: 'Ед',
        password_hash: 'x',
        role: 'editor',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await keys.create(
      { kind: 'admin', name: 'CMS', scopes: ['articles:write'], userId: user.id, createdBy: null },
      now,
    );
    if (!a.ok) throw new Error('no token');
    adminToken = a.secret;
  });
  afterAll(() => site.close());

  const get = (headers: Record<string, string> = {}, query = '') =>
    site.app.inject({ method: 'GET', url: `/api/v1/content/categories${query}`, headers });

  it('lists the sections to a valid key, as the OpenAPI document describes them', async () => {
    const res = await get({ authorization: `Bearer ${contentKey}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    api.check('GET', '/api/v1/content/categories', 200, body);
    const documented = (
      api.doc.paths as Record<string, Record<string, { responses: Record<string, { description: string }> }>>
    )['/api/v1/content/categories']?.get?.responses;
    expect(documented?.['200']?.description).toBe('OK');
    expect(documented?.['401']?.description).toContain('unknown or revoked');
    expect(body.categories).toContainEqual(
      expect.objectContaining({ slug: 'politika', name: 'Политика', url: 'http://localhost:3000/politika' }),
    );
  });

  it('takes the key from ?key= too, and answers a repeat with 304', async () => {
    const first = await get({}, `?key=${contentKey}`);
    expect(first.statusCode).toBe(200);
    const again = await get({ 'if-none-match': String(first.headers.etag) }, `?key=${contentKey}`);
    expect(again.statusCode).toBe(304);
  });

  it('refuses a missing or unknown key with 401, and an admin token with 403, naming why', async () => {
    const none = await get();
    expect(none.statusCode).toBe(401);
    api.check('GET', '/api/v1/content/categories', 401, none.json());
    const unknown = await get({ authorization: 'Bearer vk_content_not-a-real-key-at-all' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toContain('API ключ');
    const wrong = await get({ authorization: `Bearer ${adminToken}`, 'accept-language': 'en' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toBe('This key is not for this API.');
  });

  it('stops accepting a key once it is revoked', async () => {
    const now = site.clock.now();
    const made = await site.services.apiKeys.create(
      { kind: 'content', name: 'Временен', scopes: ['content:read'], userId: null, createdBy: null },
      now,
    );
    if (!made.ok) throw new Error('no key');
    expect((await get({ authorization: `Bearer ${made.secret}` })).statusCode).toBe(200);
    await site.services.apiKeys.revoke(made.key.id, now);
    expect((await get({ authorization: `Bearer ${made.secret}` })).statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('are refused without a name, with unknown scopes, or as admin tokens without a staff member', async () => {
    const { checkNewKey } = await import('../../integrations/api-keys.js');
    expect(
      checkNewKey({ kind: 'content', name: ' ', scopes: ['content:read'], userId: null, createdBy: null }),
    ).toMatchObject({ field: 'name' });
    expect(
      checkNewKey({ kind: 'content', name: 'x', scopes: ['articles:write'], userId: null, createdBy: null }),
    ).toMatchObject({ field: 'scopes', problem: 'scope-unknown' });
    expect(
      checkNewKey({ kind: 'admin', name: 'x', scopes: ['articles:write'], userId: null, createdBy: null }),
    ).toMatchObject({ field: 'userId' });
    expect(
      checkNewKey({ kind: 'content', name: 'x', scopes: [], userId: null, createdBy: null }),
    ).toMatchObject({ field: 'scopes', problem: 'scopes-missing' });
  });
});
