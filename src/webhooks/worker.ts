// Sends due deliveries. Every process runs one; they share the work through the database: a row is
// taken with a conditional UPDATE (still due, not claimed by a live worker), so two workers never
// send one delivery twice. A claim lapses after the attempt's time limit and a margin, so the row
// of a process that died mid-send is picked up again by another.
import type { Db } from '../db/index.js';
import type { Clock } from '../infra/clock.js';
import type { Logger } from '../infra/log.js';
import { pruneDeliveries } from './deliveries.js';
import { nextAttemptAt, retryAfterMs } from './retry.js';
import { type Attempt, type SendOptions, sendDelivery } from './sender.js';

export interface WorkerOptions extends SendOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  /** How often due deliveries are looked for (inserts also poke the worker of their process). */
  intervalMs: number;
  /** Deliveries sent at once by one worker. */
  batchSize?: number;
  /** For the retry jitter; tests pass a fixed one. */
  random?: () => number;
}

const CLAIM_MARGIN_MS = 60_000;
const PRUNE_EVERY_MS = 3_600_000;

export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private lastPrune = 0;

  constructor(private readonly o: WorkerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.poke(), this.o.intervalMs);
    this.timer.unref();
    this.poke();
  }

  /** Stops looking and waits for the sends under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    await this.running;
  }

  /** Look now (new rows were queued). Only a started worker acts on it. */
  poke(): void {
    if (!this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && this.timer) {
        this.again = false;
        this.poke();
      }
    });
  }

  private async run(): Promise<number> {
    try {
      return await this.tick();
    } catch (err) {
      this.o.log.error({ err }, 'webhook worker tick failed');
      return 0;
    }
  }

  /** One round: prune now and then, claim what is due, send it, record the outcomes. */
  async tick(): Promise<number> {
    const now = this.o.clock.now();
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      const pruned = await pruneDeliveries(this.o.db, now);
      if (pruned > 0) this.o.log.info({ pruned }, 'old webhook deliveries pruned');
    }
    const claimed = await this.claim(now);
    await Promise.all(claimed.map((c) => this.deliver(c)));
    return claimed.length;
  }

  private async claim(now: number): Promise<{ id: number; until: number }[]> {
    const { db } = this.o;
    const due = await db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select('d.id')
      .where('d.next_attempt_at', '<=', now)
      .where((eb) =>
        eb.or([
          eb('d.status', '=', 'pending'),
          eb.and([eb('d.status', '=', 'delivering'), eb('d.claimed_until', '<', now)]),
        ]),
      )
      // A disabled subscription's deliveries wait; a test ping goes out anyway.
      .where((eb) => eb.or([eb('w.active', '=', 1), eb('d.event', '=', 'ping')]))
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(this.o.batchSize ?? 10)
      .execute();
    const until = now + this.o.timeoutMs + CLAIM_MARGIN_MS;
    const mine: { id: number; until: number }[] = [];
    for (const { id } of due) {
      const done = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'delivering', claimed_until: until })
        .where('id', '=', id)
        .where('next_attempt_at', '<=', now)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'pending'),
            eb.and([eb('status', '=', 'delivering'), eb('claimed_until', '<', now)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 1) mine.push({ id, until });
    }
    return mine;
  }

  private async deliver(claim: { id: number; until: number }): Promise<void> {
    const { db } = this.o;
    const row = await db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.uuid', 'd.event', 'd.payload', 'd.attempts', 'w.url', 'w.secret'])
      .where('d.id', '=', claim.id)
      .executeTakeFirst();
    if (!row) return;
    const attempt = await sendDelivery(
      {
        url: row.url,
        secret: row.secret,
        event: row.event,
        deliveryId: row.uuid,
        body: row.payload,
        now: this.o.clock.now(),
      },
      { timeoutMs: this.o.timeoutMs, allowPrivate: this.o.allowPrivate },
    );
    await this.record(claim, Number(row.attempts) + 1, attempt);
  }

  private async record(claim: { id: number; until: number }, attempts: number, a: Attempt): Promise<void> {
    const now = this.o.clock.now();
    const retryAfter = a.outcome.kind === 'answer' ? retryAfterMs(a.outcome.retryAfter, now) : null;
    const next = a.verdict === 'retry' ? nextAttemptAt(attempts, now, retryAfter, this.o.random) : null;
    const status = a.verdict === 'delivered' ? 'delivered' : next === null ? 'failed' : 'pending';
    // Only while the claim is still ours: a worker that overran its claim does not overwrite.
    await this.o.db
      .updateTable('webhook_deliveries')
      .set({
        status,
        attempts,
        next_attempt_at: next ?? now,
        last_status: a.status,
        last_error: a.error,
        response_excerpt: a.excerpt,
        duration_ms: a.durationMs,
        delivered_at: status === 'delivered' ? now : null,
        claimed_until: null,
      })
      .where('id', '=', claim.id)
      .where('status', '=', 'delivering')
      .where('claimed_until', '=', claim.until)
      .execute();
    if (status === 'failed') {
      this.o.log.warn({ deliveryId: claim.id, attempts, error: a.error }, 'webhook delivery failed');
    }
  }
}
