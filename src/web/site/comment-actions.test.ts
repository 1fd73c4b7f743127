import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from '../../infra/mail-testing.js';
import { createTestSite, type TestSite } from '../testing.js';

const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const form = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 test' };

describeEachDatabase('a signed-in reader’s comments', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let smtp: SmtpCapture;
  let articleId: number;
  let membersId: number;
  let users = 0;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    articleId = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: 'tema',
      publishedAt: now - 60_000,
    });
    membersId = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: 'samo-chlenove',
      publishedAt: now - 60_000,
      commentRules: { who: 'registered' },
    });
    site = await createTestSite(
      getDb(),
      { PASSWORD_COST: '10', SMTP_URL: smtp.url, COMMENTS_PER_MINUTE: '1000' },
      now,
    );
  });
  afterAll(async () => {
    await site.close();
    await smtp.close();
  });

  /** A verified reader with a live session: the cookie to send. */
  async function signIn(name: string): Promise<{ id: number; email: string; cookie: string }> {
    users++;
    const email = `reader${users}@example.bg`;
    const made = await site.services.accounts.addUser(
      { email, displayName: name, password: 'дълга-парола-123', role: 'reader' },
      site.clock.now(),
    );
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const token = await site.services.sessions.create(made.userId, 'test', site.clock.now());
    return { id: made.userId, email, cookie: `vestnik_session=${token}` };
  }

  /** The mail sent to this address, waiting for it to arrive. */
  async function mailTo(address: string) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = smtp.received.find((m) => m.to.includes(address));
      if (found) return parseMail(found.raw);
      if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  const page = (path: string, cookie?: string) =>
    site.app.inject({ url: path, headers: cookie ? { cookie } : {} });

  const post = (url: string, fields: Record<string, string>, cookie?: string) =>
    site.app.inject({
      method: 'POST',
      url,
      headers: { ...form, ...(cookie ? { cookie } : {}) },
      payload: new URLSearchParams(fields).toString(),
    });

  async function comment(cookie: string, body: string, slug = 'tema', id = articleId, parent?: number) {
    const token = tokenOf((await page(`/svyat/${slug}`, cookie)).body);
    const res = await post(
      '/comments',
      {
        _csrf: token,
        article_id: String(id),
        body,
        notify: '1',
        ...(parent ? { parent_id: String(parent) } : {}),
      },
      cookie,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return Number(/#comment-(\d+)/.exec(res.headers.location as string)?.[1]);
  }

  it('a signed-in page is personal: never cached, shows the name, posts under it', async () => {
    const ana = await signIn('Ана Петрова');
    const res = await page('/svyat/tema', ana.cookie);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('Коментирате като Ана Петрова');
    expect(res.body).not.toContain('name="email"');
    const id = await comment(ana.cookie, 'Първият ми коментар като читател.');
    const anon = await page('/svyat/tema');
    expect(anon.body).toContain('Първият ми коментар като читател.');
    expect(anon.body).toContain(`id="comment-${id}"`);
    expect(anon.headers['set-cookie']).toBeUndefined();
  });

  it('a guest token does not work for a signed-in reader, and the reverse', async () => {
    const boris = await signIn('Борис');
    const guestToken = tokenOf((await page('/svyat/tema')).body);
    const res = await post(
      '/comments',
      { _csrf: guestToken, article_id: String(articleId), body: 'Чужд ключ.' },
      boris.cookie,
    );
    expect(res.statusCode).toBe(403);
  });

  it('edits within 10 minutes keep history and show „редактиран“; later they are refused', async () => {
    const vera = await signIn('Вера');
    const id = await comment(vera.cookie, 'Текст с грешка в него.');
    const editPage = await page(`/svyat/tema?edit=${id}`, vera.cookie);
    expect(editPage.body).toContain(`action="/comments/${id}/edit"`);
    const token = tokenOf(editPage.body);
    const saved = await post(
      `/comments/${id}/edit`,
      { _csrf: token, body: 'Текст без грешка в него.' },
      vera.cookie,
    );
    expect(saved.statusCode).toBe(303);
    const after = await page('/svyat/tema');
    expect(after.body).toContain('Текст без грешка в него.');
    expect(after.body).toContain('редактиран');
    const revisions = await site.services.db
      .selectFrom('comment_revisions')
      .select('body')
      .where('comment_id', '=', id)
      .execute();
    expect(revisions.map((r) => r.body)).toEqual(['Текст с грешка в него.']);
    // An empty text comes back with the error and what was typed.
    const empty = await post(`/comments/${id}/edit`, { _csrf: token, body: ' ' }, vera.cookie);
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Моля, напишете коментар.');
    site.clock.advance(11 * 60_000);
    try {
      const late = await post(`/comments/${id}/edit`, { _csrf: token, body: 'Твърде късно.' }, vera.cookie);
      expect(late.statusCode).toBe(403);
      expect(late.body).toContain('Времето за редактиране (10 минути) е изтекло.');
    } finally {
      site.clock.advance(-11 * 60_000);
    }
    const other = await signIn('Чужд');
    const foreign = tokenOf((await page('/svyat/tema', other.cookie)).body);
    const notMine = await post(`/comments/${id}/edit`, { _csrf: foreign, body: 'Не е мой.' }, other.cookie);
    expect(notMine.statusCode).toBe(403);
  });

  it('deletes their own comment; replies stay under a placeholder', async () => {
    const gosho = await signIn('Гошо');
    const replier = await signIn('Отговарящ');
    const id = await comment(gosho.cookie, 'Ще го изтрия след малко.');
    await comment(replier.cookie, 'Отговор, който остава.', 'tema', articleId, id);
    const token = tokenOf((await page('/svyat/tema', gosho.cookie)).body);
    const res = await post(`/comments/${id}/delete`, { _csrf: token }, gosho.cookie);
    expect(res.statusCode).toBe(303);
    const after = await page('/svyat/tema');
    expect(after.body).not.toContain('Ще го изтрия след малко.');
    expect(after.body).toContain('Коментарът е изтрит.');
    expect(after.body).toContain('Отговор, който остава.');
  });

  it('reacts 👍 / 👎 once each, never on their own comment; guests are sent to sign in', async () => {
    const author = await signIn('Автор');
    const fan = await signIn('Почитател');
    const id = await comment(author.cookie, 'Коментар за оценяване.');
    const token = tokenOf((await page('/svyat/tema', fan.cookie)).body);
    const react = (value: string, cookie = fan.cookie, csrf = token) =>
      site.app.inject({
        method: 'POST',
        url: `/comments/${id}/react`,
        headers: { ...form, accept: 'application/json', cookie },
        payload: `_csrf=${encodeURIComponent(csrf)}&value=${value}`,
      });
    expect((await react('1')).json()).toEqual({ ok: true, likes: 1, dislikes: 0, myReaction: 1 });
    expect((await react('1')).json()).toEqual({ ok: true, likes: 0, dislikes: 0, myReaction: 0 });
    expect((await react('-1')).json()).toEqual({ ok: true, likes: 0, dislikes: 1, myReaction: -1 });
    expect((await react('5')).statusCode).toBe(400);
    const ownToken = tokenOf((await page('/svyat/tema', author.cookie)).body);
    expect((await react('1', author.cookie, ownToken)).statusCode).toBe(403);
    const guest = await post(`/comments/${id}/react`, { _csrf: token, value: '1' });
    expect(guest.statusCode).toBe(401);
    expect((await page('/svyat/tema')).body).toContain('/profil/vhod?next=');
  });

  it('reports with a reason, from a guest or a reader; the form keeps what was typed', async () => {
    const author = await signIn('Спорен');
    const id = await comment(author.cookie, 'Спорно мнение по темата.');
    const formPage = await page(`/comments/${id}/report`);
    expect(formPage.statusCode).toBe(200);
    const token = tokenOf(formPage.body);
    const missing = await post(`/comments/${id}/report`, { _csrf: token, note: 'Без причина' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Изберете причина.');
    expect(missing.body).toContain('Без причина');
    const sent = await post(`/comments/${id}/report`, { _csrf: token, reason: 'abuse', note: 'Обидно.' });
    expect(sent.statusCode).toBe(303);
    const row = await site.services.db
      .selectFrom('comments')
      .select('open_reports')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.open_reports)).toBe(1);
    const forged = await post(`/comments/${id}/report`, { _csrf: 'forged', reason: 'spam' });
    expect(forged.statusCode).toBe(403);
  });

  it('a thread for registered readers asks a guest to sign in, and refuses a guest post', async () => {
    const res = await page('/svyat/samo-chlenove');
    expect(res.body).toContain('само за регистрирани читатели');
    expect(res.body).not.toContain('data-comment-form');
    const token = tokenOf((await page('/svyat/tema')).body);
    const guest = await post('/comments', {
      _csrf: token,
      article_id: String(membersId),
      name: 'Гост',
      email: 'gost@example.bg',
      body: 'Опит.',
    });
    expect(guest.statusCode).toBe(403);
    const member = await signIn('Член');
    await comment(member.cookie, 'Член пише тук.', 'samo-chlenove', membersId);
  });

  it('an expired session is treated as signed out, with a message, and the text kept', async () => {
    const old = await signIn('Стар');
    const token = tokenOf((await page('/svyat/tema', old.cookie)).body);
    site.clock.advance(31 * 86_400_000);
    try {
      const res = await post(
        '/comments',
        { _csrf: token, article_id: String(articleId), body: 'Пиша след месец.' },
        old.cookie,
      );
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('Сесията ви е изтекла');
      expect(res.body).toContain('Пиша след месец.');
    } finally {
      site.clock.advance(-31 * 86_400_000);
    }
  });

  it('an unverified reader is told to confirm the email', async () => {
    const made = await site.services.accounts.register(
      { email: 'neporvaden@example.bg', displayName: 'Непотвърден', password: 'дълга-парола-123' },
      now,
    );
    if (!made.ok) throw new Error('not registered');
    expect((await mailTo('neporvaden@example.bg')).text).toContain('/profil/potvarzhdenie?token=');
    const cookie = `vestnik_session=${await site.services.sessions.create(made.userId, 'test', now)}`;
    const token = tokenOf((await page('/svyat/tema', cookie)).body);
    const res = await post(
      '/comments',
      { _csrf: token, article_id: String(articleId), body: 'Може ли?' },
      cookie,
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Потвърдете имейла си');
  });

  it('emails the author of a comment when someone replies, if they asked', async () => {
    const asker = await signIn('Питащ');
    const answerer = await signIn('Отговарящ');
    const id = await comment(asker.cookie, 'Някой знае ли кога започва ремонтът?');
    await comment(answerer.cookie, 'От понеделник, според общината.', 'tema', articleId, id);
    const mail = await mailTo(asker.email);
    expect(mail.text).toContain('Отговарящ');
    expect(mail.text).toContain('От понеделник, според общината.');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/svyat\/tema#comment-\d+/);
  });

  it('sorts and pages comments, validates both, and serves the next page as a fragment', async () => {
    const sorted = await page('/svyat/tema?sort=oldest');
    expect(sorted.statusCode).toBe(200);
    expect(sorted.headers['cache-control']).toBe('private, no-store');
    expect((await page('/svyat/tema?sort=random')).statusCode).toBe(400);
    expect((await page('/svyat/tema?cpage=0')).statusCode).toBe(400);
    const fragment = await site.app.inject(`/api/comments/${articleId}?page=1&sort=top`);
    expect(fragment.statusCode).toBe(200);
    expect(fragment.json().html).toContain('class="comment');
    expect((await site.app.inject(`/api/comments/${articleId}?page=x`)).statusCode).toBe(400);
  });
});
