// Every route of users, sections and site settings: admins only; everyone else a 403, and a
// visitor who is not signed in is sent to sign in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES } from '../../accounts/roles.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser } from './testing.js';

describeEachDatabase('who may manage users, sections and settings', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  const people = new Map<string, TestUser>();
  let sectionId = 0;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    for (const role of ROLES) people.set(role, await signIn(site, role, `Човек ${role}`));
    const made = await getDb()
      .db.insertInto('categories')
      .values({
        slug: 'proba',
        name: 'Проба',
        description: '',
        position: 0,
        created_at: now,
        parent_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sectionId = made.id;
  });
  afterAll(async () => site.close());

  const routes = () => {
    const someone = people.get('author')?.id ?? 0;
    return [
      ['GET', '/admin/users'],
      ['GET', '/admin/users/new'],
      ['POST', '/admin/users'],
      ['GET', `/admin/users/${someone}`],
      ['POST', `/admin/users/${someone}`],
      ['POST', `/admin/users/${someone}/invite`],
      ['GET', '/admin/categories'],
      ['GET', '/admin/categories/new'],
      ['POST', '/admin/categories'],
      ['GET', `/admin/categories/${sectionId}`],
      ['POST', `/admin/categories/${sectionId}`],
      ['POST', `/admin/categories/${sectionId}/delete`],
      ['GET', '/admin/settings'],
      ['POST', '/admin/settings'],
    ] as const;
  };
  const send = (method: 'GET' | 'POST', url: string, cookie?: string) =>
    method === 'GET' ? get(site, url, cookie) : post(site, url, {}, cookie);

  it('admins may open every page (a form without its token is a 403 of the form, not of the role)', async () => {
    const admin = people.get('admin');
    for (const [method, url] of routes()) {
      if (method !== 'GET') continue;
      expect((await send(method, url, admin?.cookie)).statusCode, url).toBe(200);
    }
  });

  it('every other role gets a 403 on every route, before anything is read', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const cookie = people.get(role)?.cookie;
      for (const [method, url] of routes()) {
        const res = await send(method, url, cookie);
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(res.headers['cache-control']).toBe('private, no-store');
      }
    }
  });

  it('a visitor who is not signed in is sent to sign in', async () => {
    for (const [method, url] of routes()) {
      const res = await send(method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(303);
      expect(String(res.headers.location)).toMatch(/^\/profil\/vhod\?next=/);
    }
  });
});
