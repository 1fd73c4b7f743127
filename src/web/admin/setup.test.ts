import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { countAdmins } from '../../accounts/admin-lock.js';
import { getOrCreateSecret } from '../../db/settings.js';
import { describeEachDatabase } from '../../db/testing.js';
import { FormTokens } from '../form-tokens.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, tokenOf } from './testing.js';

const SETUP = '/admin/setup';

describeEachDatabase('the first-run setup page', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
  });
  afterAll(async () => site.close());

  const fields = (n: number, extra: Record<string, string> = {}) => ({
    display_name: `Първи Админ ${n}`,
    email: `admin${n}@example.bg`,
    password: 'дълга и сигурна парола',
    password2: 'дълга и сигурна парола',
    ...extra,
  });
  const users = async () =>
    Number(
      (
        await getDb()
          .db.selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('while there is no admin, shows the form, and the sign-in page points to it', async () => {
    const page = await get(site, SETUP);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.headers['x-robots-tag']).toBe('noindex');
    expect(page.body).toContain('Първоначална настройка');
    expect(page.body).toMatch(/<label for="setup-password2">Паролата отново<\/label>/);
    const login = await get(site, '/profil/vhod');
    expect(login.body).toContain('На сайта още няма администратор.');
    expect(login.body).toContain('href="/admin/setup"');
    // Anonymous visitors of the back office are sent to sign in, where the notice is.
    expect((await get(site, '/admin/users')).headers.location).toBe('/profil/vhod?next=%2Fadmin%2Fusers');
  });

  it('refuses a post without a good token or from another site, making nothing', async () => {
    expect((await post(site, SETUP, fields(1))).statusCode).toBe(403);
    expect((await post(site, SETUP, { ...fields(1), _csrf: 'подправен' })).statusCode).toBe(403);
    const token = tokenOf((await get(site, SETUP)).body);
    const foreign = await post(site, SETUP, { ...fields(1), _csrf: token }, undefined, {
      origin: 'https://evil.example',
    });
    expect(foreign.statusCode).toBe(403);
    // A day-old form comes back with what was typed (never the passwords).
    const secret = await getOrCreateSecret(getDb().db, 'form_token_secret');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * 86_400_000);
    const old = new FormTokens(secret).create('setup');
    vi.useRealTimers();
    const expired = await post(site, SETUP, { ...fields(1), _csrf: old });
    expect(expired.statusCode).toBe(403);
    expect(expired.body).toContain('Формата е остаряла');
    expect(expired.body).toContain('value="admin1@example.bg"');
    expect(expired.body).not.toContain('дълга и сигурна парола');
    expect(await users()).toBe(0);
  });

  it('says what is wrong with the fields, in Bulgarian, making nothing', async () => {
    const token = tokenOf((await get(site, SETUP)).body);
    const bad = await post(site, SETUP, {
      _csrf: token,
      display_name: 'А',
      email: 'не-е-имейл',
      password: 'кратка',
      password2: 'кратка',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Формата не е изпратена.');
    expect(bad.body).toContain('Името трябва да е поне 2 знака.');
    expect(bad.body).toContain('Това не прилича на имейл адрес');
    expect(bad.body).toContain('Паролата трябва да е поне 10 знака.');
    const mismatch = await post(site, SETUP, {
      ...fields(1, { password2: 'друга дълга парола' }),
      _csrf: token,
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('Двете пароли не съвпадат.');
    expect(mismatch.body).toMatch(/id="setup-password2"[^>]*aria-invalid="true"/);
    expect(await users()).toBe(0);
  });

  it('two forms sent at once make one admin, who is signed in; then the page is gone', async () => {
    const token = tokenOf((await get(site, SETUP)).body);
    const answers = await Promise.all([1, 2].map((n) => post(site, SETUP, { ...fields(n), _csrf: token })));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([303, 404]);
    expect(await countAdmins(getDb().db)).toBe(1);
    const winner = answers.find((a) => a.statusCode === 303);
    expect(winner?.headers.location).toBe('/admin');
    const cookie = /vestnik_session=([^;]+)/.exec(String(winner?.headers['set-cookie'] ?? ''))?.[1];
    expect(cookie).toBeTruthy();
    const users = await get(site, '/admin/users', `vestnik_session=${cookie}`);
    expect(users.statusCode).toBe(200);

    expect((await get(site, SETUP)).statusCode).toBe(404);
    expect((await post(site, SETUP, { ...fields(3), _csrf: token })).statusCode).toBe(404);
    expect((await get(site, '/profil/vhod')).body).not.toContain('href="/admin/setup"');
    expect(await countAdmins(getDb().db)).toBe(1);
  });

  it('is rate limited', async () => {
    const fresh = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await post(fresh, SETUP, fields(9))).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
      expect(codes[10]).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});
