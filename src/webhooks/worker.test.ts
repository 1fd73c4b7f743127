// The delivery pipeline against a real receiver on 127.0.0.1: queueing from content events,
// signing, retries with backoff, final failures, coalescing, pruning, and several workers on one
// database. Time is a ManualClock and the worker's tick is called directly.
import pino from 'pino';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { ManualClock } from '../infra/clock.js';
import type { ContentEventType } from '../infra/events.js';
import { listDeliveries, pruneDeliveries } from './deliveries.js';
import { WebhookService } from './service.js';
import { verifySignature } from './signing.js';
import { createWebhook, setWebhookActive } from './subscriptions.js';
import { type Receiver, startReceiver } from './testing.js';
import { WebhookWorker } from './worker.js';

const START = Date.UTC(2026, 10, 25, 10, 0);
const SITE = 'https://vestnik.example.bg';
const log = pino({ level: 'silent' });

describeEachDatabase('webhook deliveries', (getDb) => {
  let db: Db;
  let room: Newsroom;
  let articleId: number;
  let receiver: Receiver;
  const clock = new ManualClock(START);
  let service: WebhookService;

  const all: ContentEventType[] = [
    'article.published',
    'article.updated',
    'article.unpublished',
    'comment.created',
  ];
  const hook = async (events: ContentEventType[] = all, url = receiver.url) => {
    const values = { name: 'Приложение', url, events, active: true };
    return createWebhook(db, values, null, clock.now());
  };
  const worker = (timeoutMs = 2000) =>
    new WebhookWorker({
      db,
      clock,
      log,
      timeoutMs,
      intervalMs: 60_000,
      allowPrivate: true,
      random: () => 0.5,
    });
  const rowsOf = async (webhookId: number) => (await listDeliveries(db, webhookId, 1)).items;

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, START);
    articleId = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: 'novina-za-mosta',
      title: 'Новият мост е открит',
      publishedAt: START - 3_600_000,
      authorIds: [room.authorId],
      tagIds: [room.tags.sofia],
    });
    receiver = await startReceiver();
    service = new WebhookService({
      db,
      clock,
      log,
      siteUrl: SITE,
      allowPrivate: true,
      timeoutMs: 2000,
      random: () => 0.5,
    });
  });
  afterAll(async () => receiver.close());
  afterEach(async () => {
    receiver.received.length = 0;
    receiver.answers.length = 0;
    receiver.fallback = 200;
    await db.deleteFrom('webhook_deliveries').execute();
    await db.updateTable('webhooks').set({ active: 0 }).execute();
  });

  it('sends a signed POST with the event, delivery id and article payload', async () => {
    const { id, secret } = await hook();
    await service.queue({ type: 'article.published', articleId });
    expect(await service.worker.tick()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    if (!got) throw new Error('nothing received');
    expect(got.method).toBe('POST');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toBe('Vestnik-Webhooks/1');
    expect(got.headers['vestnik-event']).toBe('article.published');
    const signature = String(got.headers['vestnik-signature']);
    expect(signature).toMatch(new RegExp(`^t=${Math.floor(START / 1000)},v1=[0-9a-f]{64}$`));
    expect(verifySignature(secret, signature, got.body, START)).toBe(true);
    expect(verifySignature(`${secret}x`, signature, got.body, START)).toBe(false);
    const payload = JSON.parse(got.body);
    expect(payload.id).toBe(got.headers['vestnik-delivery']);
    expect(payload).toMatchObject({
      event: 'article.published',
      occurredAt: new Date(START).toISOString(),
      data: {
        article: {
          id: articleId,
          title: 'Новият мост е открит',
          url: `${SITE}/svyat/novina-za-mosta`,
          status: 'published',
          publishedAt: new Date(START - 3_600_000).toISOString(),
          section: { id: room.categories.world, slug: 'svyat', name: 'Свят' },
          authors: [{ id: room.authorId, slug: 'maria-ivanova', name: 'Мария Иванова' }],
          tags: [{ id: room.tags.sofia, slug: 'sofia', name: 'София', kind: 'place' }],
        },
      },
    });
    const [row] = await rowsOf(id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, deliveredAt: START });
    expect(row?.responseExcerpt).toBe('answer 200');
  });

  it('queues nothing for a subscription that did not choose the event, or is disabled', async () => {
    const published = await hook(['article.published']);
    const off = await hook(['article.updated']);
    await setWebhookActive(db, off.id, false, clock.now());
    await service.queue({ type: 'article.updated', articleId });
    await service.queue({ type: 'article.unpublished', articleId });
    expect(await service.worker.tick()).toBe(0);
    expect(receiver.received).toHaveLength(0);
    expect(await rowsOf(published.id)).toHaveLength(0);
    expect(await rowsOf(off.id)).toHaveLength(0);
  });

  it('coalesces untried updates of one article into one delivery with the newest payload', async () => {
    const { id } = await hook(['article.updated']);
    await service.queue({ type: 'article.updated', articleId });
    await db
      .updateTable('articles')
      .set({ title: 'Мостът: второ заглавие' })
      .where('id', '=', articleId)
      .execute();
    clock.advance(1000);
    await service.queue({ type: 'article.updated', articleId });
    await db
      .updateTable('articles')
      .set({ title: 'Новият мост е открит' })
      .where('id', '=', articleId)
      .execute();
    const rows = await rowsOf(id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.payload ?? '{}').data.article.title).toBe('Мостът: второ заглавие');
    expect(JSON.parse(rows[0]?.payload ?? '{}').id).toBe(rows[0]?.uuid);
    await service.worker.tick();
    // Once tried, a new update is a delivery of its own.
    await service.queue({ type: 'article.updated', articleId });
    expect(await rowsOf(id)).toHaveLength(2);
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a 500 after its delay and then delivers: two attempts', async () => {
    const { id } = await hook(['article.published']);
    receiver.answers.push(500);
    await service.queue({ type: 'article.published', articleId });
    await service.worker.tick();
    let [row] = await rowsOf(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    expect(row?.nextAttemptAt).toBe(clock.now() + 30_000);
    clock.advance(29_000);
    expect(await service.worker.tick()).toBe(0);
    clock.advance(1000);
    expect(await service.worker.tick()).toBe(1);
    [row] = await rowsOf(id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.headers['vestnik-delivery']).toBe(
      receiver.received[1]?.headers['vestnik-delivery'],
    );
  });

  /** Ticks until the row is final, moving the clock to each due time; returns the waits. */
  const driveToEnd = async (w: WebhookWorker, webhookId: number) => {
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      await w.tick();
      const [row] = await rowsOf(webhookId);
      if (row?.status !== 'pending') return { row, waits };
      waits.push(row.nextAttemptAt - clock.now());
      clock.set(row.nextAttemptAt);
    }
    throw new Error('never finished');
  };

  it('gives up on a receiver that always answers 500 after six attempts, waiting longer each time', async () => {
    const { id } = await hook(['article.published']);
    receiver.fallback = 500;
    await service.queue({ type: 'article.published', articleId });
    const { row, waits } = await driveToEnd(service.worker, id);
    expect(waits).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
    expect(row).toMatchObject({ status: 'failed', attempts: 6, lastStatus: 500 });
    expect(receiver.received).toHaveLength(6);
  });

  it('gives up on a receiver that never answers, each attempt cut off by the time limit', async () => {
    const { id } = await hook(['article.published']);
    receiver.fallback = 'hang';
    await service.queue({ type: 'article.published', articleId });
    const started = performance.now();
    const { row, waits } = await driveToEnd(worker(150), id);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(waits).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
    expect(row).toMatchObject({ status: 'failed', attempts: 6, lastStatus: null });
    expect(row?.lastError).toBe('no answer within 150 ms');
    expect(row?.durationMs).toBeGreaterThanOrEqual(140);
  });

  it('fails at once on a 4xx other than 408 and 429, and does not follow redirects', async () => {
    const { id } = await hook(['article.published']);
    receiver.answers.push(410, { status: 302, headers: { location: `${receiver.url}/elsewhere` } });
    // One at a time: the answers are handed out in order of arrival.
    await service.queue({ type: 'article.published', articleId });
    await service.worker.tick();
    await service.queue({ type: 'article.published', articleId });
    await service.worker.tick();
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.status, r.attempts, r.lastStatus])).toEqual([
      ['failed', 1, 302],
      ['failed', 1, 410],
    ]);
    expect(rows[0]?.lastError).toMatch(/redirect not followed/);
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook', '/hook']);
  });

  it('honours a 429 with Retry-After', async () => {
    const { id } = await hook(['article.published']);
    receiver.answers.push({ status: 429, headers: { 'retry-after': '600' } });
    await service.queue({ type: 'article.published', articleId });
    await service.worker.tick();
    const [row] = await rowsOf(id);
    expect(row).toMatchObject({ status: 'pending', lastStatus: 429, nextAttemptAt: clock.now() + 600_000 });
  });

  it('never lets two workers send one delivery twice', async () => {
    const { id } = await hook(['article.published']);
    for (let i = 0; i < 12; i++) await service.queue({ type: 'article.published', articleId });
    const [a, b] = [worker(), worker()];
    for (let round = 0; round < 3; round++) await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    const ids = receiver.received.map((r) => String(r.headers['vestnik-delivery']));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect((await rowsOf(id)).every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });

  it('takes over a delivery whose worker died mid-send once its claim lapses', async () => {
    const { id } = await hook(['article.published']);
    await service.queue({ type: 'article.published', articleId });
    const until = clock.now() + 62_000;
    await db.updateTable('webhook_deliveries').set({ status: 'delivering', claimed_until: until }).execute();
    expect(await worker().tick()).toBe(0);
    clock.set(until + 1);
    expect(await worker().tick()).toBe(1);
    expect((await rowsOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('sends a test ping even to a disabled subscription, and holds its other deliveries', async () => {
    const { id, secret } = await hook(['article.published']);
    await service.queue({ type: 'article.published', articleId });
    await setWebhookActive(db, id, false, clock.now());
    await service.ping(id);
    expect(await service.worker.tick()).toBe(1);
    const got = receiver.received[0];
    expect(got?.headers['vestnik-event']).toBe('ping');
    expect(
      verifySignature(secret, String(got?.headers['vestnik-signature']), got?.body ?? '', clock.now()),
    ).toBe(true);
    expect((await rowsOf(id)).map((r) => [r.event, r.status])).toEqual([
      ['ping', 'delivered'],
      ['article.published', 'pending'],
    ]);
    await setWebhookActive(db, id, true, clock.now());
    expect(await service.worker.tick()).toBe(1);
  });

  it('puts a comment in the payload without the commenter’s email or address', async () => {
    const { id } = await hook(['comment.created']);
    const comment = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        thread_id: null,
        author_name: 'Гост Гостев',
        body: 'Хубав мост.',
        status: 'pending',
        created_at: clock.now(),
        submission_key: 'k1',
        visitor_hash: 'secret-visitor-hash',
        user_id: null,
        author_email: 'gost@example.bg',
        moderation_detail: null,
        edited_at: null,
        moderated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await service.queue({ type: 'comment.created', commentId: comment.id, articleId });
    await service.worker.tick();
    const body = receiver.received[0]?.body ?? '';
    expect(JSON.parse(body).data).toEqual({
      comment: {
        id: comment.id,
        articleId,
        articleUrl: `${SITE}/svyat/novina-za-mosta`,
        authorName: 'Гост Гостев',
        status: 'pending',
        createdAt: new Date(clock.now()).toISOString(),
      },
    });
    expect(body).not.toContain('gost@example.bg');
    expect(body).not.toContain('secret-visitor-hash');
    expect((await rowsOf(id))[0]?.status).toBe('delivered');
  });

  it('sends by itself once started: the queueing pokes the worker, no tick needed', async () => {
    const own = new WebhookService({ db, clock, log, siteUrl: SITE, allowPrivate: true, intervalMs: 60_000 });
    const { id } = await hook(['article.unpublished']);
    await own.queue({ type: 'article.unpublished', articleId });
    expect(receiver.received).toHaveLength(0);
    own.start();
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 3000 });
    await own.queue({ type: 'article.unpublished', articleId });
    await vi.waitFor(() => expect(receiver.received).toHaveLength(2), { timeout: 3000 });
    await own.stop();
    await own.queue({ type: 'article.unpublished', articleId });
    await new Promise((done) => setTimeout(done, 100));
    expect(receiver.received).toHaveLength(2);
    expect((await rowsOf(id)).map((r) => r.status)).toEqual(['pending', 'delivered', 'delivered']);
  });

  it('prunes deliveries older than 30 days', async () => {
    const { id } = await hook(['article.published']);
    await service.queue({ type: 'article.published', articleId });
    await service.worker.tick();
    clock.advance(29 * 86_400_000);
    await service.queue({ type: 'article.published', articleId });
    clock.advance(2 * 86_400_000);
    expect(await pruneDeliveries(db, clock.now())).toBe(1);
    expect(await rowsOf(id)).toHaveLength(1);
  });
});
