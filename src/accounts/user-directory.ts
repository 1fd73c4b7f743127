// The accounts as the admins' user list shows them: filtered by role, searched by name or email,
// a page at a time, with when each was last seen (their newest session's last visit).
import type { Db } from '../db/index.js';
import type { Role } from '../db/schema.js';
import { STAFF_ROLES } from './roles.js';

/** 'staff' is every role but reader; 'all' includes readers. */
export type RoleFilter = Role | 'staff' | 'all';

export interface UserQuery {
  search: string;
  role: RoleFilter;
  page: number;
  pageSize: number;
}

export interface UserListItem {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  createdAt: number;
  verified: boolean;
  lastSeenAt: number | null;
}

export interface UserList {
  items: UserListItem[];
  total: number;
  page: number;
  pages: number;
}

/** Lower-cased for comparison the same way in every database: SQLite's lower() knows only ASCII. */
export const foldCase = (s: string) => s.normalize('NFC').toLocaleLowerCase('bg');

function filtered(db: Db, role: RoleFilter) {
  const query = db.selectFrom('users');
  if (role === 'all') return query;
  if (role === 'staff') return query.where('role', 'in', [...STAFF_ROLES]);
  return query.where('role', '=', role);
}

async function lastSeen(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sessions')
    .select(['user_id', (eb) => eb.fn.max('last_seen_at').as('seen')])
    .where('user_id', 'in', ids)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.seen)]));
}

/**
 * Without a search the database pages; with one, the names and addresses of the role's accounts
 * are folded and matched here (a Cyrillic "иван" must find "Иван" on SQLite too), then the page's
 * rows are read. The newsroom's staff is small; a search over every reader reads two columns.
 */
export async function listUsers(db: Db, q: UserQuery): Promise<UserList> {
  let ids: number[];
  let total: number;
  const offset = (q.page - 1) * q.pageSize;
  const needle = foldCase(q.search.trim());
  if (needle === '') {
    const count = await filtered(db, q.role)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    total = Number(count.n);
    const rows = await filtered(db, q.role)
      .select('id')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset(offset)
      .execute();
    ids = rows.map((r) => r.id);
  } else {
    const rows = await filtered(db, q.role)
      .select(['id', 'email', 'display_name'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const matching = rows.filter(
      (r) => r.email.includes(needle) || foldCase(r.display_name).includes(needle),
    );
    total = matching.length;
    ids = matching.slice(offset, offset + q.pageSize).map((r) => r.id);
  }
  const pages = Math.max(1, Math.ceil(total / q.pageSize));
  if (ids.length === 0) return { items: [], total, page: q.page, pages };
  const [rows, seen] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'role', 'created_at', 'email_verified_at'])
      .where('id', 'in', ids)
      .execute(),
    lastSeen(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        role: r.role,
        createdAt: Number(r.created_at),
        verified: r.email_verified_at !== null,
        lastSeenAt: seen.get(r.id) ?? null,
      },
    ];
  });
  return { items, total, page: q.page, pages };
}

export async function findUser(db: Db, id: number): Promise<UserListItem | null> {
  const r = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'created_at', 'email_verified_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    createdAt: Number(r.created_at),
    verified: r.email_verified_at !== null,
    lastSeenAt: (await lastSeen(db, [r.id])).get(r.id) ?? null,
  };
}
