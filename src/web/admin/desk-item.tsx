// One comment on the desk: who wrote it where and when, the text, why it is in this queue, its
// reports, and the buttons to decide it. The text is reader input: only ever rendered as text.
import type { DeskAction, DeskItem, DeskQueue } from '../../comments/desk.js';
import type { CommentRevision } from '../../comments/edits.js';
import type { CommentReport } from '../../comments/reports.js';
import { isoDate, when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { describeReason, describeStanding } from './describe.js';
import { commentOnSite, guestUrl, readerUrl } from './layout.js';
import { deskUrl } from './params.js';

export interface ItemExtras {
  /** Open reports with their notes (the reported queue). */
  reports?: CommentReport[];
  /** Earlier texts of an edited comment. */
  revisions?: CommentRevision[];
}

/** The decisions that make sense for a comment as it is now, with their shortcut keys. */
function decisionsFor(item: DeskItem): [DeskAction, string | undefined][] {
  const out: [DeskAction, string | undefined][] = [];
  if (item.status !== 'approved' || item.openReports > 0) out.push(['approve', 'a']);
  if (item.status !== 'rejected' || item.openReports > 0) out.push(['reject', 'r']);
  if (item.status === 'approved') out.push(item.featured ? ['unfeature', 'f'] : ['feature', 'f']);
  if (item.openReports > 0) out.push(['dismiss-reports', undefined]);
  return out;
}

export function DeskItemView({
  f,
  item,
  queue,
  extras,
}: {
  f: Frame;
  item: DeskItem;
  queue: DeskQueue;
  extras: ItemExtras;
}) {
  const t = f.t.desk;
  const history =
    item.userId !== null ? readerUrl(item.userId) : item.authorEmail ? guestUrl(item.authorEmail) : null;
  const standing = describeStanding(f, {
    suspendedUntil: item.authorSuspendedUntil,
    banned: item.authorBanned,
    shadowBanned: item.authorShadowBanned,
  });
  const reports = Object.entries(item.reportReasons);
  const headId = `item-${item.id}-head`;
  return (
    <article class="desk-item" id={`item-${item.id}`} data-desk-item tabIndex={-1} aria-labelledby={headId}>
      <div class="desk-item-head">
        <input type="checkbox" name="ids" value={String(item.id)} id={`sel-${item.id}`} data-select />
        <label for={`sel-${item.id}`} class="visually-hidden">
          {t.selectItem(String(item.id))}
        </label>
        <h2 class="desk-author" id={headId}>
          {item.authorName}
          {item.userId === null ? <span class="desk-tag">{t.guest}</span> : null}
        </h2>
        {item.userId === null && item.authorEmail ? <span class="desk-email">{item.authorEmail}</span> : null}
        {standing.map((s) => (
          <span key={s} class="desk-tag desk-tag-warn">
            {s}
          </span>
        ))}
        {history ? (
          <a href={history} data-key="o" class="desk-history">
            {t.history}
          </a>
        ) : null}
      </div>
      <p class="desk-where">
        <time datetime={isoDate(item.createdAt)}>{when(f, item.createdAt)}</time>
        {' · '}
        {item.parentId !== null ? `${t.reply} · ` : null}
        <a href={commentOnSite(item)}>{item.articleTitle}</a>
        {' · '}
        <a href={deskUrl({ queue, articleId: item.articleId })} class="desk-filter">
          {t.onlyArticle(String(item.articleId))}
        </a>
      </p>
      <div class="desk-body">{item.body}</div>
      <dl class="desk-facts">
        <div>
          <dt>{t.reason}</dt>
          <dd>{describeReason(f.t, item.reason, item.detail)}</dd>
        </div>
        <div>
          <dt>{t.spamScore}</dt>
          <dd>{item.spamScore}</dd>
        </div>
        {reports.length > 0 ? (
          <div>
            <dt>{t.reports}</dt>
            <dd>
              {reports
                .map(([reason, n]) => `${f.t.cm.reportReasons[reason as 'spam'] ?? reason} × ${n}`)
                .join(', ')}
            </dd>
          </div>
        ) : null}
        {item.editedAt !== null ? (
          <div>
            <dt>{t.edited}</dt>
            <dd>
              <time datetime={isoDate(item.editedAt)}>{when(f, item.editedAt)}</time>
            </dd>
          </div>
        ) : null}
        {item.featured ? (
          <div>
            <dt>{t.featured}</dt>
            <dd>★</dd>
          </div>
        ) : null}
      </dl>
      <Notes f={f} extras={extras} />
      <div class="desk-actions">
        {decisionsFor(item).map(([action, key]) => (
          <button
            key={action}
            type="submit"
            name="item"
            value={`${action}:${item.id}`}
            data-key={key}
            class={action === 'approve' ? 'button' : 'button button-secondary'}
          >
            {t.actions[action]}
          </button>
        ))}
      </div>
    </article>
  );
}

function Notes({ f, extras }: { f: Frame; extras: ItemExtras }) {
  const t = f.t.desk;
  const notes = (extras.reports ?? []).filter((r) => r.resolvedAt === null && r.note !== '');
  const revisions = extras.revisions ?? [];
  return (
    <>
      {notes.length > 0 ? (
        <details class="desk-more">
          <summary>{t.reportNotes}</summary>
          <ul>
            {notes.map((r) => (
              <li key={r.id}>
                <strong>{f.t.cm.reportReasons[r.reason]}</strong> ({r.reporterName ?? t.guest},{' '}
                {when(f, r.createdAt)}): <span class="desk-note">{r.note}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {revisions.length > 0 ? (
        <details class="desk-more">
          <summary>{t.earlier}</summary>
          <ol>
            {revisions.map((r) => (
              <li key={r.id}>
                <span class="muted">{when(f, r.createdAt)}</span>
                <div class="desk-body">{r.body}</div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}
