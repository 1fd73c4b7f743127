// Webhook subscriptions: who gets told about which events, at which URL, signed with which secret.
// Admins manage them in the back office; the checks here are the only way in.

import type { Selectable } from 'kysely';
import type { Db } from '../db/index.js';
import type { WebhookTable } from '../db/schema.js';
import { CONTENT_EVENT_TYPES, type ContentEventType } from '../infra/events.js';
import { newSecret } from './signing.js';
import { checkTargetUrl, type TargetProblem } from './targets.js';

export const NAME_MAX = 100;
export const WEBHOOK_EVENTS: readonly ContentEventType[] = CONTENT_EVENT_TYPES;

export function isWebhookEvent(s: string): s is ContentEventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(s);
}

export interface Webhook {
  id: number;
  name: string;
  url: string;
  events: ContentEventType[];
  active: boolean;
  /** The signing secret; the back office shows it only right after creating or rotating it. */
  secret: string;
  createdAt: number;
  updatedAt: number;
}

/** What the form sends, unchecked. */
export interface WebhookDraft {
  name: string;
  url: string;
  events: string[];
  active: boolean;
}

export interface WebhookValues {
  name: string;
  url: string;
  events: ContentEventType[];
  active: boolean;
}

export type WebhookErrors = {
  name?: 'required' | 'too-long';
  url?: TargetProblem;
  events?: 'required' | 'unknown';
};

export function checkWebhookDraft(
  draft: WebhookDraft,
  allowPrivate: boolean,
): { ok: true; values: WebhookValues } | { ok: false; errors: WebhookErrors } {
  const errors: WebhookErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'required';
  else if ([...name].length > NAME_MAX) errors.name = 'too-long';
  const target = checkTargetUrl(draft.url, allowPrivate);
  if (!target.ok) errors.url = target.problem;
  const events = [...new Set(draft.events)];
  if (events.length === 0) errors.events = 'required';
  else if (!events.every(isWebhookEvent)) errors.events = 'unknown';
  if (Object.keys(errors).length > 0 || !target.ok) return { ok: false, errors };
  // Kept in the order of WEBHOOK_EVENTS, so the list reads the same whatever the form sent.
  const chosen = WEBHOOK_EVENTS.filter((e) => events.includes(e));
  return { ok: true, values: { name, url: target.url, events: chosen, active: draft.active } };
}

function parseEvents(json: string): ContentEventType[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((e): e is ContentEventType => isWebhookEvent(String(e))) : [];
}

export function toWebhook(row: Selectable<WebhookTable>): Webhook {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: parseEvents(row.events),
    active: row.active === 1,
    secret: row.secret,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export async function listWebhooks(db: Db): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toWebhook);
}

export async function findWebhook(db: Db, id: number): Promise<Webhook | null> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWebhook(row) : null;
}

/** The active subscriptions that asked for this event. */
export async function subscribersOf(db: Db, event: ContentEventType): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('active', '=', 1).execute();
  return rows.map(toWebhook).filter((w) => w.events.includes(event));
}

/** A new subscription with a fresh secret; the secret is returned to be shown once. */
export async function createWebhook(
  db: Db,
  values: WebhookValues,
  actorId: number | null,
  now: number,
): Promise<{ id: number; secret: string }> {
  const secret = newSecret();
  const row = await db
    .insertInto('webhooks')
    .values({
      name: values.name,
      url: values.url,
      events: JSON.stringify(values.events),
      active: values.active ? 1 : 0,
      secret,
      created_by: actorId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, secret };
}

export async function updateWebhook(
  db: Db,
  id: number,
  values: WebhookValues,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({
      name: values.name,
      url: values.url,
      events: JSON.stringify(values.events),
      active: values.active ? 1 : 0,
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setWebhookActive(db: Db, id: number, active: boolean, now: number): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ active: active ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new secret, in force for every delivery sent from now on (pending ones included). */
export async function rotateWebhookSecret(db: Db, id: number, now: number): Promise<string | null> {
  const secret = newSecret();
  const result = await db
    .updateTable('webhooks')
    .set({ secret, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? secret : null;
}

/** The subscription and its delivery log, together. */
export async function deleteWebhook(db: Db, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
    const result = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  });
}
