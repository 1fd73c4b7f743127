// An article's revisions: the list with a compare form (any two), the difference, and restoring.

import type { FieldDiff } from '../../newsroom/diff.js';
import type { RevisionInfo } from '../../newsroom/revisions.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { articleUrl } from './article-page-data.js';
import { DiffTable } from './diff-view.js';
import { type Notice, StaffLayout } from './layout.js';

export interface RevisionsPageData {
  articleId: number;
  title: string;
  revisions: RevisionInfo[];
  /** The compared pair and their difference, when one was asked for. */
  compared: { from: RevisionInfo; to: RevisionInfo; fields: FieldDiff[] } | null;
  csrf: string;
  version: number;
  canRestore: boolean;
  notice: Notice | null;
}

function Who({ f, r }: { f: Frame; r: RevisionInfo }) {
  return <>{r.userName || f.t.nr.scheduler}</>;
}

export function RevisionsPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: RevisionsPageData;
}) {
  const t = f.t.nr;
  const base = `${articleUrl(d.articleId)}/revisions`;
  const label = (r: RevisionInfo) =>
    `${t.version(String(r.version))} · ${t.revisionKinds[r.kind]} · ${r.userName || t.scheduler} · ${when(f, r.createdAt)}`;
  const [newest, previous] = d.revisions;
  return (
    <StaffLayout
      frame={f}
      assets={assets}
      title={t.revisionsOf(d.title)}
      section="articles"
      notice={d.notice}
    >
      <p>
        <a href={articleUrl(d.articleId)}>{t.backToArticle}</a>
      </p>
      <form method="get" action={`${base}/compare`} class="compare-form">
        <div class="field">
          <label for="cmp-from">{t.compareFrom}</label>
          <select id="cmp-from" name="from">
            {d.revisions.map((r) => (
              <option
                key={r.id}
                value={String(r.id)}
                selected={(d.compared?.from.id ?? previous?.id) === r.id}
              >
                {label(r)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="cmp-to">{t.compareTo}</label>
          <select id="cmp-to" name="to">
            {d.revisions.map((r) => (
              <option key={r.id} value={String(r.id)} selected={(d.compared?.to.id ?? newest?.id) === r.id}>
                {label(r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t.compare}
        </button>
      </form>
      {d.compared ? (
        <section aria-labelledby="diff-title" class="diff-section">
          <h2 id="diff-title">
            {t.diffTitle(String(d.compared.from.version), String(d.compared.to.version))}
          </h2>
          <DiffTable f={f} fields={d.compared.fields} onlyChanged />
        </section>
      ) : null}
      <div class="staff-table-wrap">
        <table class="staff-table revisions">
          <thead>
            <tr>
              <th scope="col">{t.version('')}</th>
              <th scope="col">{t.colWhen}</th>
              <th scope="col">{t.colBy}</th>
              <th scope="col">
                <span class="visually-hidden">{t.restore}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.revisions.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.version} · {t.revisionKinds[r.kind]}
                </td>
                <td>{when(f, r.createdAt)}</td>
                <td>
                  <Who f={f} r={r} />
                </td>
                <td>
                  {d.canRestore && r.id !== newest?.id ? (
                    <form method="post" action={`${base}/${r.id}/restore`}>
                      <input type="hidden" name="_csrf" value={d.csrf} />
                      <input type="hidden" name="version" value={String(d.version)} />
                      <button
                        type="submit"
                        class="button button-secondary"
                        aria-label={`${t.restore}: ${label(r)}`}
                      >
                        {t.restore}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}
