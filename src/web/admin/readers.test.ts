import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { formatDateTime } from '../../text/dates.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, guestComment, post, readerComment, signIn, type TestUser, tokenOf } from './testing.js';

const DAY_MS = 86_400_000;

describeEachDatabase('readers on the moderation desk', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let mod: TestUser;
  const open = { slug: 'otvorena', id: 0 };
  const premod = { slug: 'premod', id: 0 };

  beforeAll(async () => {
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    open.id = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: open.slug,
      publishedAt: now - 60_000,
    });
    premod.id = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: premod.slug,
      publishedAt: now - 60_000,
      commentRules: { moderation: 'pre' },
    });
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', COMMENTS_PER_MINUTE: '1000' }, now);
    mod = await signIn(site, 'moderator', 'Мира Модераторова');
  });
  afterAll(async () => site.close());

  /**
   * Sends a reader form the way the reader page's buttons do. A staff account's page has no forms:
   * the token (bound to the session, the same on every staff page) then comes from the settings form.
   */
  async function act(userId: number, fields: Record<string, string>, who = mod) {
    const page = await get(site, `/admin/readers/${userId}`, who.cookie);
    const token =
      tokenOf(page.body) || tokenOf((await get(site, '/admin/moderation/settings', who.cookie)).body);
    return post(site, `/admin/readers/${userId}/action`, { _csrf: token, ...fields }, who.cookie);
  }

  const userRow = (id: number) =>
    getDb().db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('a ban refuses the reader’s very next comment, while they are still signed in', async () => {
    const reader = await signIn(site, 'reader', 'Буйни Читателев');
    expect((await readerComment(site, reader.cookie, open, 'Преди блокирането.')).statusCode).toBe(303);
    expect((await readerComment(site, reader.cookie, premod, 'Чака си реда.')).statusCode).toBe(303);
    // The form is loaded before the ban, as a reader's open tab would be.
    const tab = await get(site, '/svyat/otvorena', reader.cookie);
    const res = await act(reader.id, { action: 'ban', reject_pending: '1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/readers/${reader.id}?done=ban`);
    const refused = await post(
      site,
      '/comments',
      { _csrf: tokenOf(tab.body), article_id: String(open.id), body: 'След блокирането.' },
      reader.cookie,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Профилът ви е блокиран и не може да публикува коментари.');
    // Still signed in: the page greets them by name.
    expect(refused.body).toContain('Буйни Читателев');
    const rows = await getDb()
      .db.selectFrom('comments')
      .select(['body', 'status'])
      .where('user_id', '=', reader.id)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { body: 'Преди блокирането.', status: 'approved' },
      { body: 'Чака си реда.', status: 'rejected' },
    ]);
    const page = await get(site, res.headers.location as string, mod.cookie);
    expect(page.body).toContain('Профилът е блокиран.');
    expect(page.body).toMatch(/data-standing="true">[^<]*блокиран/);

    const unban = await act(reader.id, { action: 'unban' });
    expect(unban.headers.location).toBe(`/admin/readers/${reader.id}?done=unban`);
    expect((await readerComment(site, reader.cookie, open, 'Отново тук.')).statusCode).toBe(303);
  });

  it('a suspension shows until when, and lifting it lets the reader post again', async () => {
    const reader = await signIn(site, 'reader', 'Временно Спрян');
    const res = await act(reader.id, { action: 'suspend', days: '3' });
    expect(res.statusCode).toBe(303);
    const until = formatDateTime(site.clock.now() + 3 * DAY_MS, 'bg', 'Europe/Sofia');
    const page = await get(site, res.headers.location as string, mod.cookie);
    expect(page.body).toContain(`спрян до ${until}`);
    expect((await userRow(reader.id)).suspended_until).toBe(site.clock.now() + 3 * DAY_MS);
    const refused = await readerComment(site, reader.cookie, open, 'Опит по време на спирането.');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(`Профилът ви е временно спрян до ${until}.`);
    await act(reader.id, { action: 'unsuspend' });
    expect((await userRow(reader.id)).suspended_until).toBeNull();
    expect((await readerComment(site, reader.cookie, open, 'След спирането.')).statusCode).toBe(303);
    for (const days of ['2', '', 'abc']) {
      const bad = await act(reader.id, { action: 'suspend', days });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Изберете срок от списъка.');
    }
  });

  it('staff accounts cannot be banned or restricted, and their page offers no such forms', async () => {
    const editor = await signIn(site, 'editor', 'Ели Редакторова');
    const page = await get(site, `/admin/readers/${editor.id}`, mod.cookie);
    expect(page.body).toContain('Служебните профили не могат да бъдат ограничавани');
    expect(page.body).not.toContain('value="ban"');
    for (const action of ['ban', 'shadow-ban']) {
      const res = await act(editor.id, { action });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Служебните профили не могат да бъдат ограничавани от модерацията.');
    }
    const suspend = await act(editor.id, { action: 'suspend', days: '7' });
    expect(suspend.statusCode).toBe(403);
    const row = await userRow(editor.id);
    expect(row.banned_at).toBeNull();
    expect(row.suspended_until).toBeNull();
    expect(Number(row.shadow_banned)).toBe(0);
  });

  it('shadow-banning and lifting it are logged with the reader', async () => {
    const reader = await signIn(site, 'reader', 'Сенчест Читател');
    await act(reader.id, { action: 'shadow-ban' });
    expect(Number((await userRow(reader.id)).shadow_banned)).toBe(1);
    const page = await get(site, `/admin/readers/${reader.id}`, mod.cookie);
    expect(page.body).toContain('скрито блокиран');
    await act(reader.id, { action: 'unshadow-ban' });
    const log = await get(site, '/admin/moderation/log', mod.cookie);
    const rows = [...log.body.matchAll(/<tr data-log-action="([a-z-]+)">([\s\S]*?)<\/tr>/g)];
    const about = rows.filter((r) => r[2]?.includes(`/admin/readers/${reader.id}"`)).map((r) => r[1]);
    expect(about).toEqual(['unshadow-ban', 'shadow-ban']);
    const history = await get(site, `/admin/readers/${reader.id}`, mod.cookie);
    expect(history.body).toContain('отмени скритото блокиране');
  });

  it('every reader action writes a log row', async () => {
    const reader = await signIn(site, 'reader', 'Логван Читател');
    const actions: Record<string, string>[] = [
      { action: 'suspend', days: '1' },
      { action: 'unsuspend' },
      { action: 'ban' },
      { action: 'unban' },
      { action: 'shadow-ban' },
      { action: 'unshadow-ban' },
    ];
    for (const fields of actions) expect((await act(reader.id, fields)).statusCode).toBe(303);
    const logged = await getDb()
      .db.selectFrom('moderation_log')
      .select(['action', 'actor_name'])
      .where('user_id', '=', reader.id)
      .orderBy('id')
      .execute();
    expect(logged.map((r) => r.action)).toEqual(actions.map((a) => a.action));
    expect(new Set(logged.map((r) => r.actor_name))).toEqual(new Set(['Мира Модераторова']));
  });

  it('a guest’s history is found by email; an account’s email leads to the account', async () => {
    await guestComment(site, premod, {
      name: 'Гост Историк',
      email: 'istorik@example.bg',
      body: 'Гостуващ коментар.',
    });
    const guest = await get(
      site,
      `/admin/readers?email=${encodeURIComponent('Istorik@Example.bg')}`,
      mod.cookie,
    );
    expect(guest.statusCode).toBe(200);
    expect(guest.body).toContain('Гост: istorik@example.bg');
    expect(guest.body).toContain('Гостуващ коментар.');
    expect(guest.body).toContain('чакащ');
    expect(guest.body).toContain('Статията е с предварителна модерация');
    const reader = await signIn(site, 'reader', 'Читател С Профил');
    const account = await get(site, `/admin/readers?email=${encodeURIComponent(reader.email)}`, mod.cookie);
    expect(account.statusCode).toBe(303);
    expect(account.headers.location).toBe(`/admin/readers/${reader.id}`);
    const form = await get(site, '/admin/readers', mod.cookie);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="email"');
  });

  it('unknown readers, bad actions and forged forms are refused', async () => {
    expect((await get(site, '/admin/readers/999999', mod.cookie)).statusCode).toBe(404);
    const reader = await signIn(site, 'reader', 'Обикновен Читател');
    const bad = await act(reader.id, { action: 'delete' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Непознато действие.');
    const forged = await post(
      site,
      `/admin/readers/${reader.id}/action`,
      { _csrf: 'x', action: 'ban' },
      mod.cookie,
    );
    expect(forged.statusCode).toBe(403);
    expect((await userRow(reader.id)).banned_at).toBeNull();
    const asReader = await post(site, `/admin/readers/${mod.id}/action`, { action: 'ban' }, reader.cookie);
    expect(asReader.statusCode).toBe(403);
  });
});
