// A signed-in reader's own page: who they are, whether their address is confirmed, and a form
// for each thing they can change. Every form is bound to their session by its token.
import type { SessionUser } from '../../../accounts/sessions.js';
import { formatDateTime } from '../../../text/dates.js';
import { urls } from '../urls.js';
import { AccountShell, CsrfField, Field, type FormNotice, Notice } from './account-form.js';
import type { Frame } from './frame.js';

export const profileUrls = {
  name: '/profil/ime',
  password: '/profil/parola',
  notify: '/profil/izvestiya',
  resend: '/profil/izprati-otnovo',
  exportData: '/profil/danni.json',
  remove: '/profil/iztrivane',
  removed: '/profil/iztrit',
} as const;

export type ProfileField = 'name' | 'current' | 'new' | 'mode' | 'password';

export interface ProfileState {
  notice: FormNotice | null;
  /** What is in the name field: the stored name, or what was typed when it was refused. */
  name: string;
  deleteMode: string;
  errors: Partial<Record<ProfileField, string>>;
}

export function ProfilePage(props: { f: Frame; viewer: SessionUser; token: string; state: ProfileState }) {
  const { f, viewer: v, token, state } = props;
  const a = f.t.account;
  const suspended = v.suspendedUntil !== null && v.suspendedUntil > f.now;
  return (
    <AccountShell f={f} title={a.profileTitle}>
      <Notice notice={state.notice} />
      {v.banned ? <p class="notice notice-error">{a.bannedNotice}</p> : null}
      {!v.banned && suspended && v.suspendedUntil !== null ? (
        <p class="notice notice-error">
          {a.suspendedNotice(formatDateTime(v.suspendedUntil, f.locale, f.timeZone))}
        </p>
      ) : null}
      <dl class="account-facts">
        <dt>{a.nameTitle}</dt>
        <dd>{v.displayName}</dd>
        <dt>{a.email}</dt>
        <dd>
          {v.email} <span class="account-state">({v.emailVerified ? a.verified : a.unverified})</span>
        </dd>
      </dl>
      <form method="post" action={urls.logout()} class="account-signout">
        <CsrfField token={token} />
        <button type="submit" class="button button-secondary">
          {a.signOut}
        </button>
      </form>
      {v.emailVerified ? null : (
        <form method="post" action={profileUrls.resend} class="notice account-unverified">
          <CsrfField token={token} />
          <p>{a.unverifiedNotice}</p>
          <button type="submit" class="button button-secondary">
            {a.resend}
          </button>
        </form>
      )}

      <section aria-labelledby="profile-name-title">
        <h2 id="profile-name-title">{a.nameTitle}</h2>
        <form method="post" action={profileUrls.name} class="stacked-form" noValidate>
          <CsrfField token={token} />
          <Field
            id="profile-name"
            name="display_name"
            label={a.displayName}
            value={state.name}
            autocomplete="nickname"
            maxLength={60}
            hint={a.displayNameHint}
            error={state.errors.name}
          />
          <button type="submit" class="button">
            {a.nameSubmit}
          </button>
        </form>
      </section>

      <section aria-labelledby="profile-password-title">
        <h2 id="profile-password-title">{a.passwordTitle}</h2>
        <form method="post" action={profileUrls.password} class="stacked-form" noValidate>
          <CsrfField token={token} />
          <input type="hidden" name="username" value={v.email} autocomplete="username" />
          <Field
            id="profile-current-password"
            name="current_password"
            type="password"
            label={a.currentPassword}
            autocomplete="current-password"
            error={state.errors.current}
          />
          <Field
            id="profile-new-password"
            name="new_password"
            type="password"
            label={a.newPassword}
            autocomplete="new-password"
            maxLength={128}
            hint={a.passwordRules}
            error={state.errors.new}
          />
          <button type="submit" class="button">
            {a.passwordSubmit}
          </button>
        </form>
      </section>

      <section aria-labelledby="profile-notify-title">
        <h2 id="profile-notify-title">{a.notifyTitle}</h2>
        <form method="post" action={profileUrls.notify} class="stacked-form">
          <CsrfField token={token} />
          <div class="field field-check">
            <input type="checkbox" id="profile-notify" name="notify" value="1" checked={v.notifyReplies} />
            <label for="profile-notify">{a.notifyLabel}</label>
          </div>
          <button type="submit" class="button">
            {a.notifySubmit}
          </button>
        </form>
      </section>

      <section aria-labelledby="profile-export-title">
        <h2 id="profile-export-title">{a.exportTitle}</h2>
        <p>{a.exportText}</p>
        <p>
          <a class="button button-secondary" href={profileUrls.exportData} download>
            {a.exportLink}
          </a>
        </p>
      </section>

      <DeleteSection f={f} token={token} state={state} />
    </AccountShell>
  );
}

function DeleteSection(props: { f: Frame; token: string; state: ProfileState }) {
  const { f, state } = props;
  const a = f.t.account;
  const modeError = state.errors.mode;
  return (
    <section aria-labelledby="profile-delete-title" class="account-danger">
      <h2 id="profile-delete-title">{a.deleteTitle}</h2>
      <p>{a.deleteIntro}</p>
      <form method="post" action={profileUrls.remove} class="stacked-form" noValidate>
        <CsrfField token={props.token} />
        <fieldset aria-describedby={modeError ? 'delete-mode-error' : undefined}>
          <legend>{a.deleteChoice}</legend>
          {(
            [
              ['remove-comments', a.deleteRemove],
              ['keep-comments', a.deleteKeep],
            ] as const
          ).map(([mode, label]) => (
            <div class="field field-check" key={mode}>
              <input
                type="radio"
                id={`delete-${mode}`}
                name="mode"
                value={mode}
                checked={state.deleteMode === mode}
                required
                aria-invalid={modeError ? 'true' : undefined}
              />
              <label for={`delete-${mode}`}>{label}</label>
            </div>
          ))}
          {modeError ? (
            <p class="field-error" id="delete-mode-error">
              {modeError}
            </p>
          ) : null}
        </fieldset>
        <Field
          id="delete-password"
          name="password"
          type="password"
          label={a.deletePassword}
          autocomplete="current-password"
          error={state.errors.password}
        />
        <button type="submit" class="button account-delete-button">
          {a.deleteSubmit}
        </button>
      </form>
    </section>
  );
}
