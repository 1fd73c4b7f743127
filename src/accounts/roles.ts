// Staff and reader roles, weakest first. A moderator looks after comments only; an editor also
// runs the newsroom, so the moderator ranks below the editor.
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

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}
