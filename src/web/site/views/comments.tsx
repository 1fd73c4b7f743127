// The comments section: threads two levels deep and the form for guests.
import type { CommentPolicy } from '../../../comments/policy.js';
import type { CommentView } from '../../../comments/threads.js';
import { COMMENT_LIMITS } from '../../../comments/validate.js';
import type { Article } from '../../../content/types.js';
import { commentToHtml } from '../../../text/linkify.js';
import { urls } from '../urls.js';
import { commentCount, isoDate, when } from './format.js';
import type { Frame } from './frame.js';
import { RawHtml } from './raw-html.js';

export interface CommentFormState {
  name: string;
  body: string;
  parentId: number | null;
  errors: Partial<Record<'name' | 'body', string>>;
  /** A message above the form: an error summary or a notice. */
  notice: { kind: 'error' | 'ok'; text: string } | null;
}

export const emptyForm: CommentFormState = { name: '', body: '', parentId: null, errors: {}, notice: null };

export function CommentItem({ f, c, reply = false }: { f: Frame; c: CommentView; reply?: boolean }) {
  return (
    <li class={reply ? 'comment comment-reply' : 'comment'} id={`comment-${c.id}`}>
      <p class="comment-head">
        <strong class="comment-author">{c.authorName}</strong>
        {c.replyToName ? <span class="comment-to"> {f.t.inReplyTo(c.replyToName)}</span> : null}
        <time dateTime={isoDate(c.createdAt)}>{when(f, c.createdAt)}</time>
      </p>
      <RawHtml class="comment-body" html={commentToHtml(c.body)} />
      <p class="comment-actions">
        <a
          class="reply-link"
          href={`?reply=${c.id}#comment-form`}
          data-reply={c.id}
          data-reply-name={c.authorName}
        >
          {f.t.reply}
        </a>
      </p>
      {c.replies.length > 0 ? (
        <ol class="replies">
          {c.replies.map((r) => (
            <CommentItem key={r.id} f={f} c={r} reply />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function ErrorText({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p class="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

export function CommentsSection(props: {
  f: Frame;
  article: Article;
  threads: CommentView[];
  form: CommentFormState;
  policy: CommentPolicy;
  formToken: string;
  replyToName: string | null;
}) {
  const { f, article, threads, form, policy, formToken, replyToName } = props;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-h">
      <h2 id="comments-h" class="section-title">
        {f.t.comments}{' '}
        <span class="count" data-comment-count>
          {commentCount(f, article.commentCount)}
        </span>
      </h2>
      {threads.length > 0 ? (
        <ol class="comment-list" data-comment-list>
          {threads.map((c) => (
            <CommentItem key={c.id} f={f} c={c} />
          ))}
        </ol>
      ) : (
        <p class="empty" data-comment-empty>
          {f.t.noComments}
        </p>
      )}
      {!policy.open ? (
        <p class="notice">{f.t.commentsClosed}</p>
      ) : (
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
          <input
            type="hidden"
            name="parent_id"
            value={form.parentId ? String(form.parentId) : ''}
            data-parent
          />
          {replyToName ? (
            <p>
              <a href={`${urls.article(article)}#comment-form`} data-cancel-reply>
                {f.t.cancelReply}
              </a>
            </p>
          ) : null}
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
              aria-describedby={form.errors.name ? 'comment-name-error' : undefined}
            />
            <ErrorText id="comment-name-error" text={form.errors.name} />
          </div>
          <div class="field">
            <label for="comment-body">{f.t.yourComment}</label>
            <textarea
              id="comment-body"
              name="body"
              rows={5}
              required
              maxLength={COMMENT_LIMITS.bodyMax}
              aria-invalid={form.errors.body ? 'true' : undefined}
              aria-describedby={form.errors.body ? 'comment-body-error comment-rules' : 'comment-rules'}
            >
              {form.body}
            </textarea>
            <ErrorText id="comment-body-error" text={form.errors.body} />
          </div>
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
      )}
    </section>
  );
}
