import { beforeAll, expect, it } from 'vitest';
import { SessionStore } from '../accounts/sessions.js';
import type { Db } from '../db/index.js';
import type { Role } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { bylineOf, changeStaffMember } from './staff-members.js';

const now = Date.UTC(2026, 10, 25, 10, 0);

describeEachDatabase('an admin changing a newsroom member', (getDb) => {
  let db: Db;
  let n = 0;

  beforeAll(() => {
    db = getDb().db;
  });

  async function user(role: Role, name = `Човек ${++n}`): Promise<number> {
    const row = await db
      .insertInto('users')
      .values({
        email: `chovek${++n}@example.bg`,
        display_name: name,
        password_hash: 'x',
        role,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const roleOf = async (id: number) =>
    (await db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;
  const change = (actor: number, id: number, role: string, name = 'Ново Име') =>
    changeStaffMember(db, actor, id, { role, displayName: name, byline: null }, now);

  it('the role changes at once: the very next session lookup has it', async () => {
    const admin = await user('admin');
    const author = await user('author');
    const sessions = new SessionStore(db);
    const token = await sessions.create(author, 'test', now);
    expect(await change(admin, author, 'editor', 'Мария Редакторова')).toEqual({
      ok: true,
      before: 'author',
      after: 'editor',
      authorId: null,
    });
    expect(await sessions.lookup(token, now + 1000)).toMatchObject({
      status: 'valid',
      user: { role: 'editor', displayName: 'Мария Редакторова' },
    });
  });

  it('nobody changes their own role, but may change their own name', async () => {
    const admin = await user('admin');
    expect(await change(admin, admin, 'editor')).toEqual({ ok: false, reason: 'own-role' });
    expect(await roleOf(admin)).toBe('admin');
    expect(await change(admin, admin, 'admin', 'Шефката')).toMatchObject({ ok: true });
  });

  it('the last admin cannot be demoted, not even when two admins demote each other at once', async () => {
    await db.updateTable('users').set({ role: 'editor' }).where('role', '=', 'admin').execute();
    const a = await user('admin');
    const b = await user('admin');
    const results = await Promise.all([change(a, b, 'reader'), change(b, a, 'reader')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'last-admin' });
    const remaining = (await roleOf(a)) === 'admin' ? a : b;
    const other = remaining === a ? b : a;
    expect(await roleOf(other)).toBe('reader');
    expect(await change(other, remaining, 'editor')).toEqual({ ok: false, reason: 'last-admin' });
  });

  it('saves the byline of a writing role with the change, and refuses bad fields', async () => {
    const admin = await user('admin');
    const writer = await user('contributor', 'Стефан Стефанов');
    expect(await bylineOf(db, writer)).toBeNull();
    const saved = await changeStaffMember(
      db,
      admin,
      writer,
      {
        role: 'author',
        displayName: 'Стефан Стефанов',
        byline: { name: '  Стефан  Стефанов ', title: 'Репортер', bio: 'Пише за градския транспорт.\r\n' },
      },
      now,
    );
    expect(saved).toMatchObject({ ok: true, before: 'contributor', after: 'author' });
    expect(await bylineOf(db, writer)).toMatchObject({
      slug: 'stefan-stefanov',
      name: 'Стефан Стефанов',
      title: 'Репортер',
      bio: 'Пише за градския транспорт.',
    });
    const bad = await changeStaffMember(
      db,
      admin,
      writer,
      { role: 'boss', displayName: '', byline: { name: 'С', title: 'т'.repeat(81), bio: '' } },
      now,
    );
    expect(bad).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        role: 'choice',
        displayName: 'name-required',
        bylineName: 'too-short',
        bylineTitle: 'too-long',
      },
    });
    // A moderator writes nothing: the byline is left as it was.
    await changeStaffMember(
      db,
      admin,
      writer,
      { role: 'moderator', displayName: 'Стефан', byline: { name: 'Друго Име', title: '', bio: '' } },
      now,
    );
    expect((await bylineOf(db, writer))?.name).toBe('Стефан Стефанов');
    expect(await change(admin, 999_999, 'author')).toEqual({ ok: false, reason: 'not-found' });
  });
});
