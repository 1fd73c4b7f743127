// The webhooks list (/admin/webhooks) and the subscription form used both to create one and, on
// its own page, to edit it.
import type { Webhook, WebhookDraft } from '../../webhooks/subscriptions.js';
import { WEBHOOK_EVENTS } from '../../webhooks/subscriptions.js';
import type { SiteDeps } from '../site/deps.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, StaffLayout } from './layout.js';
import { TextField } from './staff-fields.js';

export const WEBHOOKS_URL = '/admin/webhooks';
export const webhookUrl = (id: number) => `${WEBHOOKS_URL}/${id}`;
export const deliveryUrl = (webhookId: number, id: number) => `${webhookUrl(webhookId)}/deliveries/${id}`;

export type WebhookFieldErrors = Partial<Record<'name' | 'url' | 'events', string>>;

export function WebhookForm({
  f,
  action,
  csrf,
  values,
  errors,
  submit,
}: {
  f: Frame;
  action: string;
  csrf: string;
  values: WebhookDraft;
  errors: WebhookFieldErrors;
  submit: string;
}) {
  const t = f.t.wh;
  return (
    <form method="post" action={action} class="stacked-form staff-form" noValidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <TextField
        id="wh-name"
        name="name"
        label={t.name}
        value={values.name}
        maxLength={100}
        hint={t.nameHint}
        error={errors.name}
      />
      <TextField
        id="wh-url"
        name="url"
        label={t.url}
        value={values.url}
        maxLength={2000}
        hint={t.urlHint}
        error={errors.url}
      />
      <fieldset
        class="staff-fieldset"
        aria-invalid={errors.events ? 'true' : undefined}
        aria-describedby={errors.events ? 'wh-events-error' : undefined}
      >
        <legend>{t.events}</legend>
        {errors.events ? (
          <p class="field-error" id="wh-events-error">
            {errors.events}
          </p>
        ) : null}
        {WEBHOOK_EVENTS.map((event) => (
          <div class="field field-check" key={event}>
            <input
              type="checkbox"
              id={`wh-event-${event}`}
              name="events"
              value={event}
              checked={values.events.includes(event)}
            />
            <label for={`wh-event-${event}`}>
              {t.eventNames[event]} <code>{event}</code>
            </label>
          </div>
        ))}
        <p class="hint">{t.eventsHint}</p>
      </fieldset>
      <div class="field field-check">
        <input type="checkbox" id="wh-active" name="active" value="1" checked={values.active} />
        <label for="wh-active">{t.activeLabel}</label>
      </div>
      <button type="submit" class="button">
        {submit}
      </button>
    </form>
  );
}

export function NewWebhookPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: { csrf: string; values: WebhookDraft; errors: WebhookFieldErrors; notice: Notice | null };
}) {
  const t = f.t.wh;
  return (
    <StaffLayout frame={f} assets={assets} title={t.newTitle} section="webhooks" notice={d.notice}>
      <p>
        <a href={WEBHOOKS_URL}>{t.back}</a>
      </p>
      <WebhookForm
        f={f}
        action={`${WEBHOOKS_URL}/new`}
        csrf={d.csrf}
        values={d.values}
        errors={d.errors}
        submit={t.create}
      />
    </StaffLayout>
  );
}

export function WebhooksPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: { webhooks: Webhook[]; notice: Notice | null };
}) {
  const t = f.t.wh;
  return (
    <StaffLayout frame={f} assets={assets} title={t.title} section="webhooks" notice={d.notice}>
      <p class="hint">{t.intro}</p>
      <p>
        <a class="button" href={`${WEBHOOKS_URL}/new`}>
          {t.add}
        </a>
      </p>
      {d.webhooks.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <div class="staff-table-wrap">
          <table class="staff-table webhooks-table">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colUrl}</th>
                <th scope="col">{t.colEvents}</th>
                <th scope="col">{t.colState}</th>
              </tr>
            </thead>
            <tbody>
              {d.webhooks.map((w) => (
                <tr key={w.id} data-webhook={w.id}>
                  <th scope="row">
                    <a href={webhookUrl(w.id)}>{w.name}</a>
                  </th>
                  <td>
                    <code>{w.url}</code>
                  </td>
                  <td>{w.events.map((e) => t.eventNames[e]).join(', ')}</td>
                  <td>{w.active ? t.active : t.inactive}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
