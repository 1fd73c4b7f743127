// Walks every staff route the app registers with every role: a role without the right gets 403 on
// every one of them, a role with it never does, and visitors are sent to sign in. A route missing
// from the table below fails the test, so no staff route can be added without a decision here.
import { beforeAll, expect, it } from 'vitest';
import { can, type Permission, ROLES } from '../../accounts/roles.js';
import { hashToken } from '../../accounts/sessions.js';
import { buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { canOpen } from '../../newsroom/rights.js';
import { addStaff, draftOf } from '../../newsroom/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { signIn, type TestUser } from './testing.js';

/** [method, url as registered, permission, whether the article's owner also matters]. */
const MATRIX: [string, string, Permission, boolean?][] = [
  ['GET', '/admin', 'backoffice'],
  ['GET', '/admin/articles', 'articles.write'],
  ['GET', '/admin/articles/new', 'articles.write'],
  ['POST', '/admin/articles', 'articles.write'],
  ['GET', '/admin/articles/:id', 'articles.write', true],
  ['POST', '/admin/articles/:id', 'articles.write', true],
  ['POST', '/admin/articles/:id/autosave', 'articles.write', true],
  ['POST', '/admin/articles/:id/preview', 'articles.write', true],
  ['GET', '/admin/articles/:id/revisions', 'articles.write', true],
  ['GET', '/admin/articles/:id/revisions/compare', 'articles.write', true],
  ['POST', '/admin/articles/:id/revisions/:rev/restore', 'articles.write', true],
  ['GET', '/admin/tags/suggest', 'articles.write'],
  ['GET', '/admin/tags', 'tags.manage'],
  ['GET', '/admin/tags/:id', 'tags.manage'],
  ['POST', '/admin/tags/:id', 'tags.manage'],
  ['POST', '/admin/tags/:id/merge', 'tags.manage'],
  ['POST', '/admin/tags/:id/delete', 'tags.manage'],
  ['GET', '/admin/media', 'articles.write'],
  ['POST', '/admin/media', 'articles.write'],
  ['GET', '/admin/media.json', 'articles.write'],
  ['GET', '/admin/media/:id', 'articles.write'],
  ['POST', '/admin/media/:id', 'articles.write'],
  ['POST', '/admin/media/:id/delete', 'articles.write'],
  ['GET', '/admin/home', 'home.curate'],
  ['POST', '/admin/home/slot', 'home.curate'],
  ['POST', '/admin/home/clear', 'home.curate'],
  ['POST', '/admin/home/banner', 'home.curate'],
  ['POST', '/admin/home/banner/remove', 'home.curate'],
  ['GET', '/admin/moderation', 'comments.moderate'],
  ['POST', '/admin/moderation/action', 'comments.moderate'],
  ['GET', '/admin/moderation/log', 'comments.moderate'],
  ['GET', '/admin/moderation/settings', 'comments.moderate'],
  ['POST', '/admin/moderation/settings', 'comments.moderate'],
  ['GET', '/admin/readers', 'comments.moderate'],
  ['GET', '/admin/readers/:id', 'comments.moderate'],
  ['POST', '/admin/readers/:id/action', 'comments.moderate'],
  ['GET', '/admin/users', 'users.manage'],
  ['GET', '/admin/users/new', 'users.manage'],
  ['POST', '/admin/users', 'users.manage'],
  ['GET', '/admin/users/:id', 'users.manage'],
  ['POST', '/admin/users/:id', 'users.manage'],
  ['POST', '/admin/users/:id/invite', 'users.manage'],
  ['GET', '/admin/categories', 'categories.manage'],
  ['GET', '/admin/categories/new', 'categories.manage'],
  ['POST', '/admin/categories', 'categories.manage'],
  ['GET', '/admin/categories/:id', 'categories.manage'],
  ['POST', '/admin/categories/:id', 'categories.manage'],
  ['POST', '/admin/categories/:id/delete', 'categories.manage'],
  ['GET', '/admin/settings', 'settings.manage'],
  ['POST', '/admin/settings', 'settings.manage'],
  ['GET', '/admin/api-keys', 'settings.manage'],
  ['POST', '/admin/api-keys', 'settings.manage'],
  ['POST', '/admin/api-keys/:id/revoke', 'settings.manage'],
  ['GET', '/admin/webhooks', 'settings.manage'],
  ['GET', '/admin/webhooks/new', 'settings.manage'],
  ['POST', '/admin/webhooks/new', 'settings.manage'],
  ['GET', '/admin/webhooks/:id', 'settings.manage'],
  ['POST', '/admin/webhooks/:id', 'settings.manage'],
  ['POST', '/admin/webhooks/:id/enable', 'settings.manage'],
  ['POST', '/admin/webhooks/:id/disable', 'settings.manage'],
  ['POST', '/admin/webhooks/:id/rotate', 'settings.manage'],
  ['POST', '/admin/webhooks/:id/ping', 'settings.manage'],
  ['POST', '/admin/webhooks/:id/delete', 'settings.manage'],
  ['GET', '/admin/webhooks/:id/deliveries/:delivery', 'settings.manage'],
  ['POST', '/admin/webhooks/:id/deliveries/:delivery/redeliver', 'settings.manage'],
];

/** Open to everybody while the site has no admin, and gone (404) afterwards. */
const PUBLIC = new Set(['GET /admin/setup', 'POST /admin/setup']);

describeEachDatabase('the role matrix on every staff route', (getDb) => {
  let site: TestSite;
  const users = new Map<string, TestUser>();
  let articleId = 0;
  let ownerId = 0;
  let revisionId = 0;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' });
    const room = await buildNewsroom(site.services.db, site.clock.now());
    await site.services.categories.load();
    for (const role of ROLES) users.set(role, await signIn(site, role, `Роля ${role}`));
    // The article belongs to someone else, so per-article rights are tested as well.
    const owner = await addStaff(site.services.db, 'author', 'Собственик', site.clock.now());
    ownerId = owner.id;
    const made = await site.services.articles.create(draftOf(room.categories.world), owner, site.clock.now());
    if (!made.ok) throw new Error('no article');
    articleId = made.id;
    const rev = await site.services.db
      .selectFrom('article_revisions')
      .select('id')
      .where('article_id', '=', articleId)
      .executeTakeFirstOrThrow();
    revisionId = rev.id;
    return () => site.close();
  });

  const staffRoutes = () =>
    site.app.routeTable.filter((r) => r.url.startsWith('/admin') && r.method !== 'HEAD');

  it('has a row in the matrix for every staff route and no stale rows', () => {
    const registered = staffRoutes().map((r) => `${r.method} ${r.url}`);
    const listed = MATRIX.map(([m, u]) => `${m} ${u}`);
    expect(registered.filter((r) => !listed.includes(r) && !PUBLIC.has(r))).toEqual([]);
    expect(listed.filter((r) => !registered.includes(r))).toEqual([]);
  });

  it('answers 403 exactly where the matrix says no, for every role', async () => {
    const violations: string[] = [];
    for (const [method, pattern, permission, perArticle] of MATRIX) {
      const url = pattern
        .replace(':rev', String(revisionId))
        .replace(':id', pattern.startsWith('/admin/articles') ? String(articleId) : '1');
      for (const role of ROLES) {
        const user = users.get(role) as TestUser;
        const session = /vestnik_session=(.+)$/.exec(user.cookie)?.[1] ?? '';
        const csrf = site.services.formTokens.create(`session:${hashToken(session)}`);
        const res = await site.app.inject({
          method: method as 'GET' | 'POST',
          url:
            method === 'GET' && url.endsWith('/compare') ? `${url}?from=${revisionId}&to=${revisionId}` : url,
          headers: {
            cookie: user.cookie,
            ...(method === 'POST'
              ? { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' }
              : {}),
          },
          ...(method === 'POST' ? { payload: `_csrf=${encodeURIComponent(csrf)}` } : {}),
        });
        const actor = { id: user.id, role, displayName: '' };
        const allowed =
          can(role, permission) && (!perArticle || canOpen(actor, { ownerId, status: 'draft' }));
        const refused = res.statusCode === 403;
        if (
          allowed === refused ||
          (res.statusCode === 303 && String(res.headers.location).startsWith('/profil/vhod'))
        )
          violations.push(`${role} ${method} ${url}: ${res.statusCode}`);
      }
      const anonymous = await site.app.inject({
        method: method as 'GET' | 'POST',
        url: pattern.replace(':rev', '1').replace(':id', '1'),
      });
      if (anonymous.statusCode !== 303 || !String(anonymous.headers.location).startsWith('/profil/vhod'))
        violations.push(`anonymous ${method} ${pattern}: ${anonymous.statusCode}`);
    }
    expect(violations).toEqual([]);
  });
});
