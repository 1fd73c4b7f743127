// The delivery rows: made when an event happens (one per subscription that wants it), claimed by a
// worker, and kept with the outcome of the last attempt for the back office's log.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../db/index.js';
import type { WebhookDeliveryStatus, WebhookDeliveryTable } from '../db/schema.js';
import type { EventData } from './payloads.js';
import { payloadJson } from './payloads.js';

export const KEEP_DAYS = 30;
export const LOG_PAGE_SIZE = 25;

export interface Delivery {
  id: number;
  uuid: string;
  webhookId: number;
  event: string;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  durationMs: number | null;
  createdAt: number;
  deliveredAt: number | null;
}

const n = (v: number | null) => (v === null ? null : Number(v));

export function toDelivery(r: Selectable<WebhookDeliveryTable>): Delivery {
  return {
    id: r.id,
    uuid: r.uuid,
    webhookId: r.webhook_id,
    event: r.event,
    payload: r.payload,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    lastStatus: n(r.last_status),
    lastError: r.last_error,
    responseExcerpt: r.response_excerpt,
    durationMs: n(r.duration_ms),
    createdAt: Number(r.created_at),
    deliveredAt: n(r.delivered_at),
  };
}

export interface NewDelivery {
  webhookId: number;
  event: string;
  subject: string;
  data: EventData;
}

/**
 * Queues one delivery, due now. An 'article.updated' for an article whose earlier update still
 * waits, untried, for the same subscription replaces that one's payload instead (editors' autosave
 * would otherwise send dozens). The conditional update loses cleanly to a worker claiming the row
 * in between: then a new row is made.
 */
export async function queueDelivery(
  db: Db,
  d: NewDelivery,
  now: number,
): Promise<{ id: number; uuid: string }> {
  if (d.event === 'article.updated') {
    const waiting = await db
      .selectFrom('webhook_deliveries')
      .select(['id', 'uuid'])
      .where('webhook_id', '=', d.webhookId)
      .where('event', '=', d.event)
      .where('subject', '=', d.subject)
      .where('status', '=', 'pending')
      .where('attempts', '=', 0)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (waiting) {
      const done = await db
        .updateTable('webhook_deliveries')
        .set({ payload: payloadJson(d.event, waiting.uuid, now, d.data), next_attempt_at: now })
        .where('id', '=', waiting.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', 0)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 1) return waiting;
    }
  }
  const uuid = randomUUID();
  const row = await db
    .insertInto('webhook_deliveries')
    .values({
      uuid,
      webhook_id: d.webhookId,
      event: d.event,
      subject: d.subject,
      payload: payloadJson(d.event, uuid, now, d.data),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, uuid };
}

export interface DeliveryPage {
  items: Delivery[];
  total: number;
  page: number;
  pages: number;
}

/** A subscription's deliveries, newest first. */
export async function listDeliveries(db: Db, webhookId: number, page: number): Promise<DeliveryPage> {
  const counted = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('webhook_id', '=', webhookId)
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(LOG_PAGE_SIZE)
    .offset((page - 1) * LOG_PAGE_SIZE)
    .execute();
  return { items: rows.map(toDelivery), total, page, pages: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}

export async function findDelivery(db: Db, webhookId: number, id: number): Promise<Delivery | null> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDelivery(row) : null;
}

/**
 * A failed delivery goes out again, soon, with the same payload and id (receivers can tell it is
 * the same event) and a fresh set of attempts. Only a failed one: others are on their way.
 */
export async function redeliver(db: Db, webhookId: number, id: number, now: number): Promise<boolean> {
  const done = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null, delivered_at: null })
    .where('webhook_id', '=', webhookId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Rows older than KEEP_DAYS, whatever became of them; returns how many went. */
export async function pruneDeliveries(db: Db, now: number): Promise<number> {
  const done = await db
    .deleteFrom('webhook_deliveries')
    .where('created_at', '<', now - KEEP_DAYS * 86_400_000)
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}
