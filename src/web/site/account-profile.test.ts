import type { Response } from 'light-my-request';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from '../../infra/mail-testing.js';
import { createTestSite, type TestSite } from '../testing.js';

const DAY = 86_400_000;
const PASSWORD = 'зелен чай с мед и лимон';
const ARTICLE = '/svyat/za-profila';
const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const setCookies = (res: Response) => [res.headers['set-cookie'] ?? []].flat();

/** A browser of one reader: its own address and cookie jar, kept by hand from Set-Cookie. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly site: TestSite,
    readonly ip: string,
  ) {}

  async get(url: string) {
    return this.keep(
      await this.site.app.inject({ method: 'GET', url, headers: this.headers(), remoteAddress: this.ip }),
    );
  }

  async post(url: string, fields: Record<string, string>) {
    const res = await this.site.app.inject({
      method: 'POST',
      url,
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
      remoteAddress: this.ip,
    });
    return this.keep(res);
  }

  /** GETs the page and posts to `action` with the page's form token. */
  async submit(page: string, action: string, fields: Record<string, string>) {
    return this.post(action, { _csrf: tokenOf((await this.get(page)).body), ...fields });
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { 'user-agent': 'Mozilla/5.0 test', ...(cookie ? { cookie } : {}) };
  }

  private keep(res: Response): Response {
    for (const line of setCookies(res)) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (pair.slice(eq + 1) === '') this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
}

describeEachDatabase('reader accounts: the profile', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let smtp: SmtpCapture;
  let articleId: number;
  let n = 0;

  beforeAll(async () => {
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    articleId = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: 'za-profila',
      publishedAt: now - 60_000,
    });
    smtp = await startSmtpCapture();
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', SMTP_URL: smtp.url }, now);
  });
  afterAll(async () => {
    await site.close();
    await smtp.close();
  });

  const browser = () => new Browser(site, `127.0.1.${++n}`);

  async function linkInMail(to: string, path: string): Promise<string> {
    const mail = await smtp.next();
    expect(mail.to).toEqual([to]);
    const re = new RegExp(`^http://localhost:3000(${path}\\?token=[A-Za-z0-9_-]{43})$`, 'm');
    const link = re.exec(parseMail(mail.raw).text)?.[1];
    if (!link) throw new Error(`no ${path} link in the mail`);
    return link;
  }

  const signIn = (b: Browser, email: string, password = PASSWORD) =>
    b.submit('/profil/vhod', '/profil/vhod', { email, password });

  /** A reader who signed up through the site, confirmed (or not) and is signed in. */
  async function reader(name: string, confirm = true) {
    const b = browser();
    const email = `profil${n}@example.bg`;
    await b.submit('/profil/registratsiya', '/profil/registratsiya', {
      email,
      display_name: name,
      password: PASSWORD,
    });
    const link = await linkInMail(email, '/profil/potvarzhdenie');
    if (confirm) await b.get(link);
    expect((await signIn(b, email)).statusCode).toBe(303);
    return { b, email };
  }

  async function comment(b: Browser, body: string) {
    const res = await b.submit(ARTICLE, '/comments', { article_id: String(articleId), body });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/\?comment=posted#comment-\d+$/);
  }

  it('a new name shows on the profile and in the masthead; a bad one comes back typed', async () => {
    const { b } = await reader('Старо Име');
    const saved = await b.submit('/profil', '/profil/ime', { display_name: '  Ново   Име ' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/profil?done=name');
    const page = await b.get(saved.headers.location as string);
    expect(page.body).toContain('Името е сменено.');
    expect(page.body).toMatch(/data-viewer[^>]*>Ново Име</);
    expect(page.body).toContain('value="Ново Име"');
    const bad = await b.submit('/profil', '/profil/ime', { display_name: 'Я' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('value="Я"');
    expect(bad.body).toContain('Името трябва да е поне 2 знака.');
    expect(bad.body).toMatch(/id="profile-name"[^>]*aria-invalid="true"/);
  });

  it('profile forms are bound to the session: another session’s token or none is a 403', async () => {
    const { b, email } = await reader('Двама');
    const other = browser();
    await signIn(other, email);
    const othersToken = tokenOf((await other.get('/profil')).body);
    expect((await b.post('/profil/ime', { _csrf: othersToken, display_name: 'Подменено' })).statusCode).toBe(
      403,
    );
    expect((await b.post('/profil/ime', { display_name: 'Подменено' })).statusCode).toBe(403);
    expect((await b.post('/profil/izhod', {})).statusCode).toBe(403);
    expect((await b.get('/profil')).body).not.toContain('Подменено');
  });

  it('changing the password signs out the other sessions and keeps this one', async () => {
    const { b, email } = await reader('Сменящ');
    const phone = browser();
    await signIn(phone, email);
    const wrong = await b.submit('/profil', '/profil/parola', {
      current_password: 'не е тази',
      new_password: 'съвсем нова парола',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Паролата е грешна.');
    const weak = await b.submit('/profil', '/profil/parola', {
      current_password: PASSWORD,
      new_password: 'кратка',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('Паролата трябва да е поне 10 знака.');
    const done = await b.submit('/profil', '/profil/parola', {
      current_password: PASSWORD,
      new_password: 'съвсем нова парола',
    });
    expect(done.headers.location).toBe('/profil?done=password');
    expect((await b.get('/profil?done=password')).body).toContain('Паролата е сменена.');
    expect((await phone.get('/profil')).statusCode).toBe(303);
    expect((await signIn(browser(), email, 'съвсем нова парола')).statusCode).toBe(303);
  });

  it('the reply-notice preference is saved', async () => {
    const { b } = await reader('Известяван');
    const checked = (html: string) => /<input type="checkbox" id="profile-notify"[^>]*checked/.test(html);
    expect(checked((await b.get('/profil')).body)).toBe(false);
    expect((await b.submit('/profil', '/profil/izvestiya', { notify: '1' })).headers.location).toBe(
      '/profil?done=notify',
    );
    expect(checked((await b.get('/profil')).body)).toBe(true);
    await b.submit('/profil', '/profil/izvestiya', {});
    expect(checked((await b.get('/profil')).body)).toBe(false);
  });

  it('an unconfirmed reader can ask for a new link; banned and suspended readers are told', async () => {
    const { b, email } = await reader('Непотвърден', false);
    const page = await b.get('/profil');
    expect(page.body).toContain('(непотвърден)');
    const resent = await b.submit('/profil', '/profil/izprati-otnovo', {});
    expect(resent.headers.location).toBe('/profil?done=resent');
    await b.get(await linkInMail(email, '/profil/potvarzhdenie'));
    expect((await b.get('/profil')).body).toContain('(потвърден)');

    const db = getDb().db;
    await db
      .updateTable('users')
      .set({ suspended_until: now + DAY })
      .where('email', '=', email)
      .execute();
    expect((await b.get('/profil')).body).toContain('временно спрян до');
    await db.updateTable('users').set({ banned_at: now }).where('email', '=', email).execute();
    expect((await b.get('/profil')).body).toContain('блокиран от модераторите');
  });

  it('the data export downloads as JSON with the reader’s comments', async () => {
    const { b, email } = await reader('Изнасящ');
    await comment(b, 'Коментар за износа на данни.');
    const res = await b.get('/profil/danni.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(res.body);
    expect(data.profile).toMatchObject({ email, displayName: 'Изнасящ' });
    expect(data.comments).toEqual([
      expect.objectContaining({ articleId, body: 'Коментар за износа на данни.' }),
    ]);
    const anonymous = await browser().get('/profil/danni.json');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/profil/vhod?next=/profil/danni.json');
  });

  it('deleting the account with its comments removes them from the article', async () => {
    const { b, email } = await reader('Заминаващ');
    await comment(b, 'Коментар, който ще изчезне с профила.');
    expect((await browser().get(ARTICLE)).body).toContain('Коментар, който ще изчезне с профила.');
    expect(site.services.pageCache.get(ARTICLE)).toBeDefined();

    const noChoice = await b.submit('/profil', '/profil/iztrivane', { password: PASSWORD });
    expect(noChoice.statusCode).toBe(422);
    expect(noChoice.body).toContain('Изберете какво да стане с коментарите ви.');
    const wrong = await b.submit('/profil', '/profil/iztrivane', {
      mode: 'remove-comments',
      password: 'не е тази',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Паролата е грешна.');
    expect(wrong.body).toMatch(/id="delete-remove-comments"[^>]*checked/);

    const session = b.cookies.get('vestnik_session');
    const gone = await b.submit('/profil', '/profil/iztrivane', {
      mode: 'remove-comments',
      password: PASSWORD,
    });
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/profil/iztrit');
    expect(session).toBeDefined();
    expect(b.cookies.has('vestnik_session')).toBe(false);
    expect((await b.get('/profil/iztrit')).body).toContain('Профилът е изтрит');
    expect(site.services.pageCache.get(ARTICLE)).toBeUndefined();
    const article = (await browser().get(ARTICLE)).body;
    expect(article).not.toContain('Коментар, който ще изчезне с профила.');
    expect(article).not.toContain('Заминаващ');
    const row = await getDb()
      .db.selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('deleting the account but keeping the comments signs them „изтрит потребител“', async () => {
    const { b } = await reader('Оставящ Следа');
    await comment(b, 'Този коментар остава и след мен.');
    const gone = await b.submit('/profil', '/profil/iztrivane', {
      mode: 'keep-comments',
      password: PASSWORD,
    });
    expect(gone.headers.location).toBe('/profil/iztrit');
    const article = (await browser().get(ARTICLE)).body;
    expect(article).toContain('Този коментар остава и след мен.');
    expect(article).toContain('изтрит потребител');
    expect(article).not.toContain('Оставящ Следа');
  });

  it('refuses to delete the site’s only admin, and keeps the account', async () => {
    const { b, email } = await reader('Единствен Админ');
    await getDb().db.updateTable('users').set({ role: 'admin' }).where('email', '=', email).execute();
    const others = await getDb().db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    expect(others).toHaveLength(1);
    const refused = await b.submit('/profil', '/profil/iztrivane', {
      mode: 'keep-comments',
      password: PASSWORD,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Вие сте единственият администратор на сайта.');
    const row = await getDb()
      .db.selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    expect(row).toBeDefined();
  });
});
