// The article list: filters by status, "only mine" and title words, newest change first.
import type { ArticleStatus } from '../../db/schema.js';
import type { DeskListItem } from '../../newsroom/desk-articles.js';
import { formatNumber } from '../../text/numbers.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { articlesUrl, articleUrl } from './article-page-data.js';
import { Pager, StaffLayout } from './layout.js';

export const STATUSES: readonly ArticleStatus[] = [
  'draft',
  'review',
  'scheduled',
  'published',
  'unpublished',
];

export interface ListPageData {
  items: DeskListItem[];
  total: number;
  page: number;
  pages: number;
  status: ArticleStatus | null;
  mine: boolean;
  /** Writers who may not open others' articles see only their own, without the choice. */
  mineForced: boolean;
  q: string;
}

export function listUrl(d: Pick<ListPageData, 'status' | 'mine' | 'q'>, page = 1): string {
  const p = new URLSearchParams();
  if (d.status) p.set('status', d.status);
  if (d.mine) p.set('mine', '1');
  if (d.q) p.set('q', d.q);
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return qs ? `${articlesUrl()}?${qs}` : articlesUrl();
}

export function ArticlesListPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: ListPageData;
}) {
  const t = f.t.nr;
  return (
    <StaffLayout frame={f} assets={assets} title={t.articlesTitle} section="articles">
      <p>
        <a class="button" href={`${articlesUrl()}/new`}>
          {t.newArticle}
        </a>
      </p>
      <form method="get" action={articlesUrl()} class="list-filters">
        <div class="field">
          <label for="flt-status">{t.statusLabel}</label>
          <select id="flt-status" name="status">
            <option value="">{t.anyStatus}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s} selected={d.status === s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="flt-q">{t.searchTitles}</label>
          <input id="flt-q" type="search" name="q" value={d.q} maxLength={200} />
        </div>
        {d.mineForced ? null : (
          <div class="field field-check">
            <input id="flt-mine" type="checkbox" name="mine" value="1" checked={d.mine} />
            <label for="flt-mine">{t.onlyMine}</label>
          </div>
        )}
        <button type="submit" class="button button-secondary">
          {t.search}
        </button>
      </form>
      <p class="muted">{t.total(formatNumber(d.total, f.locale))}</p>
      {d.items.length === 0 ? (
        <p>{t.noArticles}</p>
      ) : (
        <div class="staff-table-wrap">
          <table class="staff-table articles-table">
            <thead>
              <tr>
                <th scope="col">{t.colTitle}</th>
                <th scope="col">{t.statusLabel}</th>
                <th scope="col">{t.colCategory}</th>
                <th scope="col">{t.colOwner}</th>
                <th scope="col">{t.colUpdated}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={articleUrl(a.id)}>{a.title}</a>
                  </td>
                  <td>
                    <span class={`status status-${a.status}`}>{t.status[a.status]}</span>
                    {a.status === 'scheduled' && a.scheduledAt ? (
                      <span class="muted"> · {when(f, a.scheduledAt)}</span>
                    ) : null}
                  </td>
                  <td>{a.categoryName}</td>
                  <td>{a.ownerName ?? '—'}</td>
                  <td>{when(f, a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager f={f} page={d.page} pages={d.pages} href={(p) => listUrl(d, p)} />
    </StaffLayout>
  );
}
