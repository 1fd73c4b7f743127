// Webhook subscriptions in the back office (/admin/webhooks), for admins ('settings.manage'):
// the list, creating one (its secret is shown in that answer only), its page with the delivery
// log, editing, turning it on and off, a test ping, a new secret, and deleting it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listDeliveries } from '../../webhooks/deliveries.js';
import {
  checkWebhookDraft,
  createWebhook,
  deleteWebhook,
  findWebhook,
  listWebhooks,
  rotateWebhookSecret,
  setWebhookActive,
  updateWebhook,
  type Webhook,
} from '../../webhooks/subscriptions.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import { answering, requireCan, sendStaffPage, staffOf, staffToken } from './guard.js';
import { type Fields, one, pageOf } from './params.js';
import { draftOf, EMPTY_DRAFT, errorTexts, existingWebhook, noticeOf, postedForm } from './webhooks-form.js';
import { WebhookPage, type WebhookPageData } from './webhooks-page-view.js';
import { NewWebhookPage, WEBHOOKS_URL, WebhooksPage, webhookUrl } from './webhooks-view.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export function webhooksRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const admins = { onRequest: requireCan(deps, 'settings.manage') };
  const frameOf = (request: FastifyRequest) => buildFrame(deps, WEBHOOKS_URL, request);

  const showWebhook = async (
    request: FastifyRequest,
    reply: FastifyReply,
    webhook: Webhook,
    extra: Partial<Omit<WebhookPageData, 'webhook' | 'log' | 'csrf'>> & { page?: number },
    status = 200,
  ) => {
    const f = frameOf(request);
    const log = await listDeliveries(deps.db, webhook.id, extra.page ?? 1);
    if (log.page > log.pages) return sendError(deps, request, reply, 404);
    const d: WebhookPageData = {
      webhook,
      values: extra.values ?? { ...webhook },
      errors: extra.errors ?? {},
      freshSecret: extra.freshSecret ?? null,
      deleteError: extra.deleteError ?? null,
      log,
      csrf: staffToken(deps, request),
      notice: extra.notice ?? null,
    };
    return sendStaffPage(reply, <WebhookPage f={f} assets={deps.assets} d={d} />, status);
  };

  /** A post on one subscription: its token checked, then `act` with the subscription. */
  const onWebhook =
    (
      act: (request: FastifyRequest, reply: FastifyReply, webhook: Webhook, body: Fields) => Promise<unknown>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const t = frameOf(request).t;
      const webhook = await existingWebhook(deps, request, reply, t);
      if (!webhook) return reply;
      const body = postedForm(deps, request, reply, t);
      if (!body) return reply;
      return act(request, reply, webhook, body);
    };

  const route = (method: 'get' | 'post', url: string, handler: Handler) =>
    app[method](url, admins, answering(deps, handler));

  route('get', WEBHOOKS_URL, async (request, reply) => {
    const f = frameOf(request);
    const notice = noticeOf(request.query as Fields, f.t);
    const d = { webhooks: await listWebhooks(deps.db), notice };
    return sendStaffPage(reply, <WebhooksPage f={f} assets={deps.assets} d={d} />);
  });

  route('get', `${WEBHOOKS_URL}/new`, async (request, reply) => {
    const f = frameOf(request);
    const d = { csrf: staffToken(deps, request), values: EMPTY_DRAFT, errors: {}, notice: null };
    return sendStaffPage(reply, <NewWebhookPage f={f} assets={deps.assets} d={d} />);
  });

  route('post', `${WEBHOOKS_URL}/new`, async (request, reply) => {
    const f = frameOf(request);
    const body = postedForm(deps, request, reply, f.t);
    if (!body) return reply;
    const values = draftOf(body, f.t);
    const checked = checkWebhookDraft(values, deps.config.webhooksAllowPrivate);
    if (!checked.ok) {
      const d = {
        csrf: staffToken(deps, request),
        values,
        errors: errorTexts(f.t, checked.errors),
        notice: { kind: 'error' as const, text: f.t.wh.hasErrors },
      };
      return sendStaffPage(reply, <NewWebhookPage f={f} assets={deps.assets} d={d} />, 400);
    }
    const actor = staffOf(request);
    const made = await createWebhook(deps.db, checked.values, actor.id, deps.clock.now());
    deps.log.info({ actorId: actor.id, webhookId: made.id, url: checked.values.url }, 'webhook created');
    const webhook = await findWebhook(deps.db, made.id);
    if (!webhook) return sendError(deps, request, reply, 404, f.t.wh.missing);
    // The secret is shown in this answer and never again, so this is a page, not a redirect.
    const notice = { kind: 'ok' as const, text: f.t.wh.created };
    return showWebhook(request, reply, webhook, { freshSecret: made.secret, notice }, 201);
  });

  route('get', `${WEBHOOKS_URL}/:id`, async (request, reply) => {
    const t = frameOf(request).t;
    const webhook = await existingWebhook(deps, request, reply, t);
    if (!webhook) return reply;
    const query = request.query as Fields;
    return showWebhook(request, reply, webhook, { notice: noticeOf(query, t), page: pageOf(query, t) });
  });

  route(
    'post',
    `${WEBHOOKS_URL}/:id`,
    onWebhook(async (request, reply, webhook, body) => {
      const t = frameOf(request).t;
      const values = draftOf(body, t);
      const checked = checkWebhookDraft(values, deps.config.webhooksAllowPrivate);
      if (!checked.ok) {
        const notice = { kind: 'error' as const, text: t.wh.hasErrors };
        return showWebhook(
          request,
          reply,
          webhook,
          { values, errors: errorTexts(t, checked.errors), notice },
          400,
        );
      }
      if (!(await updateWebhook(deps.db, webhook.id, checked.values, deps.clock.now())))
        return sendError(deps, request, reply, 404, t.wh.missing);
      deps.log.info({ actorId: staffOf(request).id, webhookId: webhook.id }, 'webhook changed');
      return reply.redirect(`${webhookUrl(webhook.id)}?done=saved`, 303);
    }),
  );

  for (const [action, active] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    route(
      'post',
      `${WEBHOOKS_URL}/:id/${action}`,
      onWebhook(async (request, reply, webhook) => {
        await setWebhookActive(deps.db, webhook.id, active, deps.clock.now());
        deps.log.info({ actorId: staffOf(request).id, webhookId: webhook.id, active }, 'webhook switched');
        return reply.redirect(`${webhookUrl(webhook.id)}?done=${active ? 'enabled' : 'disabled'}`, 303);
      }),
    );
  }

  route(
    'post',
    `${WEBHOOKS_URL}/:id/rotate`,
    onWebhook(async (request, reply, webhook) => {
      const t = frameOf(request).t;
      const secret = await rotateWebhookSecret(deps.db, webhook.id, deps.clock.now());
      const fresh = secret ? await findWebhook(deps.db, webhook.id) : null;
      if (!secret || !fresh) return sendError(deps, request, reply, 404, t.wh.missing);
      deps.log.info({ actorId: staffOf(request).id, webhookId: webhook.id }, 'webhook secret rotated');
      const notice = { kind: 'ok' as const, text: t.wh.rotated };
      return showWebhook(request, reply, fresh, { freshSecret: secret, notice });
    }),
  );

  route(
    'post',
    `${WEBHOOKS_URL}/:id/ping`,
    onWebhook(async (_request, reply, webhook) => {
      await deps.webhooks.ping(webhook.id);
      return reply.redirect(`${webhookUrl(webhook.id)}?done=pinged`, 303);
    }),
  );

  route(
    'post',
    `${WEBHOOKS_URL}/:id/delete`,
    onWebhook(async (request, reply, webhook, body) => {
      const t = frameOf(request).t;
      if (one(body, 'confirm', t) !== '1')
        return showWebhook(request, reply, webhook, { deleteError: t.wh.deleteUnconfirmed }, 400);
      if (!(await deleteWebhook(deps.db, webhook.id)))
        return sendError(deps, request, reply, 404, t.wh.missing);
      deps.log.info(
        { actorId: staffOf(request).id, webhookId: webhook.id, name: webhook.name },
        'webhook deleted',
      );
      return reply.redirect(`${WEBHOOKS_URL}?done=deleted`, 303);
    }),
  );
}
