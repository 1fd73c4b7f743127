// Pieces every account page shares: the page shell, notices, and a labelled input that carries
// its hint and error to screen readers (aria-describedby, aria-invalid).
import { type ComponentChildren, Fragment } from 'preact';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';

export interface FormNotice {
  kind: 'ok' | 'error';
  text: string;
}

/** What a form shows again after a refused post: what was typed (never a password), errors. */
export interface AccountForm {
  values: Record<string, string>;
  errors: Record<string, string>;
  notice: FormNotice | null;
}

export const emptyForm = (values: Record<string, string> = {}): AccountForm => ({
  values,
  errors: {},
  notice: null,
});

export function AccountShell(props: { f: Frame; title: string; children: ComponentChildren }) {
  return (
    <Layout frame={props.f} title={props.title} noindex sidebar={false}>
      <section class="form-page account-page">
        <h1 class="listing-title">{props.title}</h1>
        {props.children}
      </section>
    </Layout>
  );
}

export function Notice({ notice }: { notice: FormNotice | null }) {
  if (!notice) return null;
  return (
    <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface FieldProps {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  /** Left out for passwords: they are never sent back to the browser. */
  value?: string;
  autocomplete: string;
  error?: string | undefined;
  hint?: string;
  maxLength?: number;
  required?: boolean;
}

export function Field(p: FieldProps) {
  const hintId = p.hint ? `${p.id}-hint` : null;
  const errorId = p.error ? `${p.id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const invalid = p.error ? 'true' : undefined;
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      {p.type === 'password' ? (
        <input
          id={p.id}
          name={p.name}
          type="password"
          autocomplete={p.autocomplete}
          maxLength={p.maxLength}
          required={p.required ?? true}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      ) : (
        <input
          id={p.id}
          name={p.name}
          type={p.type ?? 'text'}
          list={undefined}
          value={p.value ?? ''}
          autocomplete={p.autocomplete}
          maxLength={p.maxLength}
          required={p.required ?? true}
          spellcheck={p.type === 'email' ? false : undefined}
          autocapitalize={p.type === 'email' ? 'off' : undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
      {p.error ? (
        <p class="field-error" id={errorId ?? undefined}>
          {p.error}
        </p>
      ) : null}
      {p.hint ? (
        <p class="hint" id={hintId ?? undefined}>
          {p.hint}
        </p>
      ) : null}
    </div>
  );
}

export interface PageLink {
  href: string;
  label: string;
}

/** A page that says one thing: mail sent, link used, password changed, account deleted. */
export function MessagePage(props: {
  f: Frame;
  title: string;
  notice: FormNotice;
  hint?: string;
  links: PageLink[];
}) {
  return (
    <AccountShell f={props.f} title={props.title}>
      <Notice notice={props.notice} />
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <p class="account-links">
        {props.links.map((l, i) => (
          <Fragment key={l.href}>
            {i > 0 ? ' ' : null}
            <a class={i === 0 ? 'button' : undefined} href={l.href}>
              {l.label}
            </a>
          </Fragment>
        ))}
      </p>
    </AccountShell>
  );
}
