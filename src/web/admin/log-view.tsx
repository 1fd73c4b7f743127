// The moderators' log as a table: who did what, when, to which comment or reader.
import type { ModerationLogRow } from '../../comments/log.js';
import type { SiteDeps } from '../site/deps.js';
import { urls } from '../site/urls.js';
import { isoDate, when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { LOG_URL, Pager, readerUrl, StaffLayout } from './layout.js';

export function LogTable({ f, entries }: { f: Frame; entries: ModerationLogRow[] }) {
  const t = f.t.desk;
  return (
    <div class="staff-table-wrap">
      <table class="staff-table">
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.what}</th>
            <th scope="col">{t.comment}</th>
            <th scope="col">{t.reader}</th>
            <th scope="col">{t.detail}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-log-action={e.action}>
              <td>
                <time datetime={isoDate(e.createdAt)}>{when(f, e.createdAt)}</time>
              </td>
              <td>{e.actorId === null && e.actorName === '' ? t.system : e.actorName}</td>
              <td>{t.logActions[e.action] ?? e.action}</td>
              <td>
                {e.commentId !== null ? <a href={urls.commentThread(e.commentId)}>№{e.commentId}</a> : null}
              </td>
              <td>{e.userId !== null ? <a href={readerUrl(e.userId)}>№{e.userId}</a> : null}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LogPage({
  f,
  assets,
  entries,
  page,
  pages,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  entries: ModerationLogRow[];
  page: number;
  pages: number;
}) {
  return (
    <StaffLayout frame={f} assets={assets} title={f.t.desk.logTitle} section="log">
      {entries.length === 0 ? <p class="empty">{f.t.desk.logEmpty}</p> : <LogTable f={f} entries={entries} />}
      <Pager f={f} page={page} pages={pages} href={(p) => `${LOG_URL}?page=${p}`} />
    </StaffLayout>
  );
}
