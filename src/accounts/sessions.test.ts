import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { hashToken, SessionStore } from './sessions.js';

describeEachDatabase('SessionStore', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  const MIN = 60_000;
  const ttlMs = 60 * MIN;
  let db: Db;
  let store: SessionStore;
  let users = 0;

  beforeAll(() => {
    db = getDb().db;
    store = new SessionStore(db, { ttlMs, touchEveryMs: 5 * MIN });
  });

  async function newUser(): Promise<number> {
    users++;
    const row = await db
      .insertInto('users')
      .values({
        email: `chitatel${users}@example.bg`,
        display_name: `Читател ${users}`,
        password_hash: 'x',
        email_verified_at: now,
        created_at: now,
        updated_at: now,
        notify_replies: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const row = (token: string) =>
    db.selectFrom('sessions').selectAll().where('id', '=', hashToken(token)).executeTakeFirst();

  it('answers none for a missing, malformed or unknown token', async () => {
    expect(await store.lookup(undefined, now)).toEqual({ status: 'none' });
    expect(await store.lookup('', now)).toEqual({ status: 'none' });
    expect(await store.lookup("' or 1=1 --", now)).toEqual({ status: 'none' });
    expect(await store.lookup('a'.repeat(44), now)).toEqual({ status: 'none' });
    expect(await store.lookup('A'.repeat(43), now)).toEqual({ status: 'none' });
  });

  it('finds the user of a valid session and stores only the token hash', async () => {
    const userId = await newUser();
    const token = await store.create(userId, `Mozilla/5.0 ${'ж'.repeat(300)}`, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const found = await store.lookup(token, now + MIN);
    expect(found).toEqual({
      status: 'valid',
      sessionId: hashToken(token),
      user: {
        id: userId,
        email: `chitatel${users}@example.bg`,
        displayName: `Читател ${users}`,
        role: 'reader',
        emailVerified: true,
        suspendedUntil: null,
        banned: false,
        shadowBanned: false,
        notifyReplies: true,
      },
    });
    const stored = await row(token);
    expect(
      await db.selectFrom('sessions').select('id').where('id', '=', token).executeTakeFirst(),
    ).toBeUndefined();
    expect([...(stored?.user_agent ?? '')]).toHaveLength(200);
  });

  it('slides the expiry forward, but writes at most every few minutes', async () => {
    const token = await store.create(await newUser(), 'test', now);
    await store.lookup(token, now + 4 * MIN);
    expect(await row(token)).toMatchObject({ last_seen_at: now, expires_at: now + ttlMs });
    await store.lookup(token, now + 6 * MIN);
    expect(await row(token)).toMatchObject({
      last_seen_at: now + 6 * MIN,
      expires_at: now + 6 * MIN + ttlMs,
    });
    // Past the first expiry, alive thanks to the visit.
    expect((await store.lookup(token, now + ttlMs + MIN)).status).toBe('valid');
  });

  it('answers expired once for a lapsed session and deletes it', async () => {
    const token = await store.create(await newUser(), 'test', now);
    expect(await store.lookup(token, now + ttlMs)).toEqual({ status: 'expired' });
    expect(await row(token)).toBeUndefined();
    expect(await store.lookup(token, now + ttlMs)).toEqual({ status: 'none' });
  });

  it('destroys one session, all of a user but one, and the expired ones', async () => {
    const userId = await newUser();
    const [a, b, c] = [
      await store.create(userId, 'a', now),
      await store.create(userId, 'b', now),
      await store.create(userId, 'c', now),
    ];
    const other = await store.create(await newUser(), 'other', now);
    await store.destroy(a);
    expect((await store.lookup(a, now)).status).toBe('none');
    await store.destroyAllFor(userId, c);
    expect((await store.lookup(b, now)).status).toBe('none');
    expect((await store.lookup(c, now)).status).toBe('valid');
    await store.destroyAllFor(userId);
    expect((await store.lookup(c, now)).status).toBe('none');

    const old = await store.create(userId, 'old', now - ttlMs);
    await store.sweep(now);
    expect(await row(old)).toBeUndefined();
    expect(await row(other)).toBeDefined();
  });
});
