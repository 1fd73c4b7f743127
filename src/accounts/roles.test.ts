import { describe, expect, it } from 'vitest';
import { can, isRole, PERMISSIONS, ROLES } from './roles.js';

describe('roles', () => {
  it('recognises only the six roles', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const s of ['', 'Admin', 'root', 'reader ', 'toString']) expect(isRole(s)).toBe(false);
  });

  it('gives readers nothing in the back office', () => {
    for (const p of PERMISSIONS) expect(can('reader', p)).toBe(false);
  });

  it('keeps moderators out of articles and authors out of comments', () => {
    expect(can('moderator', 'comments.moderate')).toBe(true);
    expect(can('moderator', 'articles.write')).toBe(false);
    expect(can('author', 'comments.moderate')).toBe(false);
    expect(can('author', 'articles.publish-own')).toBe(true);
    expect(can('contributor', 'articles.publish-own')).toBe(false);
  });

  it('lets editors curate and edit anything but not manage users; admins do everything', () => {
    expect(can('editor', 'articles.edit-any')).toBe(true);
    expect(can('editor', 'home.curate')).toBe(true);
    expect(can('editor', 'users.manage')).toBe(false);
    for (const p of PERMISSIONS) expect(can('admin', p)).toBe(true);
  });
});
