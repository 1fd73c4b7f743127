// One delivery of a webhook: what was sent, how the receiver answered, and, when it failed for
// good, the button that sends it again.
import { formatNumber } from '../../text/numbers.js';
import type { Delivery } from '../../webhooks/deliveries.js';
import type { Webhook } from '../../webhooks/subscriptions.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, StaffLayout } from './layout.js';
import { eventName } from './webhooks-page-view.js';
import { deliveryUrl, webhookUrl } from './webhooks-view.js';

/** The payload laid out for reading; it was stored by us, but a damaged one is shown as it is. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function DeliveryPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: { webhook: Webhook; delivery: Delivery; csrf: string; notice: Notice | null };
}) {
  const t = f.t.wh;
  const x = d.delivery;
  return (
    <StaffLayout
      frame={f}
      assets={assets}
      title={t.deliveryTitle(eventName(f.t, x.event))}
      section="webhooks"
      notice={d.notice}
    >
      <p>
        <a href={webhookUrl(d.webhook.id)}>{t.backToLog}</a>
      </p>
      <dl class="webhook-delivery" data-status={x.status}>
        <dt>{t.deliveryId}</dt>
        <dd>
          <code>{x.uuid}</code>
        </dd>
        <dt>{t.colTime}</dt>
        <dd>{when(f, x.createdAt)}</dd>
        <dt>{t.colStatus}</dt>
        <dd>{t.statuses[x.status]}</dd>
        <dt>{t.colAttempts}</dt>
        <dd>{formatNumber(x.attempts, f.locale)}</dd>
        <dt>{t.colHttp}</dt>
        <dd>{x.lastStatus ?? '—'}</dd>
        <dt>{t.colDuration}</dt>
        <dd>{x.durationMs === null ? '—' : t.ms(formatNumber(x.durationMs, f.locale))}</dd>
        <dt>{t.colError}</dt>
        <dd>{x.lastError ?? '—'}</dd>
        {x.status === 'pending' && x.attempts > 0 ? (
          <>
            <dt>{t.colNext}</dt>
            <dd>{when(f, x.nextAttemptAt)}</dd>
          </>
        ) : null}
      </dl>
      {x.status === 'failed' ? (
        <form method="post" action={`${deliveryUrl(d.webhook.id, x.id)}/redeliver`} class="inline-form">
          <input type="hidden" name="_csrf" value={d.csrf} />
          <button type="submit" class="button">
            {t.redeliver}
          </button>
        </form>
      ) : null}
      <h2 class="staff-subtitle">{t.payload}</h2>
      <pre class="webhook-payload">
        <code>{pretty(x.payload)}</code>
      </pre>
      <h2 class="staff-subtitle">{t.response}</h2>
      {x.responseExcerpt ? (
        <pre class="webhook-response">
          <code>{x.responseExcerpt}</code>
        </pre>
      ) : (
        <p class="empty">{t.noResponse}</p>
      )}
    </StaffLayout>
  );
}
