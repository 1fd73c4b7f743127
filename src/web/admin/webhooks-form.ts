// Reading the webhooks pages' requests: the subscription form's fields, their error texts, the
// subscription or delivery of the address, the form token, and the notices after a redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findDelivery } from '../../webhooks/deliveries.js';
import { findWebhook, type WebhookDraft, type WebhookErrors } from '../../webhooks/subscriptions.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { sendError } from '../site/routes/errors.js';
import { BadRequest, checkStaffPost } from './guard.js';
import { type Fields, isId, many, one } from './params.js';
import type { WebhookFieldErrors } from './webhooks-view.js';

export const EMPTY_DRAFT: WebhookDraft = { name: '', url: '', events: [], active: true };

export function draftOf(body: Fields, t: Messages): WebhookDraft {
  return {
    name: one(body, 'name', t) ?? '',
    url: one(body, 'url', t) ?? '',
    events: many(body, 'events', t),
    active: one(body, 'active', t) === '1',
  };
}

export function errorTexts(t: Messages, e: WebhookErrors): WebhookFieldErrors {
  const w = t.wh.errors;
  const out: WebhookFieldErrors = {};
  if (e.name) out.name = e.name === 'required' ? w.nameRequired : w.nameTooLong;
  if (e.url) {
    out.url = {
      required: w.urlRequired,
      'too-long': w.urlTooLong,
      invalid: w.urlInvalid,
      scheme: w.urlScheme,
      credentials: w.urlCredentials,
      private: w.urlPrivate,
    }[e.url];
  }
  if (e.events) out.events = e.events === 'required' ? w.eventsRequired : w.eventsUnknown;
  return out;
}

const NOTICES = {
  created: 'created',
  saved: 'saved',
  enabled: 'enabled',
  disabled: 'disabled',
  pinged: 'pinged',
  deleted: 'deleted',
  redelivered: 'redelivered',
} as const satisfies Record<string, keyof Messages['wh']>;

/** The ?done= notice of a page after a redirect; anything else in it is a bad request. */
export function noticeOf(query: Fields, t: Messages) {
  const done = one(query, 'done', t);
  if (done === undefined) return null;
  if (!Object.hasOwn(NOTICES, done)) throw new BadRequest(t.wh.badNotice);
  return { kind: 'ok' as const, text: t.wh[NOTICES[done as keyof typeof NOTICES]] as string };
}

/** The subscription of the address, or a 404 page (null). */
export async function existingWebhook(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  t: Messages,
) {
  const raw = (request.params as { id?: string }).id ?? '';
  const webhook = isId(raw) ? await findWebhook(deps.db, Number(raw)) : null;
  if (!webhook) sendError(deps, request, reply, 404, t.wh.missing);
  return webhook;
}

/** The delivery of the address, of this subscription, or a 404 page (null). */
export async function existingDelivery(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  t: Messages,
  webhookId: number,
) {
  const raw = (request.params as { delivery?: string }).delivery ?? '';
  const delivery = isId(raw) ? await findDelivery(deps.db, webhookId, Number(raw)) : null;
  if (!delivery) sendError(deps, request, reply, 404, t.wh.deliveryMissing);
  return delivery;
}

/** The form's fields once its token checks out; null when a 403 page was sent instead. */
export function postedForm(deps: SiteDeps, request: FastifyRequest, reply: FastifyReply, t: Messages) {
  const body = (request.body ?? {}) as Fields;
  const token = checkStaffPost(deps, request, body._csrf);
  if (token === 'invalid') {
    sendError(deps, request, reply, 403);
    return null;
  }
  if (token === 'expired') {
    sendError(deps, request, reply, 403, t.formExpired);
    return null;
  }
  return body;
}
