import type { Insertable } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentTable, UserTable } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { moderateComments } from './desk.js';
import {
  banReader,
  canPost,
  readerHistory,
  shadowBanReader,
  suspendReader,
  unbanReader,
  unshadowBanReader,
  unsuspendReader,
} from './desk-readers.js';
import { listLog } from './log.js';

describe('canPost', () => {
  const now = 1_000_000;
  it('bans outlast everything, suspensions end on time', () => {
    expect(canPost({ bannedAt: null, suspendedUntil: null }, now)).toBe('ok');
    expect(canPost({ bannedAt: 5, suspendedUntil: null }, now)).toBe('banned');
    expect(canPost({ bannedAt: 5, suspendedUntil: now - 1 }, now)).toBe('banned');
    expect(canPost({ bannedAt: null, suspendedUntil: now + 1 }, now)).toBe('suspended');
    expect(canPost({ bannedAt: null, suspendedUntil: now }, now)).toBe('ok');
    expect(canPost({ bannedAt: null, suspendedUntil: now - 1 }, now)).toBe('ok');
  });
});

describeEachDatabase('reader actions on the desk', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let categoryId: number;
  let actor: { id: number; name: string };
  let seq = 0;

  beforeAll(async () => {
    db = getDb().db;
    categoryId = (await buildNewsroom(db, now)).categories.world;
    actor = { id: await addUser({ role: 'moderator' }), name: 'Модератор' };
  });

  async function addUser(extra: Partial<Insertable<UserTable>> = {}): Promise<number> {
    seq++;
    const row = await db
      .insertInto('users')
      .values({
        email: `readers${seq}@example.bg`,
        display_name: `Читател ${seq}`,
        password_hash: 'x',
        created_at: now - 1000,
        updated_at: now - 1000,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const newArticle = (title?: string) =>
    buildArticle(db, { categoryId, publishedAt: now - 86_400_000, ...(title ? { title } : {}) });

  async function add(articleId: number, extra: Partial<Insertable<CommentTable>> = {}): Promise<number> {
    seq++;
    const row = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        author_name: 'Автор',
        body: `Коментар ${seq}`,
        status: 'pending',
        created_at: now - 100_000 + seq,
        submission_key: `readers-${seq}`,
        visitor_hash: 'v',
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const user = (id: number) =>
    db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const logOf = async (userId: number) => (await listLog(db, { page: 1, userId })).entries;

  it('suspends until a time and lifts it, logging each change once', async () => {
    const reader = await addUser();
    const until = now + 86_400_000;
    expect(await suspendReader(db, { userId: reader, until, actor, now })).toEqual({
      ok: true,
      articleIds: [],
    });
    expect(await user(reader)).toMatchObject({ suspended_until: until, updated_at: now });
    expect(await suspendReader(db, { userId: reader, until, actor, now })).toEqual({
      ok: true,
      articleIds: [],
    });
    expect(await unsuspendReader(db, { userId: reader, actor, now: now + 1 })).toMatchObject({ ok: true });
    expect((await user(reader)).suspended_until).toBeNull();
    expect(await unsuspendReader(db, { userId: reader, actor, now: now + 2 })).toMatchObject({ ok: true });
    const log = await logOf(reader);
    expect(log.map((e) => e.action)).toEqual(['unsuspend', 'suspend']);
    expect(log[1]).toMatchObject({
      actorId: actor.id,
      actorName: 'Модератор',
      detail: 'until 2026-11-26T10:00:00.000Z',
    });
  });

  it('refuses staff and unknown accounts and changes nothing', async () => {
    for (const role of ['contributor', 'author', 'moderator', 'editor', 'admin'] as const) {
      const staff = await addUser({ role });
      const tries = [
        suspendReader(db, { userId: staff, until: now + 1, actor, now }),
        banReader(db, { userId: staff, actor, now, rejectPending: true }),
        shadowBanReader(db, { userId: staff, actor, now }),
        unbanReader(db, { userId: staff, actor, now }),
      ];
      for (const result of await Promise.all(tries)) expect(result).toEqual({ ok: false, reason: 'staff' });
      expect(await user(staff)).toMatchObject({ suspended_until: null, banned_at: null, shadow_banned: 0 });
      expect(await logOf(staff)).toEqual([]);
    }
    expect(await banReader(db, { userId: 999_999, actor, now, rejectPending: false })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await unshadowBanReader(db, { userId: 999_999, actor, now })).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('bans, rejecting what waits when asked, and keeps the first ban date', async () => {
    const a = await newArticle();
    const b = await newArticle();
    const reader = await addUser();
    const waitingA = await add(a, { user_id: reader });
    const waitingB = await add(b, { user_id: reader });
    const published = await add(a, { user_id: reader, status: 'approved' });
    const someoneElse = await add(a);

    const result = await banReader(db, { userId: reader, actor, now, rejectPending: true });
    expect(result).toEqual({ ok: true, articleIds: [a, b].sort((x, y) => x - y) });
    expect((await user(reader)).banned_at).toBe(now);
    const statuses = await db
      .selectFrom('comments')
      .select(['id', 'status', 'moderated_at'])
      .where('id', 'in', [waitingA, waitingB, published, someoneElse])
      .orderBy('id')
      .execute();
    expect(statuses).toEqual([
      { id: waitingA, status: 'rejected', moderated_at: now },
      { id: waitingB, status: 'rejected', moderated_at: now },
      { id: published, status: 'approved', moderated_at: null },
      { id: someoneElse, status: 'pending', moderated_at: null },
    ]);
    const log = await logOf(reader);
    expect(log.map((e) => [e.action, e.commentId]).sort()).toEqual(
      [
        ['ban', null],
        ['reject', waitingA],
        ['reject', waitingB],
      ].sort(),
    );

    expect(await banReader(db, { userId: reader, actor, now: now + 5, rejectPending: false })).toEqual({
      ok: true,
      articleIds: [],
    });
    expect((await user(reader)).banned_at).toBe(now);
    expect(await logOf(reader)).toHaveLength(3);
    await unbanReader(db, { userId: reader, actor, now: now + 6 });
    expect((await user(reader)).banned_at).toBeNull();
  });

  it('a ban without rejecting leaves waiting comments for the moderators', async () => {
    const a = await newArticle();
    const reader = await addUser();
    const waiting = await add(a, { user_id: reader });
    expect(await banReader(db, { userId: reader, actor, now, rejectPending: false })).toEqual({
      ok: true,
      articleIds: [],
    });
    const row = await db
      .selectFrom('comments')
      .select('status')
      .where('id', '=', waiting)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('shadow-bans and lifts it', async () => {
    const reader = await addUser();
    await shadowBanReader(db, { userId: reader, actor, now });
    expect((await user(reader)).shadow_banned).toBe(1);
    await unshadowBanReader(db, { userId: reader, actor, now: now + 1 });
    expect((await user(reader)).shadow_banned).toBe(0);
    expect((await logOf(reader)).map((e) => e.action)).toEqual(['unshadow-ban', 'shadow-ban']);
  });

  it('shows a reader’s record: profile, counts, comments newest first and what was done', async () => {
    const a = await newArticle('Статия за историята');
    const reader = await addUser({
      display_name: 'Редовен',
      email: 'redoven@example.bg',
      email_verified_at: now - 500,
    });
    const first = await add(a, { user_id: reader, status: 'approved' });
    const second = await add(a, { user_id: reader, status: 'rejected', moderation_reason: 'banned-word' });
    const third = await add(a, { user_id: reader });
    await moderateComments(db, { ids: [third], action: 'approve', actor, now });
    await suspendReader(db, { userId: reader, until: now + 1000, actor, now: now + 1 });

    const history = await readerHistory(db, { userId: reader, page: 1 });
    expect(history?.profile).toEqual({
      id: reader,
      name: 'Редовен',
      email: 'redoven@example.bg',
      role: 'reader',
      createdAt: now - 1000,
      verified: true,
      suspendedUntil: now + 1000,
      bannedAt: null,
      shadowBanned: false,
    });
    expect(history?.counts).toEqual({ approved: 2, pending: 0, rejected: 1, deleted: 0 });
    expect(history?.comments).toMatchObject({ total: 3, page: 1, pages: 1 });
    expect(history?.comments.items.map((c) => c.id)).toEqual([third, second, first]);
    expect(history?.comments.items[1]).toMatchObject({
      articleId: a,
      articleTitle: 'Статия за историята',
      categorySlug: 'svyat',
      status: 'rejected',
      reason: 'banned-word',
    });
    expect(history?.log.map((e) => [e.action, e.commentId])).toEqual([
      ['suspend', null],
      ['approve', third],
    ]);

    const byEmail = await readerHistory(db, { email: ' Redoven@Example.BG ', page: 1 });
    expect(byEmail?.profile?.id).toBe(reader);
    expect(await readerHistory(db, { userId: 999_999, page: 1 })).toBeNull();
    expect(await readerHistory(db, { page: 1 })).toBeNull();
  });

  it('shows a guest’s record by the email they gave', async () => {
    const a = await newArticle();
    const one = await add(a, { author_email: 'gost@example.bg', status: 'approved' });
    const two = await add(a, { author_email: 'gost@example.bg' });
    await add(a, { author_email: 'drug@example.bg' });
    await moderateComments(db, { ids: [two], action: 'reject', actor, now });
    const history = await readerHistory(db, { email: 'gost@example.bg', page: 1 });
    expect(history).toMatchObject({ profile: null, email: 'gost@example.bg' });
    expect(history?.counts).toEqual({ approved: 1, pending: 0, rejected: 1, deleted: 0 });
    expect(history?.comments.items.map((c) => c.id)).toEqual([two, one]);
    expect(history?.log.map((e) => [e.action, e.commentId])).toEqual([['reject', two]]);
    const nobody = await readerHistory(db, { email: 'nobody@example.bg', page: 1 });
    expect(nobody).toMatchObject({
      profile: null,
      counts: { approved: 0 },
      comments: { total: 0, items: [] },
      log: [],
    });
  });
});
