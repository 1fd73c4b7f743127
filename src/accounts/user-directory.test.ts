import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import type { Role } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { SessionStore } from './sessions.js';
import { findUser, listUsers } from './user-directory.js';

const now = Date.UTC(2026, 10, 25, 10, 0);

describeEachDatabase('the admins’ list of accounts', (getDb) => {
  let db: Db;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = getDb().db;
    const people: [string, string, Role][] = [
      ['Иван Иванов', 'ivan@example.bg', 'editor'],
      ['ИВАНА Петрова', 'ivana@example.bg', 'author'],
      ['Георги Тодоров', 'georgi@example.bg', 'moderator'],
      ['Читател Иванчев', 'chitatel@example.bg', 'reader'],
      ['Ádám Kovács', 'adam@example.hu', 'contributor'],
    ];
    for (const [i, [name, email, role]] of people.entries()) {
      const row = await db
        .insertInto('users')
        .values({
          email,
          display_name: name,
          password_hash: 'x',
          role,
          created_at: now + i * 1000,
          updated_at: now,
          email_verified_at: role === 'contributor' ? null : now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[email] = row.id;
    }
    const sessions = new SessionStore(db);
    await sessions.create(ids['ivan@example.bg'] ?? 0, 'test', now + 50_000);
    await sessions.create(ids['ivan@example.bg'] ?? 0, 'test', now + 90_000);
  });

  const names = async (search: string, role: Parameters<typeof listUsers>[1]['role'] = 'staff') =>
    (await listUsers(db, { search, role, page: 1, pageSize: 10 })).items.map((u) => u.displayName);

  it('lists the staff newest first, readers only when asked', async () => {
    expect(await names('')).toEqual(['Ádám Kovács', 'Георги Тодоров', 'ИВАНА Петрова', 'Иван Иванов']);
    expect(await names('', 'all')).toHaveLength(5);
    expect(await names('', 'reader')).toEqual(['Читател Иванчев']);
    expect(await names('', 'editor')).toEqual(['Иван Иванов']);
  });

  it('finds Cyrillic names whatever their case, and addresses', async () => {
    expect(await names('иван')).toEqual(['ИВАНА Петрова', 'Иван Иванов']);
    expect(await names('ИВАН', 'all')).toEqual(['Читател Иванчев', 'ИВАНА Петрова', 'Иван Иванов']);
    expect(await names('GEORGI@')).toEqual(['Георги Тодоров']);
    expect(await names('ádám')).toEqual(['Ádám Kovács']);
    expect(await names('няма такъв')).toEqual([]);
  });

  it('pages, and says when each was last seen', async () => {
    const first = await listUsers(db, { search: '', role: 'all', page: 1, pageSize: 2 });
    const third = await listUsers(db, { search: '', role: 'all', page: 3, pageSize: 2 });
    expect([first.total, first.pages, third.items.length]).toEqual([5, 3, 1]);
    const searched = await listUsers(db, { search: 'иван', role: 'all', page: 2, pageSize: 2 });
    expect(searched).toMatchObject({ total: 3, pages: 2 });
    expect(searched.items.map((u) => u.displayName)).toEqual(['Иван Иванов']);
    expect(searched.items[0]?.lastSeenAt).toBe(now + 90_000);
    const user = await findUser(db, ids['adam@example.hu'] ?? 0);
    expect(user).toMatchObject({ role: 'contributor', verified: false, lastSeenAt: null });
    expect(await findUser(db, 999_999)).toBeNull();
  });
});
