// A reader's record for the desk: who they are, where they stand, their comments and what
// moderators decided about them, with the forms to restrict them. Staff accounts get no forms.
import type { ReaderHistory } from '../../comments/desk-readers.js';
import type { SiteDeps } from '../site/deps.js';
import { isoDate, when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { describeReason, describeStanding } from './describe.js';
import { commentOnSite, type Notice, Pager, READERS_URL, readerUrl, StaffLayout } from './layout.js';
import { LogTable } from './log-view.js';

export const SUSPEND_DAYS = [1, 3, 7, 30] as const;

export interface ReaderPageData {
  history: ReaderHistory;
  csrf: string;
  notice: Notice | null;
  pageHref: (page: number) => string;
}

export function ReaderPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: ReaderPageData }) {
  const t = f.t.desk;
  const { profile, counts, comments, log } = d.history;
  const title = profile ? t.readerTitle(profile.name) : t.guestTitle(d.history.email ?? '');
  return (
    <StaffLayout frame={f} assets={assets} title={title} section="readers" notice={d.notice}>
      <GuestSearch f={f} value={d.history.email ?? ''} />
      <dl class="reader-facts">
        <div>
          <dt>{t.email}</dt>
          <dd>{d.history.email}</dd>
        </div>
        {profile ? (
          <>
            <div>
              <dt>{t.role}</dt>
              <dd>{t.roles[profile.role] ?? profile.role}</dd>
            </div>
            <div>
              <dt>{t.joined}</dt>
              <dd>{when(f, profile.createdAt)}</dd>
            </div>
            <div>
              <dt>{t.verified}</dt>
              <dd>{profile.verified ? t.yes : t.no}</dd>
            </div>
            <div>
              <dt>{t.standingLabel}</dt>
              <dd data-standing>
                {describeStanding(f, {
                  suspendedUntil: profile.suspendedUntil,
                  banned: profile.bannedAt !== null,
                  shadowBanned: profile.shadowBanned,
                }).join(', ') || t.standing.ok}
              </dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t.counts}</dt>
          <dd>
            {(['approved', 'pending', 'rejected', 'deleted'] as const)
              .map((s) => `${t.statuses[s]}: ${counts[s]}`)
              .join(' · ')}
          </dd>
        </div>
      </dl>
      {profile ? (
        profile.role === 'reader' ? (
          <ReaderForms f={f} id={profile.id} csrf={d.csrf} />
        ) : (
          <p class="notice">{t.staff}</p>
        )
      ) : null}
      <h2 class="staff-subtitle">{t.theirComments}</h2>
      {comments.items.length === 0 ? (
        <p class="empty">{t.noComments}</p>
      ) : (
        <ol class="reader-comments">
          {comments.items.map((c) => (
            <li key={c.id} class="desk-item">
              <p class="desk-where">
                <time datetime={isoDate(c.createdAt)}>{when(f, c.createdAt)}</time>
                {' · '}
                <a href={commentOnSite(c)}>{c.articleTitle}</a>
                {' · '}
                <span class={`desk-tag desk-status-${c.status}`}>{t.statuses[c.status]}</span>
              </p>
              <div class="desk-body">{c.body}</div>
              <p class="hint">
                {t.reason}: {describeReason(f.t, c.reason, c.detail)}
                {c.openReports > 0 ? ` · ${t.reports}: ${c.openReports}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pager f={f} page={comments.page} pages={comments.pages} href={d.pageHref} />
      <h2 class="staff-subtitle">{t.theirLog}</h2>
      {log.length === 0 ? <p class="empty">{t.noLog}</p> : <LogTable f={f} entries={log} />}
    </StaffLayout>
  );
}

function ReaderForms({ f, id, csrf }: { f: Frame; id: number; csrf: string }) {
  const t = f.t.desk;
  const action = `${readerUrl(id)}/action`;
  const Hidden = () => <input type="hidden" name="_csrf" value={csrf} />;
  const button = (name: string, label: string, primary = false) => (
    <button type="submit" name="action" value={name} class={primary ? 'button' : 'button button-secondary'}>
      {label}
    </button>
  );
  return (
    <div class="reader-forms">
      <form method="post" action={action}>
        <Hidden />
        <fieldset>
          <legend>{t.suspendLegend}</legend>
          <label for="suspend-days">{t.suspendFor}</label>
          <select id="suspend-days" name="days">
            {SUSPEND_DAYS.map((n) => (
              <option key={n} value={String(n)}>
                {t.days(n)}
              </option>
            ))}
          </select>
          {button('suspend', t.suspend, true)}
          {button('unsuspend', t.unsuspend)}
        </fieldset>
      </form>
      <form method="post" action={action}>
        <Hidden />
        <fieldset>
          <legend>{t.banLegend}</legend>
          <span class="field-check">
            <input type="checkbox" id="reject-pending" name="reject_pending" value="1" />
            <label for="reject-pending">{t.alsoReject}</label>
          </span>
          {button('ban', t.ban, true)}
          {button('unban', t.unban)}
        </fieldset>
      </form>
      <form method="post" action={action}>
        <Hidden />
        <fieldset>
          <legend>{t.shadowLegend}</legend>
          <p class="hint">{t.shadowHint}</p>
          {button('shadow-ban', t.shadowBan, true)}
          {button('unshadow-ban', t.unshadowBan)}
        </fieldset>
      </form>
    </div>
  );
}

export function GuestSearch({ f, value }: { f: Frame; value: string }) {
  const t = f.t.desk;
  return (
    <form method="get" action={READERS_URL} class="desk-search">
      <label for="guest-email">{t.guestSearchLabel}</label>
      <div class="desk-search-row">
        <input id="guest-email" type="email" name="email" value={value} maxLength={254} />
        <button type="submit" class="button button-secondary">
          {t.show}
        </button>
      </div>
    </form>
  );
}
