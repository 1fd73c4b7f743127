// Staff and reader roles, and what each may do. The matrix is the one place that decides: every
// staff route names the permission it needs, and docs/roles.md is written from this table.
import type { Role } from '../db/schema.js';

export type { Role };

export const ROLES: readonly Role[] = Object.freeze([
  'reader',
  'contributor',
  'author',
  'moderator',
  'editor',
  'admin',
] as const);

/** Roles that may enter the back office at all. */
export const STAFF_ROLES: readonly Role[] = Object.freeze(ROLES.filter((r) => r !== 'reader'));

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

export type Permission =
  /** The dashboard and one's own profile in the back office. */
  | 'backoffice'
  /** Write drafts, upload images, create tags, submit for review. */
  | 'articles.write'
  /** Publish, schedule and unpublish one's own articles. */
  | 'articles.publish-own'
  /** Edit, publish, schedule and unpublish anyone's articles. */
  | 'articles.edit-any'
  /** Home-page slots and the breaking-news banner. */
  | 'home.curate'
  /** The comment queues, readers' records, the comment settings and log. */
  | 'comments.moderate'
  /** /admin/tags: rename, re-kind, merge and delete tags. */
  | 'tags.manage'
  | 'users.manage'
  | 'categories.manage'
  | 'settings.manage';

// Spelled out per role rather than inherited: a moderator runs comments and writes nothing, an
// author writes but moderates nothing, so no single ladder fits.
const MATRIX: Record<Role, readonly Permission[]> = {
  reader: [],
  contributor: ['backoffice', 'articles.write'],
  author: ['backoffice', 'articles.write', 'articles.publish-own'],
  moderator: ['backoffice', 'comments.moderate'],
  editor: [
    'backoffice',
    'articles.write',
    'articles.publish-own',
    'articles.edit-any',
    'home.curate',
    'comments.moderate',
    'tags.manage',
  ],
  admin: [
    'backoffice',
    'articles.write',
    'articles.publish-own',
    'articles.edit-any',
    'home.curate',
    'comments.moderate',
    'tags.manage',
    'users.manage',
    'categories.manage',
    'settings.manage',
  ],
};

export const PERMISSIONS: readonly Permission[] = Object.freeze([...new Set(Object.values(MATRIX).flat())]);

export function can(role: Role, permission: Permission): boolean {
  return MATRIX[role].includes(permission);
}

export function isStaff(role: Role): boolean {
  return role !== 'reader';
}
