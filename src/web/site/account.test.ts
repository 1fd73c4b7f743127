import type { Response } from 'light-my-request';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { getOrCreateSecret } from '../../db/settings.js';
import { describeEachDatabase } from '../../db/testing.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from '../../infra/mail-testing.js';
import { FormTokens } from '../form-tokens.js';
import { createTestSite, type TestSite } from '../testing.js';

const DAY = 86_400_000;
const PASSWORD = 'зелен чай с мед и лимон';
const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const setCookies = (res: Response) => [res.headers['set-cookie'] ?? []].flat();

/** A browser of one reader: its own address and cookie jar, kept by hand from Set-Cookie. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly site: TestSite,
    readonly ip: string,
  ) {}

  async get(url: string, headers: Record<string, string> = {}) {
    return this.keep(
      await this.site.app.inject({
        method: 'GET',
        url,
        headers: this.headers(headers),
        remoteAddress: this.ip,
      }),
    );
  }

  async post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await this.site.app.inject({
      method: 'POST',
      url,
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers }),
      payload: new URLSearchParams(fields).toString(),
      remoteAddress: this.ip,
    });
    return this.keep(res);
  }

  /** GETs the form page and posts its form with the page's token. */
  async submit(page: string, action: string, fields: Record<string, string>) {
    const form = await this.get(page);
    return this.post(action, { _csrf: tokenOf(form.body), ...fields });
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { 'user-agent': 'Mozilla/5.0 test', ...(cookie ? { cookie } : {}), ...extra };
  }

  private keep(res: Response): Response {
    for (const line of setCookies(res)) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

describeEachDatabase('reader accounts: signing up and in', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let smtp: SmtpCapture;
  let n = 0;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', SMTP_URL: smtp.url }, now);
  });
  afterAll(async () => {
    await site.close();
    await smtp.close();
  });

  const browser = () => new Browser(site, `127.0.0.${++n + 10}`);

  /** The path and query of the link to `path` in the next mail, which must go to `to`. */
  async function linkInMail(to: string, path: string): Promise<string> {
    await site.services.accounts.settled();
    const mail = await smtp.next();
    expect(mail.to).toEqual([to]);
    const match = new RegExp(`^http://localhost:3000(${path}\\?token=[A-Za-z0-9_-]{43})$`, 'm').exec(
      parseMail(mail.raw).text,
    );
    if (!match?.[1]) throw new Error(`no ${path} link in the mail`);
    return match[1];
  }

  async function verifiedReader(name: string) {
    const b = browser();
    const email = `chitatel${n}@example.bg`;
    const res = await b.submit('/profil/registratsiya', '/profil/registratsiya', {
      email,
      display_name: name,
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect((await b.get(await linkInMail(email, '/profil/potvarzhdenie'))).statusCode).toBe(200);
    return { b, email };
  }

  const signIn = (b: Browser, email: string, password = PASSWORD, next?: string) =>
    b.submit(`/profil/vhod${next ? `?next=${encodeURIComponent(next)}` : ''}`, '/profil/vhod', {
      email,
      password,
      ...(next ? { next } : {}),
    });

  it('register → mail → confirm → sign in → profile → sign out', async () => {
    const b = browser();
    const form = await b.get('/profil/registratsiya');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('autocomplete="new-password"');
    expect(form.body).toMatch(/<label for="register-email">/);
    const sent = await b.post('/profil/registratsiya', {
      _csrf: tokenOf(form.body),
      email: 'Ivana@Example.BG',
      display_name: 'Ивана',
      password: PASSWORD,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Проверете пощата си');
    expect(sent.body).toContain('ivana@example.bg');
    const link = await linkInMail('ivana@example.bg', '/profil/potvarzhdenie');

    expect((await b.get('/profil')).headers.location).toBe('/profil/vhod?next=/profil');
    const confirmed = await b.get(link);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Имейлът е потвърден');
    const again = await b.get(link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('вече е използвана');
    expect((await b.get('/profil/potvarzhdenie?token=nope')).statusCode).toBe(400);

    const signedIn = await signIn(b, 'ivana@example.bg', PASSWORD, '/profil');
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/profil');
    const cookie = setCookies(signedIn).find((c) => c.startsWith('vestnik_session='));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);

    const profile = await b.get('/profil');
    expect(profile.statusCode).toBe(200);
    expect(profile.headers['cache-control']).toBe('private, no-store');
    expect(profile.body).toContain('ivana@example.bg');
    expect(profile.body).toContain('(потвърден)');
    expect(profile.body).toContain('value="Ивана"');

    const session = b.cookies.get('vestnik_session') ?? '';
    const out = await b.post('/profil/izhod', { _csrf: tokenOf(profile.body) });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/');
    expect(setCookies(out).some((c) => /^vestnik_session=;/.test(c))).toBe(true);
    const replayed = await b.get('/profil', { cookie: `vestnik_session=${session}` });
    expect(replayed.statusCode).toBe(303);
  });

  it('sign-up errors come back per field, with what was typed but never the password', async () => {
    const { email: taken } = await verifiedReader('Заета');
    const b = browser();
    const res = await b.submit('/profil/registratsiya', '/profil/registratsiya', {
      email: 'nov@example.bg',
      display_name: 'Я',
      password: 'kratka-p',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Името трябва да е поне 2 знака.');
    expect(res.body).toContain('Паролата трябва да е поне 10 знака.');
    expect(res.body).toContain('value="nov@example.bg"');
    expect(res.body).toContain('value="Я"');
    expect(res.body).not.toContain('kratka-p');
    expect(res.body).toMatch(/aria-invalid="true" aria-describedby="register-name-error register-name-hint"/);
    const again = await b.submit('/profil/registratsiya', '/profil/registratsiya', {
      email: taken.toUpperCase(),
      display_name: 'Втори Път',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Вече има профил с този имейл');
    expect(again.body).toMatch(/aria-invalid="true" aria-describedby="register-email-error"/);
    expect(again.body).toContain('value="Втори Път"');
    expect(again.body).not.toContain(PASSWORD);
    await site.services.accounts.settled();
    expect(smtp.received.filter((m) => m.to.includes('nov@example.bg'))).toHaveLength(0);
  });

  it('a wrong password is a generic 401; repeated failures are throttled with Retry-After', async () => {
    const { b, email } = await verifiedReader('Гадаещ');
    const wrong = await signIn(b, email, 'не е тази парола');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Грешен имейл или парола.');
    expect(wrong.body).toContain(`value="${email}"`);
    const unknown = await signIn(b, 'nyama-takav@example.bg', PASSWORD);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('Грешен имейл или парола.');
    for (let i = 0; i < 4; i++) expect((await signIn(b, email, `грешна ${i} парола`)).statusCode).toBe(401);
    const blocked = await signIn(b, email, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    const seconds = Number(blocked.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(900);
    expect(blocked.body).toContain(`след ${Math.ceil(seconds / 60)} минути`);
    expect(setCookies(blocked)).toEqual([]);
  });

  it('forged, missing, cross-site and stale form tokens', async () => {
    const { email } = await verifiedReader('Пазен');
    const b = browser();
    const fields = { email, password: PASSWORD };
    expect((await b.post('/profil/vhod', fields)).statusCode).toBe(403);
    expect((await b.post('/profil/vhod', { ...fields, _csrf: 'abc-def' })).statusCode).toBe(403);
    const foreign = new FormTokens('another-site-secret').create('account:login');
    expect((await b.post('/profil/vhod', { ...fields, _csrf: foreign })).statusCode).toBe(403);
    const otherForm = tokenOf((await b.get('/profil/registratsiya')).body);
    expect((await b.post('/profil/vhod', { ...fields, _csrf: otherForm })).statusCode).toBe(403);
    const good = tokenOf((await b.get('/profil/vhod')).body);
    const cross = await b.post(
      '/profil/vhod',
      { ...fields, _csrf: good },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.statusCode).toBe(403);
    expect(b.cookies.size).toBe(0);

    const secret = await getOrCreateSecret(getDb().db, 'form_token_secret');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * DAY);
    const old = new FormTokens(secret).create('account:login');
    vi.useRealTimers();
    const stale = await b.post('/profil/vhod', { ...fields, _csrf: old });
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain('Формата е остаряла');
    expect(stale.body).toContain(`value="${email}"`);
    expect(b.cookies.size).toBe(0);
  });

  it('next= must be a path on this site', async () => {
    const { b, email } = await verifiedReader('Пренасочен');
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example/', '/\t/evil.example']) {
      const res = await signIn(browser(), email, PASSWORD, evil);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
    }
    await signIn(b, email);
    const page = await b.get('/profil/vhod?next=//evil.example');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/');
    const fresh = browser();
    const form = await fresh.get('/profil/vhod?next=//evil.example');
    expect(form.body).not.toContain('evil.example');
    const cyrillic = await signIn(browser(), email, PASSWORD, '/търсене?q=нещо');
    expect(cyrillic.headers.location).toBe(encodeURI('/търсене?q=нещо'));
    const ok = await signIn(fresh, email, PASSWORD, '/svyat/statia#comment-form');
    expect(ok.headers.location).toBe('/svyat/statia#comment-form');
  });

  it('password reset: same answer for any address, one use per link', async () => {
    const { b: other, email } = await verifiedReader('Забравил');
    await signIn(other, email, PASSWORD);
    const b = browser();
    const asked = await b.submit('/profil/zabravena-parola', '/profil/zabravena-parola', { email });
    const stranger = await b.submit('/profil/zabravena-parola', '/profil/zabravena-parola', {
      email: 'nikoy@example.bg',
    });
    expect(asked.statusCode).toBe(200);
    expect(stranger.statusCode).toBe(200);
    const notice = (html: string) => /<p class="notice notice-ok"[^>]*>([^<]+)</.exec(html)?.[1];
    expect(notice(asked.body)).toContain('Ако има профил с този имейл');
    expect(notice(stranger.body)).toBe(notice(asked.body));
    const link = await linkInMail(email, '/profil/nova-parola');
    await site.services.accounts.settled();
    expect(smtp.received.some((m) => m.to.includes('nikoy@example.bg'))).toBe(false);

    const form = await b.get(link);
    expect(form.statusCode).toBe(200);
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const weak = await b.post('/profil/nova-parola', {
      _csrf: tokenOf(form.body),
      token,
      password: '1234567890',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('сред най-често използваните');
    const done = await b.post('/profil/nova-parola', {
      _csrf: tokenOf(form.body),
      token,
      password: 'нова дълга парола за вход',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Паролата е сменена');
    expect((await other.get('/profil')).statusCode).toBe(303);

    const usedAgain = await b.get(link);
    expect(usedAgain.statusCode).toBe(410);
    expect(usedAgain.body).toContain('Тази връзка вече е използвана');
    const postedAgain = await b.post('/profil/nova-parola', {
      _csrf: tokenOf(form.body),
      token,
      password: 'още една нова парола',
    });
    expect(postedAgain.statusCode).toBe(410);
    expect((await b.get('/profil/nova-parola?token=x')).statusCode).toBe(400);
    expect((await signIn(b, email, 'нова дълга парола за вход')).statusCode).toBe(303);
  });

  it('an expired session is treated as signed out, with a notice on the sign-in page', async () => {
    const { b, email } = await verifiedReader('Изтекъл');
    await signIn(b, email);
    expect((await b.get('/profil')).statusCode).toBe(200);
    site.clock.advance(31 * DAY);
    try {
      const login = await b.get('/profil/vhod');
      expect(login.statusCode).toBe(200);
      expect(login.body).toContain('Сесията ви е изтекла');
      expect(login.body).not.toContain('data-viewer');
      expect(b.cookies.has('vestnik_session')).toBe(false);
    } finally {
      site.clock.set(now);
    }
  });

  it('anonymous pages set no cookie', async () => {
    const b = browser();
    for (const url of ['/', '/profil/vhod', '/profil/registratsiya', '/profil/zabravena-parola']) {
      const res = await b.get(url);
      expect(res.statusCode).toBe(200);
      expect(setCookies(res)).toEqual([]);
    }
  });
});
