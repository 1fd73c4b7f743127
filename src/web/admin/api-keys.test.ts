import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const PAGE = '/admin/api-keys';
const secretOf = (html: string) => /id="new-secret"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? '';

describeEachDatabase('the API keys page, for admins', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let admin: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    admin = await signIn(site, 'admin', 'Ана Администраторова');
    editor = await signIn(site, 'editor', 'Едуард Редактор');
  });
  afterAll(async () => site.close());

  const send = async (fields: Record<string, string | string[]>, cookie = admin.cookie) => {
    const token = tokenOf((await get(site, PAGE, cookie)).body);
    return post(site, PAGE, { _csrf: token, ...fields }, cookie);
  };
  const count = async () => (await site.services.apiKeys.list()).length;

  it('is in the navigation and offers both kinds, the token acting as the admin by default', async () => {
    const page = await get(site, PAGE, admin.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/admin/api-keys" aria-current="page">API ключове</a>');
    expect(page.body).toContain('Все още няма издадени ключове.');
    expect(page.body).toContain('Нов Content API ключ');
    expect(page.body).toMatch(
      new RegExp(`<option value="${admin.id}" selected>Ана Администраторова</option>`),
    );
    expect(page.body).toContain(`<option value="${editor.id}">Едуард Редактор</option>`);
    expect(page.headers['cache-control']).toBe('private, no-store');
  });

  it('creates a Content API key, shows its secret once, and the key works', async () => {
    const made = await send({ kind: 'content', name: 'Мобилно приложение' });
    expect(made.statusCode).toBe(200);
    const secret = secretOf(made.body);
    expect(secret).toMatch(/^vk_content_/);
    expect(made.body).toContain('няма да бъде показан отново');
    const api = await site.app.inject({
      url: '/api/v1/content/categories',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(api.statusCode).toBe(200);
    const again = await get(site, PAGE, admin.cookie);
    expect(again.body).not.toContain(secret);
    expect(again.body).toContain('Мобилно приложение');
    expect(again.body).toContain(`<code>${secret.slice(0, 17)}…</code>`);
  });

  it('creates an Admin API token with the chosen scopes acting as the chosen staff member', async () => {
    const made = await send({
      kind: 'admin',
      name: 'CMS внос',
      scopes: ['articles:write'],
      userId: String(editor.id),
    });
    expect(made.statusCode).toBe(200);
    expect(secretOf(made.body)).toMatch(/^vk_admin_/);
    const token = (await site.services.apiKeys.list('admin'))[0];
    expect(token).toMatchObject({ name: 'CMS внос', scopes: ['articles:write'], userId: editor.id });
  });

  it.each([
    [{ kind: 'content', name: '  ' }, 'Напишете име.'],
    [{ kind: 'content', name: 'x'.repeat(81) }, 'Името може да е най-много 80 знака.'],
    [{ kind: 'admin', name: 'Без права', userId: 'ME' }, 'Изберете поне едно право.'],
    [{ kind: 'admin', name: 'Чужди права', scopes: ['content:read'], userId: 'ME' }, 'Непознато право.'],
    [{ kind: 'admin', name: 'Без служител', scopes: ['articles:write'] }, 'Изберете служител.'],
    [
      { kind: 'admin', name: 'Читател', scopes: ['articles:write'], userId: '999999' },
      'Изберете служител от списъка.',
    ],
  ])('refuses %j with 422, saying why, and saves nothing', async (fields, message) => {
    const before = await count();
    const given = fields as Record<string, string | string[]>;
    const filled = given.userId === 'ME' ? { ...given, userId: String(admin.id) } : given;
    const res = await send(filled);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Ключът не е създаден.');
    expect(res.body).toContain(message);
    expect(res.body).not.toContain('id="new-secret"');
    expect(await count()).toBe(before);
  });

  it('refuses an unknown kind with 400, a missing CSRF token and non-admins with 403', async () => {
    const before = await count();
    expect((await send({ kind: 'master', name: 'x' })).statusCode).toBe(400);
    expect((await post(site, PAGE, { kind: 'content', name: 'Без токен' }, admin.cookie)).statusCode).toBe(
      403,
    );
    expect((await get(site, PAGE, editor.cookie)).statusCode).toBe(403);
    const token = tokenOf((await get(site, '/admin', editor.cookie)).body);
    expect(
      (await post(site, PAGE, { _csrf: token, kind: 'content', name: 'Ед' }, editor.cookie)).statusCode,
    ).toBe(403);
    expect((await get(site, PAGE)).statusCode).toBe(303);
    expect(await count()).toBe(before);
  });

  it('revokes a key with a form post, after which the API refuses it', async () => {
    const made = await send({ kind: 'content', name: 'За отмяна' });
    const secret = secretOf(made.body);
    const key = (await site.services.apiKeys.list('content')).find((k) => k.name === 'За отмяна');
    if (!key) throw new Error('no key');
    const url = `${PAGE}/${key.id}/revoke`;
    expect((await post(site, url, {}, admin.cookie)).statusCode).toBe(403);
    const token = tokenOf((await get(site, PAGE, admin.cookie)).body);
    const done = await post(site, url, { _csrf: token }, admin.cookie);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${PAGE}?revoked=1`);
    const page = await get(site, String(done.headers.location), admin.cookie);
    expect(page.body).toContain('Ключът е отменен.');
    expect(page.body).toContain('отменен на');
    const api = await site.app.inject({
      url: '/api/v1/content/categories',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(api.statusCode).toBe(401);
    expect((await post(site, `${PAGE}/999999/revoke`, { _csrf: token }, admin.cookie)).statusCode).toBe(404);
    expect((await get(site, `${PAGE}?revoked=2`, admin.cookie)).statusCode).toBe(400);
  });

  it('speaks English on an English site', async () => {
    const en = await createTestSite(getDb(), { PASSWORD_COST: '10', LOCALE: 'en' }, now);
    try {
      const boss = await signIn(en, 'admin', 'Anna Admin');
      const page = await get(en, PAGE, boss.cookie);
      expect(page.body).toContain('<h1 class="staff-title">API keys</h1>');
      const bad = await post(en, PAGE, { _csrf: tokenOf(page.body), kind: 'content', name: '' }, boss.cookie);
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Enter a name.');
    } finally {
      await en.close();
    }
  });
});
