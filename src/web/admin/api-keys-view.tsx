// The admins' API keys page: the keys and tokens issued (never their secrets, which are not kept),
// a form for each kind, the new secret shown once right after it is made, and revoking.

import type { ApiKey } from '../../integrations/api-keys.js';
import { ADMIN_SCOPES } from '../../integrations/api-keys.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, StaffLayout } from './layout.js';
import { SelectField, TextField } from './staff-fields.js';

export const API_KEYS_URL = '/admin/api-keys';
export const revokeKeyUrl = (id: number) => `${API_KEYS_URL}/${id}/revoke`;

export interface KeyForm {
  name: string;
  scopes: string[];
  userId: string;
}

export interface KeyErrors {
  name?: string;
  scopes?: string;
  userId?: string;
}

export interface ApiKeysData {
  keys: ApiKey[];
  staff: { id: number; name: string }[];
  /** The viewer: the default staff member a new token acts as. */
  viewerId: number;
  csrf: string;
  notice: Notice | null;
  /** Just made: shown this once. */
  created: { name: string; secret: string } | null;
  /** The form sent with errors, and which one it was. */
  failed: { kind: 'content' | 'admin'; form: KeyForm; errors: KeyErrors } | null;
}

function KeysTable({ f, d }: { f: Frame; d: ApiKeysData }) {
  const t = f.t.ig;
  const names = new Map(d.staff.map((s) => [s.id, s.name]));
  if (d.keys.length === 0) return <p class="empty">{t.empty}</p>;
  return (
    <div class="staff-table-wrap">
      <table class="staff-table api-keys-table">
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colKind}</th>
            <th scope="col">{t.colPrefix}</th>
            <th scope="col">{t.colScopes}</th>
            <th scope="col">{t.colUser}</th>
            <th scope="col">{t.colCreated}</th>
            <th scope="col">{t.colLastUsed}</th>
            <th scope="col">{t.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {d.keys.map((k) => (
            <tr key={k.id} data-key={k.id}>
              <th scope="row">{k.name}</th>
              <td>{t.kinds[k.kind]}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{k.scopes.join(', ')}</td>
              <td>{k.userId === null ? '—' : (names.get(k.userId) ?? `#${k.userId}`)}</td>
              <td>{when(f, k.createdAt)}</td>
              <td>{k.lastUsedAt === null ? t.never : when(f, k.lastUsedAt)}</td>
              <td>
                {k.revokedAt !== null ? (
                  t.revokedAt(when(f, k.revokedAt))
                ) : (
                  <form method="post" action={revokeKeyUrl(k.id)} class="inline-form">
                    <input type="hidden" name="_csrf" value={d.csrf} />
                    <button type="submit" class="button button-small" aria-label={t.revokeLabel(k.name)}>
                      {t.revoke}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyFormView({ f, d, kind }: { f: Frame; d: ApiKeysData; kind: 'content' | 'admin' }) {
  const t = f.t.ig;
  const failed = d.failed?.kind === kind ? d.failed : null;
  const form = failed?.form ?? { name: '', scopes: [], userId: String(d.viewerId) };
  const errors = failed?.errors ?? {};
  const id = (name: string) => `${kind}-key-${name}`;
  return (
    <section class="staff-aside" aria-labelledby={id('title')}>
      <h2 class="staff-subtitle" id={id('title')}>
        {kind === 'content' ? t.newContentTitle : t.newAdminTitle}
      </h2>
      <p class="hint">{kind === 'content' ? t.newContentHint : t.newAdminHint}</p>
      <form method="post" action={API_KEYS_URL} class="stacked-form staff-form" noValidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <input type="hidden" name="kind" value={kind} />
        <TextField
          id={id('name')}
          name="name"
          label={t.name}
          value={form.name}
          maxLength={80}
          hint={t.nameHint}
          error={errors.name}
        />
        {kind === 'admin' ? (
          <>
            <fieldset aria-describedby={errors.scopes ? id('scopes-error') : undefined}>
              <legend>{t.scopesLegend}</legend>
              {ADMIN_SCOPES.map((scope) => (
                <div class="field field-check" key={scope}>
                  <input
                    type="checkbox"
                    id={id(scope.replace(':', '-'))}
                    name="scopes"
                    value={scope}
                    checked={failed ? form.scopes.includes(scope) : true}
                  />
                  <label for={id(scope.replace(':', '-'))}>
                    {t.scopes[scope]} (<code>{scope}</code>)
                  </label>
                </div>
              ))}
              {errors.scopes ? (
                <p class="field-error" id={id('scopes-error')}>
                  {errors.scopes}
                </p>
              ) : null}
            </fieldset>
            <SelectField
              id={id('user')}
              name="userId"
              label={t.user}
              value={form.userId}
              options={d.staff.map((s) => [String(s.id), s.name] as const)}
              error={errors.userId}
            />
          </>
        ) : null}
        <button type="submit" class="button">
          {t.create}
        </button>
      </form>
    </section>
  );
}

export function ApiKeysPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: ApiKeysData }) {
  const t = f.t.ig;
  return (
    <StaffLayout frame={f} assets={assets} title={t.title} section="api-keys" notice={d.notice}>
      <p class="hint">{t.intro}</p>
      {d.created ? (
        <section class="notice notice-ok api-key-created" role="status" aria-labelledby="created-title">
          <h2 class="staff-subtitle" id="created-title">
            {t.createdTitle(d.created.name)}
          </h2>
          <p>
            <label for="new-secret">{t.secretLabel}</label>{' '}
            <input
              id="new-secret"
              class="api-key-secret"
              type="text"
              readOnly
              value={d.created.secret}
              size={60}
            />
          </p>
          <p>
            <strong>{t.secretWarning}</strong>
          </p>
        </section>
      ) : null}
      <h2 class="staff-subtitle">{t.listTitle}</h2>
      <KeysTable f={f} d={d} />
      <KeyFormView f={f} d={d} kind="content" />
      <KeyFormView f={f} d={d} kind="admin" />
    </StaffLayout>
  );
}
