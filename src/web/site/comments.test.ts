import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { getOrCreateSecret } from '../../db/settings.js';
import { describeEachDatabase } from '../../db/testing.js';
import { FormTokens } from '../form-tokens.js';
import { createTestSite, type TestSite } from '../testing.js';

const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describeEachDatabase('posting comments', (getDb) => {
  let site: TestSite;
  let openId: number;
  let preId: number;
  let closedId: number;
  const now = Date.UTC(2026, 10, 25, 10, 0);

  beforeAll(async () => {
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    const c = room.categories.world;
    openId = await buildArticle(db, { categoryId: c, slug: 'otvorena', publishedAt: now - 60_000 });
    preId = await buildArticle(db, {
      categoryId: c,
      slug: 'premod',
      publishedAt: now - 60_000,
      commentRules: { moderation: 'pre' },
    });
    closedId = await buildArticle(db, {
      categoryId: c,
      slug: 'zatvorena',
      publishedAt: now - 60_000,
      commentRules: { who: 'closed' },
    });
    site = await createTestSite(getDb(), { COMMENTS_PER_MINUTE: '1000' }, now);
    await site.services.rankings.refresh();
  });
  afterAll(async () => site.close());

  async function form(slug: string) {
    const page = await site.app.inject(`/svyat/${slug}`);
    return tokenOf(page.body);
  }

  let guests = 0;
  function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
    guests++;
    return site.app.inject({
      method: 'POST',
      url: '/comments',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'Mozilla/5.0 test',
        ...headers,
      },
      payload: new URLSearchParams({ email: `gost${guests}@example.bg`, ...fields }).toString(),
    });
  }

  it('a guest comment shows at once (post-moderation) and the count changes everywhere', async () => {
    const token = await form('otvorena');
    const before = await site.app.inject('/svyat/otvorena');
    expect(before.body).toContain('0 коментара');
    const res = await post({
      _csrf: token,
      article_id: String(openId),
      name: 'Иван П.',
      body: 'Много добър материал!\nВижте https://example.bg/a?b=1 също.',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/svyat\/otvorena\?comment=posted#comment-\d+$/);
    const after = await site.app.inject('/svyat/otvorena');
    expect(after.body).toContain('Много добър материал!');
    expect(after.body).toContain('1 коментар');
    expect(after.body).toContain('rel="nofollow ugc noopener"');
    await site.services.rankings.refresh();
    const home = await site.app.inject('/');
    expect(home.body).toMatch(/Най-коментирани[\s\S]*1 коментар/);
  });

  it('a browser form post from the site itself is accepted', async () => {
    const token = await form('otvorena');
    const res = await post(
      { _csrf: token, article_id: String(openId), name: 'Браузър', body: 'Изпратено от формата.' },
      { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
    );
    expect(res.statusCode).toBe(303);
  });

  it('a reply is threaded under its comment', async () => {
    const token = await form('otvorena');
    await post({
      _csrf: token,
      article_id: String(openId),
      name: 'Мария',
      body: 'Първият коментар в нишката.',
    });
    const page = await site.app.inject('/svyat/otvorena');
    const parentId = [...page.body.matchAll(/id="comment-(\d+)"/g)].map((m) => m[1]).at(-1)!;
    const res = await post({
      _csrf: token,
      article_id: String(openId),
      parent_id: parentId,
      name: 'Петър',
      body: 'Отговор на Мария.',
    });
    expect(res.statusCode).toBe(303);
    const html = (await site.app.inject('/svyat/otvorena')).body;
    expect(html).toMatch(
      new RegExp(`id="comment-${parentId}"[\\s\\S]*class="replies"[\\s\\S]*Отговор на Мария.`),
    );
  });

  it('a double submit stores one comment', async () => {
    const token = await form('otvorena');
    const fields = {
      _csrf: token,
      article_id: String(openId),
      name: 'Двоен',
      body: 'Натиснах два пъти бутона.',
    };
    const [a, b] = await Promise.all([post(fields), post(fields)]);
    expect(a.headers.location).toBe(b.headers.location);
    const rows = await getDb()
      .db.selectFrom('comments')
      .where('author_name', '=', 'Двоен')
      .selectAll()
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('pre-moderation holds the comment and says so; nothing is shown or counted', async () => {
    const token = await form('premod');
    const res = await post({
      _csrf: token,
      article_id: String(preId),
      name: 'Гост',
      body: 'Чакащ коментар.',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('?comment=pending');
    const notice = await site.app.inject(res.headers.location as string);
    expect(notice.body).toContain('ще бъде публикуван след одобрение');
    expect(notice.body).not.toContain('Чакащ коментар.');
    const row = await getDb()
      .db.selectFrom('comments')
      .where('article_id', '=', preId)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('an over-long or empty comment gets 422 in Bulgarian and keeps what was typed', async () => {
    const token = await form('otvorena');
    const long = 'я'.repeat(3001);
    const res = await post({ _csrf: token, article_id: String(openId), name: 'Иван', body: long });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Коментарът може да е най-много 3000 знака.');
    expect(res.body).toContain(long);
    expect(res.body).toContain('value="Иван"');
    const empty = await post({ _csrf: token, article_id: String(openId), name: '', body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Моля, напишете име.');
    expect(empty.body).toContain('Моля, напишете коментар.');
  });

  it('JSON clients get 422 with field messages', async () => {
    const token = await form('otvorena');
    const res = await post(
      { _csrf: token, article_id: String(openId), name: 'Иван', body: '' },
      { accept: 'application/json' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.body).toBe('Моля, напишете коментар.');
  });

  it('a missing, forged, foreign or expired CSRF token gets 403; the expired form keeps the text', async () => {
    const base = { article_id: String(openId), name: 'Нападател', body: 'Фалшива заявка.' };
    expect((await post(base)).statusCode).toBe(403);
    expect((await post({ ...base, _csrf: 'abc-def' })).statusCode).toBe(403);
    const otherArticle = await form('premod');
    expect((await post({ ...base, _csrf: otherArticle })).statusCode).toBe(403);
    const foreign = new FormTokens('another-site-secret').create(`comment:${openId}`);
    expect((await post({ ...base, _csrf: foreign })).statusCode).toBe(403);
    const crossSite = await post(
      { ...base, _csrf: await form('otvorena') },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
    const rows = await getDb()
      .db.selectFrom('comments')
      .where('author_name', '=', 'Нападател')
      .selectAll()
      .execute();
    expect(rows).toHaveLength(0);
    // Signed by this site, but older than its validity: 403 with the form and the text kept.
    const secret = await getOrCreateSecret(getDb().db, 'form_token_secret');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * 86_400_000);
    const old = new FormTokens(secret).create(`comment:${openId}`);
    vi.useRealTimers();
    const expired = await post({
      _csrf: old,
      article_id: String(openId),
      name: 'Закъснял',
      body: 'Текстът ми е тук.',
    });
    expect(expired.statusCode).toBe(403);
    expect(expired.body).toContain('Формата е остаряла');
    expect(expired.body).toContain('Текстът ми е тук.');
    expect(expired.body).toContain('value="Закъснял"');
  });

  it('a comment on a missing or closed article gets a clear error', async () => {
    const token = await form('otvorena');
    const missing = await post({
      _csrf: token,
      article_id: '999999',
      name: 'Иван',
      body: 'Къде е статията?',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Статията не съществува');
    const closed = await post({
      _csrf: token,
      article_id: String(closedId),
      name: 'Иван',
      body: 'Затворено ли е?',
    });
    expect(closed.statusCode).toBe(403);
    expect(closed.body).toContain('Коментарите към тази статия са затворени.');
    const closedPage = await site.app.inject('/svyat/zatvorena');
    expect(closedPage.body).not.toContain('data-comment-form');
  });

  it('malformed fields are 400, never 500', async () => {
    for (const fields of [{ article_id: 'abc' }, { article_id: '1', parent_id: '-3' }, {}]) {
      const res = await post(fields as Record<string, string>);
      expect(res.statusCode).toBe(400);
    }
    const huge = await site.app.inject({
      method: 'POST',
      url: '/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `body=${'x'.repeat(300_000)}`,
    });
    expect(huge.statusCode).toBe(413);
  });

  it('the honeypot drops bots without telling them', async () => {
    const token = await form('otvorena');
    const res = await post({
      _csrf: token,
      article_id: String(openId),
      name: 'Бот',
      body: 'Купете сега!',
      website: 'http://spam.example',
    });
    expect(res.statusCode).toBe(303);
    const rows = await getDb()
      .db.selectFrom('comments')
      .where('author_name', '=', 'Бот')
      .selectAll()
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('reader text cannot inject HTML', async () => {
    const token = await form('otvorena');
    await post({
      _csrf: token,
      article_id: String(openId),
      name: '<img src=x onerror=alert(1)>',
      body: '<script>alert(1)</script> "><svg onload=alert(1)>',
    });
    const html = (await site.app.inject('/svyat/otvorena')).body;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
  });

  it('floods are rate-limited with 429 and a Bulgarian message', async () => {
    // A minute of its own: the other tests' comments came from the same address in the same window.
    const strict = await createTestSite(getDb(), { COMMENTS_PER_MINUTE: '2' }, now + 10 * 60_000);
    try {
      const token = tokenOf((await strict.app.inject('/svyat/otvorena')).body);
      let n = 0;
      const send = () =>
        strict.app.inject({
          method: 'POST',
          url: '/comments',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({
            _csrf: token,
            article_id: String(openId),
            name: 'Бърз читател',
            email: `burz${++n}@example.bg`,
            body: `Коментар номер ${n} от един и същ адрес.`,
          }).toString(),
        });
      expect((await send()).statusCode).toBe(303);
      expect((await send()).statusCode).toBe(303);
      const limited = await send();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      expect(limited.body).toContain('Публикувате твърде често');
      // What was typed comes back in the form.
      expect(limited.body).toContain('Коментар номер 3 от един и същ адрес.');
      // The coarse in-process guard still answers junk floods with the site's 429 page.
      const junk = () =>
        strict.app.inject({
          method: 'POST',
          url: '/comments',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'article_id=1',
        });
      let last = await junk();
      for (let i = 0; i < 70 && last.statusCode !== 429; i++) last = await junk();
      expect(last.statusCode).toBe(429);
      expect(last.body).toContain('Твърде много заявки');
    } finally {
      await strict.close();
    }
  });
});
