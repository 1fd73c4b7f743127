// The admins' list of accounts: search by name or email, filter by role, newest first, a page at
// a time. Each name leads to the account's page.
import { ROLES } from '../../accounts/roles.js';
import type { RoleFilter, UserList } from '../../accounts/user-directory.js';
import { plural } from '../../text/numbers.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { Pager, StaffLayout } from './layout.js';

export const USERS_URL = '/admin/users';
export const NEW_USER_URL = `${USERS_URL}/new`;
export const userUrl = (id: number) => `${USERS_URL}/${id}`;

export function usersListUrl(v: { search: string; role: RoleFilter; page: number }): string {
  const q = new URLSearchParams();
  if (v.search) q.set('q', v.search);
  if (v.role !== 'staff') q.set('role', v.role);
  if (v.page > 1) q.set('page', String(v.page));
  const query = q.toString();
  return query ? `${USERS_URL}?${query}` : USERS_URL;
}

export interface UsersPageData {
  list: UserList;
  search: string;
  role: RoleFilter;
}

export function UsersPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: UsersPageData }) {
  const t = f.t.staff;
  const filters: [RoleFilter, string][] = [
    ['staff', t.roleFilterOptions.staff],
    ['all', t.roleFilterOptions.all],
    ...ROLES.map((r): [RoleFilter, string] => [r, t.roles[r]]),
  ];
  return (
    <StaffLayout frame={f} assets={assets} title={t.usersTitle} section="users">
      <p>
        <a class="button" href={NEW_USER_URL}>
          {t.newUser}
        </a>
      </p>
      <form method="get" action={USERS_URL} class="staff-filter">
        <div class="field">
          <label for="users-q">{t.searchLabel}</label>
          <input id="users-q" name="q" type="search" value={d.search} maxLength={200} />
        </div>
        <div class="field">
          <label for="users-role">{t.roleFilter}</label>
          <select id="users-role" name="role">
            {filters.map(([value, label]) => (
              <option key={value} value={value} selected={value === d.role}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t.search}
        </button>
      </form>
      <p class="muted" data-total={d.list.total}>
        {plural(d.list.total, t.userForms, f.locale)}
      </p>
      {d.list.items.length === 0 ? (
        <p class="empty">{t.noUsers}</p>
      ) : (
        <div class="staff-table-wrap">
          <table class="staff-table users-table">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colEmail}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.colCreated}</th>
                <th scope="col">{t.colLastSeen}</th>
              </tr>
            </thead>
            <tbody>
              {d.list.items.map((u) => (
                <tr key={u.id} data-user={u.id}>
                  <td>
                    <a href={userUrl(u.id)}>{u.displayName}</a>
                  </td>
                  <td>
                    {u.email}
                    {u.verified ? null : <span class="desk-tag">{t.invitePending}</span>}
                  </td>
                  <td>{t.roles[u.role]}</td>
                  <td>{when(f, u.createdAt)}</td>
                  <td>{u.lastSeenAt === null ? t.never : when(f, u.lastSeenAt)}</td>
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
        href={(page) => usersListUrl({ search: d.search, role: d.role, page })}
      />
    </StaffLayout>
  );
}
