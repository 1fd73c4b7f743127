// The first-run setup form: the first admin's name, address and password (twice). It is drawn in
// the site's own look: its visitor has no back office to see yet.

import { urls } from '../site/urls.js';
import { type AccountForm, AccountShell, CsrfField, Field, Notice } from '../site/views/account-form.js';
import type { Frame } from '../site/views/frame.js';

export const SETUP_URL = urls.setup();

export function SetupPage({ f, token, form }: { f: Frame; token: string; form: AccountForm }) {
  const t = f.t.staff;
  const a = f.t.account;
  return (
    <AccountShell f={f} title={t.setupTitle}>
      <p>{t.setupIntro}</p>
      <Notice notice={form.notice} />
      <form method="post" action={SETUP_URL} class="stacked-form" noValidate>
        <CsrfField token={token} />
        <Field
          id="setup-name"
          name="display_name"
          label={t.displayName}
          value={form.values.display_name}
          autocomplete="name"
          maxLength={60}
          hint={t.displayNameHint}
          error={form.errors.display_name}
        />
        <Field
          id="setup-email"
          name="email"
          type="email"
          label={t.email}
          value={form.values.email}
          autocomplete="email"
          maxLength={254}
          error={form.errors.email}
        />
        <Field
          id="setup-password"
          name="password"
          type="password"
          label={t.password}
          autocomplete="new-password"
          maxLength={128}
          hint={a.passwordRules}
          error={form.errors.password}
        />
        <Field
          id="setup-password2"
          name="password2"
          type="password"
          label={t.passwordAgain}
          autocomplete="new-password"
          maxLength={128}
          error={form.errors.password2}
        />
        <button type="submit" class="button">
          {t.setupSubmit}
        </button>
      </form>
    </AccountShell>
  );
}
