// The signed-out account forms: sign-up, sign-in, forgotten password and the new-password form
// reached from the mailed link. All plain HTML forms: they work without the page's script.
import { urls } from '../urls.js';
import { type AccountForm, AccountShell, CsrfField, Field, Notice } from './account-form.js';
import type { Frame } from './frame.js';

/** "?next=…" for links between the sign-in and sign-up pages; nothing when it is the home page. */
export function nextQuery(next: string): string {
  return next === '/' ? '' : `?next=${encodeURIComponent(next).replaceAll('%2F', '/')}`;
}

function NextField({ next }: { next: string }) {
  return next === '/' ? null : <input type="hidden" name="next" value={next} />;
}

export function RegisterPage(props: { f: Frame; token: string; form: AccountForm; next: string }) {
  const { f, form } = props;
  const a = f.t.account;
  return (
    <AccountShell f={f} title={a.register}>
      <p>{a.registerIntro}</p>
      <Notice notice={form.notice} />
      <form method="post" action={urls.register()} class="stacked-form" noValidate>
        <CsrfField token={props.token} />
        <NextField next={props.next} />
        <Field
          id="register-email"
          name="email"
          type="email"
          label={a.email}
          value={form.values.email}
          autocomplete="email"
          maxLength={254}
          error={form.errors.email}
        />
        <Field
          id="register-name"
          name="display_name"
          label={a.displayName}
          value={form.values.display_name}
          autocomplete="nickname"
          maxLength={60}
          hint={a.displayNameHint}
          error={form.errors.display_name}
        />
        <Field
          id="register-password"
          name="password"
          type="password"
          label={a.password}
          autocomplete="new-password"
          maxLength={128}
          hint={a.passwordRules}
          error={form.errors.password}
        />
        <button type="submit" class="button">
          {a.registerSubmit}
        </button>
      </form>
      <p>
        {a.haveAccount} <a href={`${urls.login()}${nextQuery(props.next)}`}>{a.signIn}</a>
      </p>
    </AccountShell>
  );
}

export function LoginPage(props: {
  f: Frame;
  token: string;
  form: AccountForm;
  next: string;
  /** No account is an admin yet: point to the first-run setup. */
  noAdmin?: boolean;
}) {
  const { f, form } = props;
  const a = f.t.account;
  return (
    <AccountShell f={f} title={a.signIn}>
      {props.noAdmin ? (
        <p class="notice" data-setup>
          {f.t.staff.setupNotice} <a href={urls.setup()}>{f.t.staff.setupLink}</a>
        </p>
      ) : null}
      <Notice notice={form.notice} />
      <form method="post" action={urls.login()} class="stacked-form" noValidate>
        <CsrfField token={props.token} />
        <NextField next={props.next} />
        <Field
          id="login-email"
          name="email"
          type="email"
          label={a.email}
          value={form.values.email}
          autocomplete="email"
          maxLength={254}
          error={form.errors.email}
        />
        <Field
          id="login-password"
          name="password"
          type="password"
          label={a.password}
          autocomplete="current-password"
          error={form.errors.password}
        />
        <button type="submit" class="button">
          {a.signInSubmit}
        </button>
      </form>
      <p>
        <a href={urls.forgotPassword()}>{a.forgotLink}</a>
      </p>
      <p>
        {a.noAccount} <a href={`${urls.register()}${nextQuery(props.next)}`}>{a.register}</a>
      </p>
    </AccountShell>
  );
}

export function ForgotPage(props: { f: Frame; token: string; form: AccountForm }) {
  const { f, form } = props;
  const a = f.t.account;
  return (
    <AccountShell f={f} title={a.forgotTitle}>
      <p>{a.forgotIntro}</p>
      <Notice notice={form.notice} />
      <form method="post" action={urls.forgotPassword()} class="stacked-form" noValidate>
        <CsrfField token={props.token} />
        <Field
          id="forgot-email"
          name="email"
          type="email"
          label={a.email}
          value={form.values.email}
          autocomplete="email"
          maxLength={254}
          error={form.errors.email}
        />
        <button type="submit" class="button">
          {a.forgotSubmit}
        </button>
      </form>
      <p>
        <a href={urls.login()}>{a.signIn}</a>
      </p>
    </AccountShell>
  );
}

export function ResetPage(props: { f: Frame; token: string; resetToken: string; form: AccountForm }) {
  const { f, form } = props;
  const a = f.t.account;
  return (
    <AccountShell f={f} title={a.resetTitle}>
      <Notice notice={form.notice} />
      <form method="post" action={urls.resetPassword()} class="stacked-form" noValidate>
        <CsrfField token={props.token} />
        <input type="hidden" name="token" value={props.resetToken} />
        <Field
          id="reset-password"
          name="password"
          type="password"
          label={a.newPassword}
          autocomplete="new-password"
          maxLength={128}
          hint={a.passwordRules}
          error={form.errors.password}
        />
        <button type="submit" class="button">
          {a.resetSubmit}
        </button>
      </form>
    </AccountShell>
  );
}
