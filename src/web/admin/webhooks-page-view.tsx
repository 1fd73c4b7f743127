// One subscription's page: its form, the secret (in full only right after it was made), the
// switches (on/off, test ping, rotate, delete) and the log of its recent deliveries.
import { formatNumber } from '../../text/numbers.js';
import type { DeliveryPage } from '../../webhooks/deliveries.js';
import type { Webhook, WebhookDraft } from '../../webhooks/subscriptions.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, Pager, StaffLayout } from './layout.js';
import {
  deliveryUrl,
  WEBHOOKS_URL,
  type WebhookFieldErrors,
  WebhookForm,
  webhookUrl,
} from './webhooks-view.js';

export interface WebhookPageData {
  webhook: Webhook;
  values: WebhookDraft;
  errors: WebhookFieldErrors;
  /** The whole secret, only in the answer that created or rotated it. */
  freshSecret: string | null;
  deleteError: string | null;
  log: DeliveryPage;
  csrf: string;
  notice: Notice | null;
}

export const eventName = (t: Messages, event: string) =>
  Object.hasOwn(t.wh.eventNames, event) ? t.wh.eventNames[event as keyof typeof t.wh.eventNames] : event;

function Button({ action, csrf, label }: { action: string; csrf: string; label: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <button type="submit" class="button button-secondary">
        {label}
      </button>
    </form>
  );
}

function Log({ f, d }: { f: Frame; d: WebhookPageData }) {
  const t = f.t.wh;
  const id = d.webhook.id;
  if (d.log.items.length === 0) return <p class="empty">{t.noDeliveries}</p>;
  return (
    <>
      <div class="staff-table-wrap">
        <table class="staff-table webhook-log">
          <thead>
            <tr>
              <th scope="col">{t.colTime}</th>
              <th scope="col">{t.colEvent}</th>
              <th scope="col">{t.colStatus}</th>
              <th scope="col">{t.colAttempts}</th>
              <th scope="col">{t.colHttp}</th>
              <th scope="col">{t.colDuration}</th>
              <th scope="col">{t.colError}</th>
              <th scope="col">{t.colNext}</th>
            </tr>
          </thead>
          <tbody>
            {d.log.items.map((x) => (
              <tr key={x.id} data-delivery={x.id} data-status={x.status}>
                <th scope="row">
                  <a href={deliveryUrl(id, x.id)}>{when(f, x.createdAt)}</a>
                </th>
                <td>{eventName(f.t, x.event)}</td>
                <td>{t.statuses[x.status]}</td>
                <td>{formatNumber(x.attempts, f.locale)}</td>
                <td>{x.lastStatus ?? '—'}</td>
                <td>{x.durationMs === null ? '—' : t.ms(formatNumber(x.durationMs, f.locale))}</td>
                <td>{x.lastError ?? ''}</td>
                <td>{x.status === 'pending' && x.attempts > 0 ? when(f, x.nextAttemptAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager f={f} page={d.log.page} pages={d.log.pages} href={(page) => `${webhookUrl(id)}?page=${page}`} />
    </>
  );
}

export function WebhookPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: WebhookPageData }) {
  const t = f.t.wh;
  const w = d.webhook;
  const action = webhookUrl(w.id);
  return (
    <StaffLayout frame={f} assets={assets} title={t.editTitle(w.name)} section="webhooks" notice={d.notice}>
      <p>
        <a href={WEBHOOKS_URL}>{t.back}</a>
      </p>
      <section class="staff-fieldset webhook-secret" aria-labelledby="wh-secret-title">
        <h2 class="staff-subtitle" id="wh-secret-title">
          {t.secretTitle}
        </h2>
        {d.freshSecret ? (
          <>
            <p>
              <code data-secret>{d.freshSecret}</code>
            </p>
            <p class="notice notice-ok">{t.secretOnce}</p>
          </>
        ) : (
          <p>
            <code>{t.secretHidden(w.secret.slice(0, 10))}</code>
          </p>
        )}
        <p class="hint">{t.rotateHint}</p>
        <Button action={`${action}/rotate`} csrf={d.csrf} label={t.rotate} />
      </section>
      <WebhookForm f={f} action={action} csrf={d.csrf} values={d.values} errors={d.errors} submit={t.save} />
      <section class="staff-aside" aria-labelledby="wh-actions-title">
        <h2 class="staff-subtitle" id="wh-actions-title">
          {w.active ? t.active : t.inactive}
        </h2>
        <Button
          action={`${action}/${w.active ? 'disable' : 'enable'}`}
          csrf={d.csrf}
          label={w.active ? t.disable : t.enable}
        />
        <p class="hint">{t.pingHint}</p>
        <Button action={`${action}/ping`} csrf={d.csrf} label={t.ping} />
      </section>
      <section class="staff-aside webhook-log-section" aria-labelledby="wh-log-title">
        <h2 class="staff-subtitle" id="wh-log-title">
          {t.logTitle}
        </h2>
        <p class="hint">{t.logHint}</p>
        <Log f={f} d={d} />
      </section>
      <section class="staff-aside" aria-labelledby="wh-delete-title">
        <h2 class="staff-subtitle" id="wh-delete-title">
          {t.deleteTitle}
        </h2>
        <p class="hint">{t.deleteHint}</p>
        {d.deleteError ? (
          <p class="notice notice-error" role="alert">
            {d.deleteError}
          </p>
        ) : null}
        <form method="post" action={`${action}/delete`} class="stacked-form">
          <input type="hidden" name="_csrf" value={d.csrf} />
          <div class="field field-check">
            <input type="checkbox" id="wh-delete-confirm" name="confirm" value="1" />
            <label for="wh-delete-confirm">{t.deleteConfirm}</label>
          </div>
          <button type="submit" class="button button-secondary">
            {t.deleteButton}
          </button>
        </form>
      </section>
    </StaffLayout>
  );
}
