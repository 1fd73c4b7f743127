import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { hashToken } from '../../accounts/sessions.js';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { getOrCreateSecret } from '../../db/settings.js';
import { describeEachDatabase } from '../../db/testing.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from '../../infra/mail-testing.js';
import { FormTokens } from '../form-tokens.js';
import { createTestSite, type TestSite } from '../testing.js';
import {
  deskIds,
  get,
  guestComment,
  post,
  readerComment,
  signIn,
  type TestUser,
  tokenOf,
} from './testing.js';

const DESK = '/admin/moderation';

describeEachDatabase('the moderation desk', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let smtp: SmtpCapture;
  let mod: TestUser;
  const premod = { slug: 'premod', id: 0 };
  const open = { slug: 'otvorena', id: 0 };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    const world = room.categories.world;
    premod.id = await buildArticle(db, {
      categoryId: world,
      slug: premod.slug,
      title: 'Предварително модерирана',
      publishedAt: now - 60_000,
      commentRules: { moderation: 'pre' },
    });
    open.id = await buildArticle(db, { categoryId: world, slug: open.slug, publishedAt: now - 60_000 });
    site = await createTestSite(
      getDb(),
      { PASSWORD_COST: '10', SMTP_URL: smtp.url, COMMENTS_PER_MINUTE: '1000' },
      now,
    );
    mod = await signIn(site, 'moderator', 'Мира Модераторова');
  });
  afterAll(async () => {
    await site.close();
    await smtp.close();
  });

  const statusOf = async (id: number) =>
    (
      await getDb()
        .db.selectFrom('comments')
        .select(['status', 'featured'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  /** A pending guest comment on the pre-moderated article; its id. */
  async function pending(body: string, name = 'Гост Гостев'): Promise<number> {
    const res = await guestComment(site, premod, { name, body });
    expect(res.headers.location).toContain('comment=pending');
    const row = await getDb()
      .db.selectFrom('comments')
      .select('id')
      .where('body', '=', body)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Sends a desk form the way the page's buttons do, with the page's own token. */
  async function decide(fields: Record<string, string | string[]>, queue = 'pending', who = mod) {
    const page = await get(site, `${DESK}?queue=${queue}`, who.cookie);
    return post(
      site,
      `${DESK}/action`,
      { _csrf: tokenOf(page.body), return_to: `${DESK}?queue=${queue}`, ...fields },
      who.cookie,
    );
  }

  it('shows the pending queue with the reason, the guest’s email and the text as text', async () => {
    await pending('Чакам одобрение <b>веднага</b>.', 'Иван Гостенин');
    const links = await guestComment(site, open, {
      name: 'Линкаджия',
      body: 'Вижте https://a.example/1 и https://b.example/2 и https://c.example/3 тук.',
    });
    expect(links.headers.location).toContain('comment=pending');
    const res = await get(site, `${DESK}?queue=pending`, mod.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Статията е с предварителна модерация');
    expect(res.body).toContain('Твърде много връзки: 3 връзки');
    expect(res.body).toContain('Иван Гостенин');
    expect(res.body).toMatch(/gost\d+@example\.bg/);
    expect(res.body).toContain('Чакам одобрение &lt;b>веднага&lt;/b>.');
    expect(res.body).not.toContain('<b>веднага</b>');
    expect(res.body).toMatch(/<a href="\/admin\/moderation\?queue=pending" aria-current="page">Чакащи/);
    expect(res.body).toContain('Клавишни комбинации');
    expect(res.body).toContain(site.services.assets.adminJs);
    expect(res.body).toContain(site.services.assets.adminCss);
    expect(res.body).toContain('data-key="a"');
    expect(res.body).toContain('Вестник · Редакция');
  });

  it('approving from the desk publishes the comment and moves the count', async () => {
    const id = await pending('Одобрете ме, моля.');
    const before = await get(site, '/svyat/premod');
    expect(before.body).not.toContain('Одобрете ме, моля.');
    const approvedBefore = Number(
      (
        await getDb()
          .db.selectFrom('articles')
          .select('comment_count')
          .where('id', '=', premod.id)
          .executeTakeFirstOrThrow()
      ).comment_count,
    );
    const res = await decide({ item: `approve:${id}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${DESK}?queue=pending&done=approve&n=1`);
    const back = await get(site, res.headers.location as string, mod.cookie);
    expect(back.body).toContain('Одобрени: 1');
    expect(deskIds(back.body)).not.toContain(id);
    const after = await get(site, '/svyat/premod');
    expect(after.body).toContain('Одобрете ме, моля.');
    expect(after.body).toContain(`id="comment-${id}"`);
    expect(after.body).toContain(`${approvedBefore + 1} коментар`);
  });

  it('rejects three at once from the bulk form', async () => {
    const ids = [
      await pending('Първи от трите.'),
      await pending('Втори от трите.'),
      await pending('Трети от трите.'),
    ];
    const res = await decide({ action: 'reject', ids: ids.map(String) });
    expect(res.headers.location).toBe(`${DESK}?queue=pending&done=reject&n=3`);
    expect((await get(site, res.headers.location as string, mod.cookie)).body).toContain('Отхвърлени: 3');
    for (const id of ids) expect(await statusOf(id)).toBe('rejected');
    const rejected = await get(site, `${DESK}?queue=rejected`, mod.cookie);
    for (const id of ids) expect(deskIds(rejected.body)).toContain(id);
    const pendingNow = await get(site, `${DESK}?queue=pending`, mod.cookie);
    for (const id of ids) expect(deskIds(pendingNow.body)).not.toContain(id);
  });

  it('featuring puts the comment under “Избрани коментари” on the article', async () => {
    const posted = await guestComment(site, open, {
      name: 'Мъдрец',
      body: 'Много точен и полезен коментар.',
    });
    const id = Number(/#comment-(\d+)/.exec(posted.headers.location as string)?.[1]);
    const res = await decide({ item: `feature:${id}` }, 'approved');
    expect(res.headers.location).toBe(`${DESK}?queue=approved&done=feature&n=1`);
    const page = await get(site, '/svyat/otvorena');
    const shelf = /<section class="featured-comments"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    expect(shelf).toContain('Избрани коментари');
    expect(shelf).toContain('Много точен и полезен коментар.');
    const desk = await get(site, `${DESK}?queue=approved`, mod.cookie);
    expect(desk.body).toContain(`value="unfeature:${id}"`);
  });

  it('approving a pending reply emails the reader it answers', async () => {
    const reader = await signIn(site, 'reader', 'Читател Известен');
    const parent = await readerComment(site, reader.cookie, premod, 'Въпрос към всички.', { notify: '1' });
    expect(parent.statusCode).toBe(303);
    const parentId = (
      await getDb()
        .db.selectFrom('comments')
        .select('id')
        .where('body', '=', 'Въпрос към всички.')
        .executeTakeFirstOrThrow()
    ).id;
    await decide({ item: `approve:${parentId}` });
    const replyId = await (async () => {
      await guestComment(site, premod, {
        name: 'Отговарящ',
        body: 'Ето моят отговор.',
        parent_id: String(parentId),
      });
      return (
        await getDb()
          .db.selectFrom('comments')
          .select('id')
          .where('body', '=', 'Ето моят отговор.')
          .executeTakeFirstOrThrow()
      ).id;
    })();
    expect(smtp.received.filter((m) => m.to.includes(reader.email))).toHaveLength(0);
    await decide({ action: 'approve', ids: [String(replyId)] });
    const mail = await smtp.next(5000);
    expect(mail.to).toEqual([reader.email]);
    expect(parseMail(mail.raw).text).toContain('Ето моят отговор.');
  });

  it('refuses forged, foreign and cross-site posts; an expired form comes back with a notice', async () => {
    const id = await pending('Не пипайте този коментар.');
    const page = await get(site, DESK, mod.cookie);
    const base = { action: 'approve', ids: String(id), return_to: `${DESK}?queue=pending` };
    expect((await post(site, `${DESK}/action`, base, mod.cookie)).statusCode).toBe(403);
    expect((await post(site, `${DESK}/action`, { ...base, _csrf: 'abc-def' }, mod.cookie)).statusCode).toBe(
      403,
    );
    // A token from the public article page is bound to the article, not to this session.
    const publicToken = tokenOf((await get(site, '/svyat/otvorena')).body);
    expect((await post(site, `${DESK}/action`, { ...base, _csrf: publicToken }, mod.cookie)).statusCode).toBe(
      403,
    );
    // Another moderator's token is bound to their session.
    const other = await signIn(site, 'moderator', 'Друг Модератор');
    const otherToken = tokenOf((await get(site, DESK, other.cookie)).body);
    expect((await post(site, `${DESK}/action`, { ...base, _csrf: otherToken }, mod.cookie)).statusCode).toBe(
      403,
    );
    const crossSite = await post(site, `${DESK}/action`, { ...base, _csrf: tokenOf(page.body) }, mod.cookie, {
      origin: 'https://evil.example',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await statusOf(id)).toBe('pending');

    const secret = await getOrCreateSecret(getDb().db, 'form_token_secret');
    const sessionId = hashToken(mod.cookie.split('=')[1] ?? '');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * 86_400_000);
    const old = new FormTokens(secret).create(`session:${sessionId}`);
    vi.useRealTimers();
    const expired = await post(site, `${DESK}/action`, { ...base, _csrf: old }, mod.cookie);
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe(`${DESK}?queue=pending&expired=1`);
    expect((await get(site, expired.headers.location as string, mod.cookie)).body).toContain(
      'Формата е остаряла',
    );
    expect(await statusOf(id)).toBe('pending');
  });

  it('searches and filters by article', async () => {
    await pending('Уникална фраза за търсене.');
    const found = await get(
      site,
      `${DESK}?queue=pending&q=${encodeURIComponent('Уникална фраза')}`,
      mod.cookie,
    );
    expect(found.body).toContain('Уникална фраза за търсене.');
    expect(found.body).not.toContain('Не пипайте този коментар.');
    const other = await get(site, `${DESK}?queue=pending&article=${open.id}`, mod.cookie);
    expect(other.body).not.toContain('Уникална фраза за търсене.');
    expect(other.body).toContain(`Само коментари към статия №${open.id}`);
  });

  it('the reported queue shows each report’s reason and note; dismissing clears it', async () => {
    const posted = await guestComment(site, open, { name: 'Спорен', body: 'Спорно мнение по темата.' });
    const id = Number(/#comment-(\d+)/.exec(posted.headers.location as string)?.[1]);
    const form = await get(site, `/comments/${id}/report`);
    const reported = await post(site, `/comments/${id}/report`, {
      _csrf: tokenOf(form.body),
      reason: 'abuse',
      note: 'Обижда <i>другите</i>.',
    });
    expect(reported.statusCode).toBe(303);
    const desk = await get(site, `${DESK}?queue=reported`, mod.cookie);
    expect(deskIds(desk.body)).toEqual([id]);
    expect(desk.body).toContain('Обиди, заплахи или език на омразата × 1');
    expect(desk.body).toContain('Обижда &lt;i>другите&lt;/i>.');
    expect(desk.body).toContain(`value="dismiss-reports:${id}"`);
    const res = await decide({ item: `dismiss-reports:${id}` }, 'reported');
    expect(res.headers.location).toBe(`${DESK}?queue=reported&done=dismiss-reports&n=1`);
    const after = await get(site, res.headers.location as string, mod.cookie);
    expect(after.body).toContain('Сигналите са приключени: 1');
    expect(deskIds(after.body)).toEqual([]);
    expect(await statusOf(id)).toBe('approved');
  });

  it('logs every decision with who took it', async () => {
    const id = await pending('За дневника.');
    await decide({ item: `reject:${id}` });
    await decide({ item: `approve:${id}` }, 'rejected');
    const log = await get(site, `${DESK}/log`, mod.cookie);
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('Дневник на модерацията');
    const rows = [...log.body.matchAll(/<tr data-log-action="([a-z-]+)">([\s\S]*?)<\/tr>/g)];
    const mine = rows.filter((r) => r[2]?.includes(`/comments/${id}"`)).map((r) => r[1]);
    expect(mine).toEqual(['approve', 'reject']);
    expect(log.body).toContain('Мира Модераторова');
    expect(log.body).toContain('rejected → approved');
    const count = await getDb()
      .db.selectFrom('moderation_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', 'in', ['approve', 'reject', 'feature'])
      .executeTakeFirstOrThrow();
    // Every decision in this suite: 1 + 3 + 1 + 2 (parent and reply) + 2.
    expect(Number(count.n)).toBe(9);
  });
});
