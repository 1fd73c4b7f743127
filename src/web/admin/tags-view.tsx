// The tag manager's list: search by name (any case) or address, filter by kind, alphabetical, with
// the number of articles of each; a name leads to the tag's own page.
import type { TagKind } from '../../db/schema.js';
import type { TagList } from '../../newsroom/tag-admin.js';
import { TAG_KINDS } from '../../newsroom/tag-check.js';
import { formatNumber } from '../../text/numbers.js';
import type { SiteDeps } from '../site/deps.js';
import { urls } from '../site/urls.js';
import { articleCount } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, Pager, StaffLayout } from './layout.js';

export const TAGS_URL = '/admin/tags';
export const tagAdminUrl = (id: number) => `${TAGS_URL}/${id}`;

export interface TagsFilter {
  search: string;
  kind: TagKind | null;
  page: number;
}

export function tagsListUrl(v: TagsFilter): string {
  const q = new URLSearchParams();
  if (v.search) q.set('q', v.search);
  if (v.kind) q.set('kind', v.kind);
  if (v.page > 1) q.set('page', String(v.page));
  const query = q.toString();
  return query ? `${TAGS_URL}?${query}` : TAGS_URL;
}

export interface TagsPageData extends TagsFilter {
  list: TagList;
  notice: Notice | null;
}

export function TagsPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: TagsPageData }) {
  const t = f.t.tg;
  const filtered = d.search !== '' || d.kind !== null;
  return (
    <StaffLayout frame={f} assets={assets} title={t.title} section="tags" notice={d.notice}>
      <p class="hint">{t.intro}</p>
      <form method="get" action={TAGS_URL} class="staff-filter">
        <div class="field">
          <label for="tags-q">{t.searchLabel}</label>
          <input id="tags-q" name="q" type="search" value={d.search} maxLength={200} />
        </div>
        <div class="field">
          <label for="tags-kind">{t.kindLabel}</label>
          <select id="tags-kind" name="kind">
            <option value="">{t.allKinds}</option>
            {TAG_KINDS.map((k) => (
              <option key={k} value={k} selected={k === d.kind}>
                {f.t.topicKinds[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t.searchButton}
        </button>
      </form>
      {filtered ? (
        <p>
          <a href={TAGS_URL}>{t.clear}</a>
        </p>
      ) : null}
      <p class="muted" data-total={d.list.total}>
        {t.found(formatNumber(d.list.total, f.locale))}
      </p>
      {d.list.items.length === 0 ? (
        <p class="empty">{filtered ? t.noResults : t.empty}</p>
      ) : (
        <div class="staff-table-wrap">
          <table class="staff-table tags-table">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colKind}</th>
                <th scope="col">{t.colSlug}</th>
                <th scope="col">{t.colArticles}</th>
              </tr>
            </thead>
            <tbody>
              {d.list.items.map((tag) => (
                <tr key={tag.id} data-tag={tag.slug}>
                  <th scope="row">
                    <a href={tagAdminUrl(tag.id)}>{tag.name}</a>
                  </th>
                  <td>{f.t.topicKinds[tag.kind]}</td>
                  <td>
                    <a href={urls.tag(tag)}>{tag.slug}</a>
                  </td>
                  <td>{articleCount(f, tag.articles)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        f={f}
        page={d.list.page}
        pages={d.list.pages}
        href={(page) => tagsListUrl({ search: d.search, kind: d.kind, page })}
      />
    </StaffLayout>
  );
}
