// Webhooks as the composition root wires them: a listener that turns content events into queued
// deliveries, the worker that sends them, and the test ping. The listener only writes rows; nothing
// it does can slow down or fail the request that caused the event.
import type { Db } from '../db/index.js';
import type { Clock } from '../infra/clock.js';
import type { ContentEvent, ContentEvents } from '../infra/events.js';
import type { Logger } from '../infra/log.js';
import { queueDelivery } from './deliveries.js';
import { eventData, subjectOf } from './payloads.js';
import { subscribersOf } from './subscriptions.js';
import { WebhookWorker } from './worker.js';

export interface WebhookServiceOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Absolute URLs in payloads start with it. */
  siteUrl: string;
  allowPrivate: boolean;
  timeoutMs?: number;
  intervalMs?: number;
  /** For the retry jitter; tests pass a fixed one. */
  random?: () => number;
}

export class WebhookService {
  readonly worker: WebhookWorker;
  readonly allowPrivate: boolean;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly o: WebhookServiceOptions) {
    this.allowPrivate = o.allowPrivate;
    this.worker = new WebhookWorker({
      db: o.db,
      clock: o.clock,
      log: o.log,
      timeoutMs: o.timeoutMs ?? 10_000,
      intervalMs: o.intervalMs ?? 5_000,
      allowPrivate: o.allowPrivate,
      ...(o.random ? { random: o.random } : {}),
    });
  }

  /** Listens to the site's content events; returns the way to stop listening. */
  listen(events: ContentEvents): () => void {
    return events.on((event) => {
      const done = this.queue(event).finally(() => this.inFlight.delete(done));
      this.inFlight.add(done);
      return done;
    });
  }

  /** One delivery per active subscription that wants this event, its payload built now. */
  async queue(event: ContentEvent): Promise<void> {
    const subscribers = await subscribersOf(this.o.db, event.type);
    if (subscribers.length === 0) return;
    const now = this.o.clock.now();
    const data = await eventData(this.o.db, this.o.siteUrl, event, now);
    if (!data) return;
    const subject = subjectOf(event);
    for (const s of subscribers) {
      await queueDelivery(this.o.db, { webhookId: s.id, event: event.type, subject, data }, now);
    }
    this.worker.poke();
  }

  /** A 'ping' for one subscription, whatever events it chose; sent even while it is disabled. */
  async ping(webhookId: number): Promise<{ id: number; uuid: string }> {
    const now = this.o.clock.now();
    const data = { ping: { message: 'Vestnik webhook test' } };
    const queued = await queueDelivery(this.o.db, { webhookId, event: 'ping', subject: 'ping', data }, now);
    this.worker.poke();
    return queued;
  }

  /** Waits until the events heard so far are queued (tests; shutting down). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  start(): void {
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.settled();
    await this.worker.stop();
  }
}
