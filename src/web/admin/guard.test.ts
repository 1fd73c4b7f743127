import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const DESK = '/admin/moderation';

describeEachDatabase('the door of the staff area', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let mod: TestUser;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    mod = await signIn(site, 'moderator', 'Мира Модераторова');
  });
  afterAll(async () => site.close());

  it('sends anonymous visitors to sign in and back', async () => {
    for (const url of [`${DESK}?queue=reported`, `${DESK}/log`, `${DESK}/settings`, '/admin/readers/1']) {
      const res = await get(site, url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/profil/vhod?next=${encodeURIComponent(url)}`);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-robots-tag']).toBe('noindex');
    }
    const posted = await post(site, `${DESK}/action`, { action: 'approve', ids: '1' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/profil/vhod?next=${encodeURIComponent('/admin')}`);
  });

  it('refuses readers, contributors and authors with a 403 page in the site’s look', async () => {
    for (const role of ['reader', 'contributor', 'author'] as const) {
      const user = await signIn(site, role, `Потребител ${role}`);
      for (const url of [DESK, `${DESK}/log`, `${DESK}/settings`, `/admin/readers/${mod.id}`]) {
        const res = await get(site, url, user.cookie);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.body).toContain('Профилът ви няма право да отвори тази страница.');
        expect(res.body).toContain('class="masthead"');
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.headers['x-robots-tag']).toBe('noindex');
      }
      const posted = await post(site, `${DESK}/action`, { action: 'approve', ids: '1' }, user.cookie);
      expect(posted.statusCode).toBe(403);
    }
  });

  it('after signing in the moderator lands where they were going', async () => {
    const target = `${DESK}?queue=rejected`;
    const away = await get(site, target);
    const login = await get(site, away.headers.location as string);
    expect(login.statusCode).toBe(200);
    const email = 'vratar@example.bg';
    const made = await site.services.accounts.addUser(
      { email, displayName: 'Вратар Модераторов', password: 'дълга-парола-123', role: 'moderator' },
      now,
    );
    expect(made.ok).toBe(true);
    const signedIn = await post(site, '/profil/vhod', {
      _csrf: tokenOf(login.body),
      email,
      password: 'дълга-парола-123',
      next: /name="next" value="([^"]+)"/.exec(login.body)?.[1]?.replaceAll('&amp;', '&') ?? '',
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe(target);
    const cookie = /vestnik_session=[^;]+/.exec(String(signedIn.headers['set-cookie']))?.[0] ?? '';
    const desk = await get(site, target, cookie);
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain('Вратар Модераторов');
  });

  it('lets moderators, editors and admins in; /admin is their dashboard', async () => {
    for (const role of ['moderator', 'editor', 'admin'] as const) {
      const user = await signIn(site, role, `Служител ${role}`);
      const home = await get(site, '/admin', user.cookie);
      expect(home.statusCode).toBe(200);
      const desk = await get(site, DESK, user.cookie);
      expect(desk.statusCode).toBe(200);
      expect(desk.headers['cache-control']).toBe('private, no-store');
      expect(desk.headers['x-robots-tag']).toBe('noindex');
    }
  });

  it('answers malformed queries and forms with a 400 page that says what is wrong', async () => {
    const bad: [string, string][] = [
      [`${DESK}?queue=all`, 'Няма такава опашка'],
      [`${DESK}?queue=pending&page=0`, 'Номерът на страницата'],
      [`${DESK}?article=abc`, 'Номерът на статията'],
      [`${DESK}?q=a&q=b`, 'Невалиден параметър „q“'],
      [`${DESK}?q=${'я'.repeat(201)}`, 'Търсенето може да е най-много 200 знака.'],
      [`${DESK}?done=explode&n=1`, 'Невалиден параметър „done“'],
      ['/admin/readers/abc', 'Номерът трябва да е цяло'],
      ['/admin/readers?email=not-an-email', 'Въведете валиден имейл.'],
      [`${DESK}/log?page=-1`, 'Номерът на страницата'],
    ];
    for (const [url, text] of bad) {
      const res = await get(site, url, mod.cookie);
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain(text);
      expect(res.headers['x-robots-tag']).toBe('noindex');
    }
    // Every staff form carries the same session-bound token; the settings form is always there.
    const token = tokenOf((await get(site, `${DESK}/settings`, mod.cookie)).body);
    const forms: [Record<string, string | string[]>, string][] = [
      [{ action: 'explode', ids: '1' }, 'Непознато действие.'],
      [{ action: 'approve', ids: 'abc' }, 'Номерата на коментарите'],
      [{ action: 'approve', ids: Array.from({ length: 201 }, (_, i) => String(i + 1)) }, 'Най-много 200'],
      [
        { action: 'approve', ids: '1', return_to: 'https://evil.example/admin/moderation' },
        'Адресът за връщане',
      ],
      [{ action: 'approve', ids: '1', return_to: '//evil.example/admin/moderation' }, 'Адресът за връщане'],
      [{ action: 'approve', ids: '1', return_to: '/admin/readers/1' }, 'Адресът за връщане'],
      [{ item: 'approve:x' }, 'Номерата на коментарите'],
    ];
    for (const [fields, text] of forms) {
      const res = await post(site, `${DESK}/action`, { _csrf: token, ...fields }, mod.cookie);
      expect(res.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(res.body).toContain(text);
    }
    const none = await post(site, `${DESK}/action`, { _csrf: token, action: 'approve' }, mod.cookie);
    expect(none.headers.location).toBe(`${DESK}?queue=pending&done=none`);
  });
});
