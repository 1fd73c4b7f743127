// One comment with its actions: reply, 👍 / 👎, edit and delete for its author, report for others.
// A guest sees counts and links (the page is cached for everyone); a signed-in reader gets forms
// bound to their session.
import { EDIT_WINDOW_MS } from '../../../comments/edits.js';
import type { CommentView } from '../../../comments/listing.js';
import { commentToHtml } from '../../../text/linkify.js';
import { formatNumber } from '../../../text/numbers.js';
import { urls } from '../urls.js';
import { isoDate, when } from './format.js';
import type { Frame } from './frame.js';
import { RawHtml } from './raw-html.js';

/** What the comment list needs to know about who is looking. */
export interface CommentActions {
  articleUrl: string;
  /** A form token for the signed-in viewer's session; null for guests. */
  sessionToken: string | null;
  canReply: boolean;
  /** The comment being edited on this render (?edit=ID), if any. */
  editingId: number | null;
  editBody?: string;
  editError?: string;
}

// Drawn here rather than typed as 👍 / 👎: emoji need a colour emoji font, which many desktops
// (and every Debian server) lack, and a missing glyph shows as an empty box.
// The shape is defined once per page (ThumbSymbol) and referenced by every comment.
export function ThumbSymbol() {
  return (
    <svg class="symbols" aria-hidden="true" width="0" height="0">
      <symbol id="i-thumb" viewBox="0 0 24 24">
        <path d="M2 10h4v11H2zM8 21h9.2a2 2 0 0 0 2-1.7l1.2-7a2 2 0 0 0-2-2.3H14l.8-4.2a1.9 1.9 0 0 0-3.3-1.6L8 9.5z" />
      </symbol>
    </svg>
  );
}

function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg class={down ? 'thumb thumb-down' : 'thumb'} width="16" height="16" aria-hidden="true">
      <use href="#i-thumb" />
    </svg>
  );
}

function Reactions({ f, c, a }: { f: Frame; c: CommentView; a: CommentActions }) {
  const n = (v: number) => formatNumber(v, f.locale);
  if (a.sessionToken === null || c.mine) {
    const next = `${urls.login()}?next=${encodeURIComponent(`${a.articleUrl}#comment-${c.id}`)}`;
    const label = c.mine ? f.t.cm.ownReaction : f.t.cm.signInToReact;
    return (
      <span class="reactions">
        <a class="reaction" href={c.mine ? `#comment-${c.id}` : next} title={label}>
          <Thumb /> <span class="visually-hidden">{f.t.cm.likes(n(c.likes))}</span>
          <span aria-hidden="true">{n(c.likes)}</span>
        </a>
        <a class="reaction" href={c.mine ? `#comment-${c.id}` : next} title={label}>
          <Thumb down /> <span class="visually-hidden">{f.t.cm.dislikes(n(c.dislikes))}</span>
          <span aria-hidden="true">{n(c.dislikes)}</span>
        </a>
      </span>
    );
  }
  return (
    <form class="reactions" method="post" action={urls.commentAction(c.id, 'react')} data-reaction-form>
      <input type="hidden" name="_csrf" value={a.sessionToken} />
      <button
        type="submit"
        name="value"
        value="1"
        class="reaction"
        aria-pressed={c.myReaction === 1 ? 'true' : 'false'}
        aria-label={`${f.t.cm.like}: ${n(c.likes)}`}
      >
        <Thumb /> <span class="reaction-count">{n(c.likes)}</span>
      </button>
      <button
        type="submit"
        name="value"
        value="-1"
        class="reaction"
        aria-pressed={c.myReaction === -1 ? 'true' : 'false'}
        aria-label={`${f.t.cm.dislike}: ${n(c.dislikes)}`}
      >
        <Thumb down /> <span class="reaction-count">{n(c.dislikes)}</span>
      </button>
    </form>
  );
}

function EditForm({ f, c, a }: { f: Frame; c: CommentView; a: CommentActions }) {
  return (
    <form class="comment-edit" method="post" action={urls.commentAction(c.id, 'edit')}>
      <input type="hidden" name="_csrf" value={a.sessionToken ?? ''} />
      <label for={`edit-${c.id}`}>{f.t.cm.editTitle}</label>
      <textarea
        id={`edit-${c.id}`}
        name="body"
        rows={4}
        maxLength={3000}
        aria-invalid={a.editError ? 'true' : undefined}
        aria-describedby={a.editError ? `edit-${c.id}-error` : undefined}
      >
        {a.editBody ?? c.body}
      </textarea>
      {a.editError ? (
        <p class="field-error" id={`edit-${c.id}-error`}>
          {a.editError}
        </p>
      ) : null}
      <p class="hint">{f.t.cm.editHint}</p>
      <button type="submit" class="button">
        {f.t.cm.save}
      </button>{' '}
      <a href={`${a.articleUrl}#comment-${c.id}`}>{f.t.cm.cancel}</a>
    </form>
  );
}

export function CommentItem({
  f,
  c,
  a,
  reply = false,
}: {
  f: Frame;
  c: CommentView;
  a: CommentActions;
  reply?: boolean;
}) {
  const classes = ['comment', reply ? 'comment-reply' : '', c.featured ? 'comment-featured' : '']
    .filter(Boolean)
    .join(' ');
  if (c.state === 'deleted') {
    return (
      <li class={`${classes} comment-deleted`} id={`comment-${c.id}`}>
        <p class="comment-body muted">{f.t.cm.deletedPlaceholder}</p>
        <Replies f={f} c={c} a={a} />
      </li>
    );
  }
  const editable = c.mine && a.sessionToken !== null && f.now - c.createdAt < EDIT_WINDOW_MS;
  return (
    <li class={classes} id={`comment-${c.id}`}>
      <p class="comment-head">
        <strong class="comment-author">{c.authorName}</strong>
        {c.replyToName ? <span class="comment-to"> {f.t.inReplyTo(c.replyToName)}</span> : null}
        <time dateTime={isoDate(c.createdAt)}>{when(f, c.createdAt)}</time>
        {c.editedAt ? <span class="comment-edited"> · {f.t.cm.edited}</span> : null}
        {c.featured ? <span class="badge">{f.t.cm.featuredBadge}</span> : null}
        {c.state === 'pending' ? <span class="badge badge-pending">{f.t.cm.pendingBadge}</span> : null}
      </p>
      {a.editingId === c.id && editable ? (
        <EditForm f={f} c={c} a={a} />
      ) : (
        <RawHtml class="comment-body" html={commentToHtml(c.body)} />
      )}
      <div class="comment-actions">
        {c.state === 'published' ? <Reactions f={f} c={c} a={a} /> : null}
        {a.canReply && c.state === 'published' ? (
          <a
            class="reply-link"
            href={`${a.articleUrl}?reply=${c.id}#comment-form`}
            data-reply={c.id}
            data-reply-name={c.authorName}
          >
            {f.t.reply}
          </a>
        ) : null}
        {editable && a.editingId !== c.id ? (
          <a class="action-link" href={`${a.articleUrl}?edit=${c.id}#comment-${c.id}`}>
            {f.t.cm.edit}
          </a>
        ) : null}
        {c.mine && a.sessionToken !== null ? (
          <form
            class="inline-form"
            method="post"
            action={urls.commentAction(c.id, 'delete')}
            data-confirm={f.t.cm.removeConfirm}
          >
            <input type="hidden" name="_csrf" value={a.sessionToken} />
            <button type="submit" class="link-button">
              {f.t.cm.remove}
            </button>
          </form>
        ) : null}
        {!c.mine && c.state === 'published' ? (
          <a class="action-link" href={urls.commentAction(c.id, 'report')} rel="nofollow">
            {f.t.cm.report}
          </a>
        ) : null}
      </div>
      <Replies f={f} c={c} a={a} />
    </li>
  );
}

function Replies({ f, c, a }: { f: Frame; c: CommentView; a: CommentActions }) {
  if (c.replies.length === 0 && c.moreReplies === 0) return null;
  return (
    <>
      {c.replies.length > 0 ? (
        <ol class="replies">
          {c.replies.map((r) => (
            <CommentItem key={r.id} f={f} c={r} a={a} reply />
          ))}
        </ol>
      ) : null}
      {c.moreReplies > 0 ? (
        <p class="more-replies">
          <a href={`${urls.commentThread(c.id)}`}>
            {f.t.cm.moreReplies(formatNumber(c.moreReplies, f.locale))}
          </a>
        </p>
      ) : null}
    </>
  );
}
