// The sections as a tree: each subsection under its parent, with its address, menu position,
// article count and the comment rules it sets (or "inherits").
import type { CategoryTreeRow } from '../../content/category-admin.js';
import { encodePathSegment } from '../../text/slug.js';
import type { SiteDeps } from '../site/deps.js';
import { articleCount } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, StaffLayout } from './layout.js';

export const CATEGORIES_URL = '/admin/categories';
export const NEW_CATEGORY_URL = `${CATEGORIES_URL}/new`;
export const categoryUrl = (id: number) => `${CATEGORIES_URL}/${id}`;

function policySummary(f: Frame, c: CategoryTreeRow): string {
  const t = f.t.staff;
  const r = c.commentRules;
  const parts = [
    r.who === null ? null : t.whoOptions[r.who],
    r.moderation === null ? null : t.moderationOptions[r.moderation],
    r.closeDays === null ? null : `${t.closeDays}: ${r.closeDays}`,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? t.inherits : parts.join('; ');
}

export function CategoriesPage({
  f,
  assets,
  tree,
  notice,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  tree: CategoryTreeRow[];
  notice: Notice | null;
}) {
  const t = f.t.staff;
  return (
    <StaffLayout frame={f} assets={assets} title={t.categoriesTitle} section="categories" notice={notice}>
      <p>
        <a class="button" href={NEW_CATEGORY_URL}>
          {t.newCategory}
        </a>
      </p>
      {tree.length === 0 ? (
        <p class="empty">{t.noCategories}</p>
      ) : (
        <div class="staff-table-wrap">
          <table class="staff-table categories-table">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.colSlug}</th>
                <th scope="col">{t.colPosition}</th>
                <th scope="col">{t.colArticles}</th>
                <th scope="col">{t.colComments}</th>
                <th scope="col">{t.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {tree.map((c) => (
                <tr key={c.id} data-category={c.slug} data-depth={c.depth}>
                  <th scope="row" class={`category-name category-depth-${Math.min(c.depth, 4)}`}>
                    {c.depth > 0 ? <span aria-hidden="true">{'└ '}</span> : null}
                    {c.name}
                  </th>
                  <td>
                    <a href={`/${encodePathSegment(c.slug)}`}>{c.slug}</a>
                  </td>
                  <td>{c.position}</td>
                  <td>{articleCount(f, c.articles)}</td>
                  <td>{policySummary(f, c)}</td>
                  <td>
                    <a href={categoryUrl(c.id)} aria-label={`${t.edit}: ${c.name}`}>
                      {t.edit}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
