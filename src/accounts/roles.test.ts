import { describe, expect, it } from 'vitest';
import { isRole, ROLES, roleAtLeast } from './roles.js';

describe('roles', () => {
  it('orders readers below staff, and moderators below editors', () => {
    expect(ROLES).toEqual(['reader', 'contributor', 'author', 'moderator', 'editor', 'admin']);
    expect(roleAtLeast('moderator', 'moderator')).toBe(true);
    expect(roleAtLeast('editor', 'moderator')).toBe(true);
    expect(roleAtLeast('moderator', 'editor')).toBe(false);
    expect(roleAtLeast('admin', 'editor')).toBe(true);
    expect(roleAtLeast('reader', 'contributor')).toBe(false);
  });

  it('recognises only the six roles', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const s of ['', 'Admin', 'root', 'reader ', 'toString']) expect(isRole(s)).toBe(false);
  });
});
