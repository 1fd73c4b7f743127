// One delivery of a webhook (/admin/webhooks/{id}/deliveries/{delivery}): the payload and the
// receiver's answer, and sending a failed one again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { redeliver } from '../../webhooks/deliveries.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { answering, requireCan, sendStaffPage, staffOf, staffToken } from './guard.js';
import type { Fields } from './params.js';
import { DeliveryPage } from './webhooks-delivery-view.js';
import { existingDelivery, existingWebhook, noticeOf, postedForm } from './webhooks-form.js';
import { deliveryUrl, WEBHOOKS_URL } from './webhooks-view.js';

const DELIVERY_URL = `${WEBHOOKS_URL}/:id/deliveries/:delivery`;

export function webhooksLogRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const admins = { onRequest: requireCan(deps, 'settings.manage') };
  const frameOf = (request: FastifyRequest) => buildFrame(deps, WEBHOOKS_URL, request);

  app.get(
    DELIVERY_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = frameOf(request);
      const webhook = await existingWebhook(deps, request, reply, f.t);
      if (!webhook) return reply;
      const delivery = await existingDelivery(deps, request, reply, f.t, webhook.id);
      if (!delivery) return reply;
      const notice = noticeOf(request.query as Fields, f.t);
      const d = { webhook, delivery, csrf: staffToken(deps, request), notice };
      return sendStaffPage(reply, <DeliveryPage f={f} assets={deps.assets} d={d} />);
    }),
  );

  app.post(
    `${DELIVERY_URL}/redeliver`,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = frameOf(request);
      const webhook = await existingWebhook(deps, request, reply, f.t);
      if (!webhook) return reply;
      const delivery = await existingDelivery(deps, request, reply, f.t, webhook.id);
      if (!delivery) return reply;
      if (!postedForm(deps, request, reply, f.t)) return reply;
      if (!(await redeliver(deps.db, webhook.id, delivery.id, deps.clock.now()))) {
        const notice = { kind: 'error' as const, text: f.t.wh.notFailed };
        const d = { webhook, delivery, csrf: staffToken(deps, request), notice };
        return sendStaffPage(reply, <DeliveryPage f={f} assets={deps.assets} d={d} />, 409);
      }
      deps.webhooks.worker.poke();
      deps.log.info(
        { actorId: staffOf(request).id, webhookId: webhook.id, deliveryId: delivery.id },
        'webhook delivery sent again',
      );
      return reply.redirect(`${deliveryUrl(webhook.id, delivery.id)}?done=redelivered`, 303);
    }),
  );
}
