import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { countAdmins, hasAdmin } from './admin-lock.js';
import { createFirstAdmin } from './first-admin.js';
import { TEST_PASSWORD_COST } from './testing.js';

const now = Date.UTC(2026, 10, 25, 10, 0);

describeEachDatabase('the first admin from the setup page', (getDb) => {
  let db: Db;
  beforeAll(() => {
    db = getDb().db;
  });

  const admin = (n: number) => ({
    email: `Glaven${n}@Example.BG`,
    displayName: `Главен Редактор ${n}`,
    password: 'сигурна парола за начало',
  });

  it('refuses bad input without writing anything', async () => {
    expect(
      await createFirstAdmin(db, { email: 'x', displayName: '', password: '123' }, TEST_PASSWORD_COST, now),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { email: 'email-invalid', displayName: 'name-required', password: 'password-too-short' },
    });
    expect(await hasAdmin(db)).toBe(false);
  });

  it('refuses an address a reader already has', async () => {
    await db
      .insertInto('users')
      .values({
        email: 'chitatel@example.bg',
        display_name: 'Читател',
        password_hash: 'x',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const taken = await createFirstAdmin(
      db,
      { ...admin(0), email: 'Chitatel@example.bg' },
      TEST_PASSWORD_COST,
      now,
    );
    expect(taken).toEqual({ ok: false, reason: 'invalid', errors: { email: 'email-taken' } });
  });

  it('two forms sent at once make exactly one admin', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => createFirstAdmin(db, admin(n), TEST_PASSWORD_COST, now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'has-admin' },
      { ok: false, reason: 'has-admin' },
    ]);
    expect(await countAdmins(db)).toBe(1);
    const made = await db
      .selectFrom('users')
      .select(['email', 'role', 'email_verified_at'])
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(made.email).toMatch(/^glaven[123]@example\.bg$/);
    expect(Number(made.email_verified_at)).toBe(now);
  });

  it('once there is an admin, the answer is always has-admin', async () => {
    expect(await createFirstAdmin(db, admin(4), TEST_PASSWORD_COST, now)).toEqual({
      ok: false,
      reason: 'has-admin',
    });
  });
});
