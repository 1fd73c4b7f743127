// The form under an article: a guest gives a name and an email, a signed-in reader posts under
// their name; on a thread for registered readers only a guest is asked to sign in.
import type { SessionUser } from '../../../accounts/sessions.js';
import type { CommentPolicy } from '../../../comments/policy.js';
import { COMMENT_LIMITS } from '../../../comments/validate.js';
import type { Article } from '../../../content/types.js';
import { urls } from '../urls.js';
import type { Frame } from './frame.js';

export interface CommentFormState {
  name: string;
  email: string;
  body: string;
  notify: boolean;
  parentId: number | null;
  errors: Partial<Record<'name' | 'email' | 'body', string>>;
  /** A message above the form: an error summary or a notice. */
  notice: { kind: 'error' | 'ok'; text: string } | null;
}

export const emptyForm: CommentFormState = {
  name: '',
  email: '',
  body: '',
  notify: false,
  parentId: null,
  errors: {},
  notice: null,
};

function ErrorText({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p class="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

function described(error: string | undefined, id: string, extra?: string): string | undefined {
  const ids = [error ? id : '', extra ?? ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function CommentForm(props: {
  f: Frame;
  article: Article;
  form: CommentFormState;
  policy: CommentPolicy;
  formToken: string;
  viewer: SessionUser | null;
  replyToName: string | null;
}) {
  const { f, article, form, policy, formToken, viewer, replyToName } = props;
  const here = urls.article(article);
  const next = `?next=${encodeURIComponent(`${here}#comment-form`)}`;
  if (!policy.open) return <p class="notice">{f.t.commentsClosed}</p>;
  if (policy.who === 'registered' && !viewer) {
    return (
      <div class="notice" id="comment-form">
        <p>{f.t.cm.signInToComment}</p>
        <p>
          <a class="button" href={`${urls.login()}${next}`}>
            {f.t.cm.signIn}
          </a>{' '}
          <a href={`${urls.register()}${next}`}>{f.t.cm.register}</a>
        </p>
      </div>
    );
  }
  return (
    <form
      class="comment-form"
      id="comment-form"
      method="post"
      action={urls.comments()}
      data-comment-form
      noValidate
      data-reply-label={f.t.replyTo('').trim()}
      data-network-error={f.t.networkError}
    >
      <h3 class="form-title" data-form-title>
        {replyToName ? f.t.replyTo(replyToName) : f.t.writeComment}
      </h3>
      {policy.moderation === 'pre' ? <p class="hint">{f.t.commentsPremoderated}</p> : null}
      <div role="status" aria-live="polite" data-form-status>
        {form.notice ? <p class={`notice notice-${form.notice.kind}`}>{form.notice.text}</p> : null}
      </div>
      <input type="hidden" name="_csrf" value={formToken} />
      <input type="hidden" name="article_id" value={String(article.id)} />
      <input type="hidden" name="parent_id" value={form.parentId ? String(form.parentId) : ''} data-parent />
      {replyToName ? (
        <p>
          <a href={`${here}#comment-form`} data-cancel-reply>
            {f.t.cancelReply}
          </a>
        </p>
      ) : null}
      {viewer ? (
        <p class="posting-as">{f.t.cm.postingAs(viewer.displayName)}</p>
      ) : (
        <>
          <p class="hint">
            {f.t.cm.orSignIn} <a href={`${urls.login()}${next}`}>{f.t.cm.signIn}</a>
          </p>
          <div class="field-row">
            <div class="field">
              <label for="comment-name">{f.t.yourName}</label>
              <input
                id="comment-name"
                name="name"
                type="text"
                autocomplete="nickname"
                required
                maxLength={COMMENT_LIMITS.nameMax}
                value={form.name}
                aria-invalid={form.errors.name ? 'true' : undefined}
                aria-describedby={described(form.errors.name, 'comment-name-error')}
              />
              <ErrorText id="comment-name-error" text={form.errors.name} />
            </div>
            <div class="field">
              <label for="comment-email">{f.t.cm.yourEmail}</label>
              <input
                id="comment-email"
                name="email"
                type="email"
                autocomplete="email"
                required
                maxLength={254}
                value={form.email}
                aria-invalid={form.errors.email ? 'true' : undefined}
                aria-describedby={described(form.errors.email, 'comment-email-error', 'comment-email-hint')}
              />
              <p class="hint" id="comment-email-hint">
                {f.t.cm.emailHint}
              </p>
              <ErrorText id="comment-email-error" text={form.errors.email} />
            </div>
          </div>
        </>
      )}
      <div class="field">
        <label for="comment-body">{f.t.yourComment}</label>
        <textarea
          id="comment-body"
          name="body"
          rows={5}
          required
          maxLength={COMMENT_LIMITS.bodyMax}
          aria-invalid={form.errors.body ? 'true' : undefined}
          aria-describedby={described(form.errors.body, 'comment-body-error', 'comment-rules')}
        >
          {form.body}
        </textarea>
        <ErrorText id="comment-body-error" text={form.errors.body} />
      </div>
      {viewer ? (
        <div class="field field-check">
          <input
            id="comment-notify"
            name="notify"
            type="checkbox"
            value="1"
            checked={form.notify || viewer.notifyReplies}
          />
          <label for="comment-notify">{f.t.cm.notifyReplies}</label>
        </div>
      ) : null}
      {/* Humans never see this field; bots that fill every field give themselves away. */}
      <div class="hp" aria-hidden="true">
        <label for="comment-website">Website</label>
        <input id="comment-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
      </div>
      <p class="hint" id="comment-rules">
        {f.t.commentRules}
      </p>
      <button type="submit" class="button">
        {f.t.send}
      </button>
    </form>
  );
}
