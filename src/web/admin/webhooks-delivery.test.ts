// Webhooks end to end: newsroom actions over HTTP (publish, save, unpublish) and a guest's comment
// reach a real receiver on 127.0.0.1, signed; the request that caused the event never waits for it.
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { verifySignature } from '../../webhooks/signing.js';
import { createWebhook } from '../../webhooks/subscriptions.js';
import { type Receiver, startReceiver } from '../../webhooks/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, guestComment, post, signIn, type TestUser, tokenOf } from './testing.js';

const fields = (room: Newsroom, extra: Record<string, string> = {}) => ({
  title: 'Кметът откри новия мост над Янтра',
  slug: 'most-nad-yantra',
  lead: 'Мостът свързва двата бряга на реката при Велико Търново.',
  body_html: '<p>Строителството продължи две години.</p>',
  category_id: String(room.categories.world),
  tags: 'Велико Търново',
  comments_who: 'inherit',
  comments_moderation: 'inherit',
  comments_close_days: '',
  seo_title: '',
  seo_description: '',
  cover_media_id: '',
  ...extra,
});
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

describeEachDatabase('webhooks from the newsroom', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  let editor: TestUser;
  let receiver: Receiver;
  let secret = '';
  let commentsOnly = 0;
  let articleId = 0;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', WEBHOOKS_ALLOW_PRIVATE: 'on' });
    room = await buildNewsroom(site.services.db, site.clock.now());
    await site.services.categories.load();
    editor = await signIn(site, 'editor', 'Елена Редакторова');
    receiver = await startReceiver();
    const db = site.services.db;
    const now = site.clock.now();
    const all = ['article.published', 'article.updated', 'article.unpublished', 'comment.created'] as const;
    secret = (
      await createWebhook(
        db,
        { name: 'Всичко', url: receiver.url, events: [...all], active: true },
        null,
        now,
      )
    ).secret;
    const url = `${receiver.url}/comments`;
    commentsOnly = (
      await createWebhook(
        db,
        { name: 'Коментари', url, events: ['comment.created'], active: true },
        null,
        now,
      )
    ).id;
  });
  afterAll(async () => {
    await site.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  /** What the listener queued so far, sent. */
  const flush = async () => {
    await site.services.webhooks.settled();
    while ((await site.services.webhooks.worker.tick()) > 0) {}
    return receiver.received.map((r) => ({
      event: r.headers['vestnik-event'],
      path: r.path,
      body: JSON.parse(r.body),
    }));
  };

  const signed = () =>
    receiver.received.every((r) =>
      verifySignature(secret, String(r.headers['vestnik-signature']), r.body, site.clock.now()),
    );

  it('publishing answers at once while the receiver hangs; the publish goes out after a retry', async () => {
    receiver.answers.push('hang');
    site.services.webhooks.start();
    const form = await get(site, '/admin/articles/new', editor.cookie);
    const started = performance.now();
    const made = await post(
      site,
      '/admin/articles',
      { _csrf: tokenOf(form.body), ...fields(room, { intent: 'publish' }) },
      editor.cookie,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(made.statusCode).toBe(303);
    articleId = Number(/\/admin\/articles\/(\d+)/.exec(String(made.headers.location))?.[1]);
    // The started worker was poked and is now waiting on the receiver, after the answer went out.
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 3000 });
    receiver.release();
    await site.services.webhooks.worker.stop();
    const [row] = await site.services.db.selectFrom('webhook_deliveries').selectAll().execute();
    expect(row).toMatchObject({
      event: 'article.published',
      status: 'pending',
      attempts: 1,
      last_status: null,
    });
    receiver.received.length = 0;
    site.clock.advance(40_000);
    const got = await flush();
    expect(got).toHaveLength(1);
    expect(got[0]?.event).toBe('article.published');
    expect(got[0]?.body.data.article).toMatchObject({
      id: articleId,
      title: 'Кметът откри новия мост над Янтра',
      url: 'http://localhost:3000/svyat/most-nad-yantra',
      status: 'published',
      section: { slug: 'svyat', name: 'Свят' },
      tags: [{ name: 'Велико Търново' }],
    });
    expect(signed()).toBe(true);
  });

  it('saving the published article sends article.updated', async () => {
    const page = await get(site, `/admin/articles/${articleId}`, editor.cookie);
    const saved = await post(
      site,
      `/admin/articles/${articleId}`,
      {
        _csrf: tokenOf(page.body),
        version: versionOf(page.body),
        ...fields(room, { intent: 'save', title: 'Новият мост над Янтра е открит' }),
      },
      editor.cookie,
    );
    expect(saved.statusCode).toBe(303);
    const got = await flush();
    expect(got.map((g) => g.event)).toEqual(['article.updated']);
    expect(got[0]?.body.data.article.title).toBe('Новият мост над Янтра е открит');
    expect(signed()).toBe(true);
  });

  it('a guest’s comment sends comment.created to both subscriptions, without the email', async () => {
    const sent = await guestComment(
      site,
      { slug: 'most-nad-yantra', id: articleId },
      {
        name: 'Гост Гостев',
        body: 'Най-после мостът е готов, браво на строителите.',
        email: 'gost@example.bg',
      },
    );
    expect(sent.statusCode).toBe(303);
    const got = await flush();
    expect(got.map((g) => [g.event, g.path]).sort()).toEqual([
      ['comment.created', '/hook'],
      ['comment.created', '/hook/comments'],
    ]);
    expect(got[0]?.body.data.comment).toMatchObject({
      articleId,
      articleUrl: 'http://localhost:3000/svyat/most-nad-yantra',
      authorName: 'Гост Гостев',
    });
    expect(receiver.received.some((r) => r.body.includes('gost@example.bg'))).toBe(false);
    expect(receiver.received.some((r) => r.body.includes('127.0.0.1'))).toBe(false);
  });

  it('unpublishing sends article.unpublished, and nothing to the comments-only subscription', async () => {
    const page = await get(site, `/admin/articles/${articleId}`, editor.cookie);
    const done = await post(
      site,
      `/admin/articles/${articleId}`,
      {
        _csrf: tokenOf(page.body),
        version: versionOf(page.body),
        ...fields(room, { intent: 'unpublish', title: 'Новият мост над Янтра е открит' }),
      },
      editor.cookie,
    );
    expect(done.statusCode).toBe(303);
    const got = await flush();
    const unpublished = got.find((g) => g.event === 'article.unpublished');
    expect(unpublished?.body.data.article).toMatchObject({ id: articleId, status: 'unpublished' });
    expect(got.every((g) => g.path === '/hook')).toBe(true);
    const rows = await site.services.db
      .selectFrom('webhook_deliveries')
      .select('event')
      .where('webhook_id', '=', commentsOnly)
      .execute();
    expect(rows.map((r) => r.event)).toEqual(['comment.created']);
  });
});
