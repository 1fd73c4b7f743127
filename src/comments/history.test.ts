import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentStatus } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { loadAuthorHistory } from './history.js';
import { type CommentSettings, DEFAULT_COMMENT_SETTINGS } from './settings.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describeEachDatabase('loadAuthorHistory', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  const settings: CommentSettings = {
    ...DEFAULT_COMMENT_SETTINGS,
    duplicateWindowMinutes: 60,
    floodWindowSeconds: 60,
    floodMax: 5,
  };
  let db: Db;
  let articleId: number;
  let keys = 0;

  beforeAll(async () => {
    db = getDb().db;
    const newsroom = await buildNewsroom(db, now - 400 * DAY);
    articleId = await buildArticle(db, {
      categoryId: newsroom.categories.world,
      publishedAt: now - 400 * DAY,
    });
  });

  async function newUser(shadowBanned = false): Promise<number> {
    keys++;
    const row = await db
      .insertInto('users')
      .values({
        email: `chitatel${keys}@example.bg`,
        display_name: `Читател ${keys}`,
        password_hash: 'x',
        created_at: now - 400 * DAY,
        updated_at: now - 400 * DAY,
        shadow_banned: shadowBanned ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  interface Row {
    status?: CommentStatus;
    at: number;
    body?: string;
    userId?: number | null;
    email?: string | null;
    visitor?: string;
    reason?: string;
    moderatedAt?: number | null;
  }

  async function insert(...rows: Row[]): Promise<void> {
    for (const r of rows) {
      keys++;
      await db
        .insertInto('comments')
        .values({
          article_id: articleId,
          parent_id: null,
          thread_id: null,
          author_name: 'Читател',
          body: r.body ?? `Коментар ${keys}`,
          status: r.status ?? 'approved',
          created_at: r.at,
          submission_key: `k${keys}`,
          visitor_hash: r.visitor ?? 'nobody',
          user_id: r.userId ?? null,
          author_email: r.email ?? null,
          moderation_reason: r.reason ?? 'post-moderation',
          moderated_at: r.moderatedAt ?? null,
        })
        .execute();
    }
  }

  it('counts a reader’s comments by status, leaving out the chain’s shadow-ban rejections', async () => {
    const userId = await newUser();
    const other = await newUser();
    await insert(
      { userId, at: now - 100 * DAY },
      { userId, at: now - 90 * DAY },
      { userId, at: now - 80 * DAY },
      { userId, at: now - 70 * DAY, status: 'pending' },
      { userId, at: now - 60 * DAY, status: 'rejected', reason: 'banned-word' },
      { userId, at: now - 50 * DAY, status: 'rejected', reason: 'shadow-banned' },
      { userId, at: now - 40 * DAY, status: 'deleted' },
      { userId: other, at: now - 40 * DAY },
    );
    const history = await loadAuthorHistory(db, { userId, email: null, visitorHash: 'x' }, settings, now);
    expect(history).toMatchObject({
      approved: 3,
      pending: 1,
      rejected: 1,
      recentRejected: 0,
      shadowBanned: false,
    });
  });

  it('counts rejections of the last 30 days, dated by the moderator’s decision when there was one', async () => {
    const userId = await newUser();
    await insert(
      { userId, at: now - 29 * DAY, status: 'rejected', reason: 'suspect-word' },
      { userId, at: now - 31 * DAY, status: 'rejected', reason: 'suspect-word' },
      { userId, at: now - 200 * DAY, status: 'rejected', reason: 'banned-word', moderatedAt: now - 2 * DAY },
      { userId, at: now - 200 * DAY, status: 'rejected', reason: 'banned-word', moderatedAt: now - 40 * DAY },
      { userId, at: now - DAY, status: 'rejected', reason: 'shadow-banned' },
    );
    const history = await loadAuthorHistory(db, { userId, email: null, visitorHash: 'x' }, settings, now);
    expect(history.rejected).toBe(4);
    expect(history.recentRejected).toBe(2);
  });

  it('lists the recent comments within the longer window, newest first, and nothing older', async () => {
    const userId = await newUser();
    await insert(
      { userId, at: now - 61 * MINUTE, body: 'старо' },
      { userId, at: now - 59 * MINUTE, body: 'в прозореца' },
      { userId, at: now - 10_000, body: 'най-ново', status: 'rejected', reason: 'duplicate' },
      { userId, at: now - 30 * MINUTE, body: 'по средата', status: 'pending' },
    );
    const history = await loadAuthorHistory(db, { userId, email: null, visitorHash: 'x' }, settings, now);
    expect(history.recent).toEqual([
      { body: 'най-ново', createdAt: now - 10_000 },
      { body: 'по средата', createdAt: now - 30 * MINUTE },
      { body: 'в прозореца', createdAt: now - 59 * MINUTE },
    ]);
    const longFlood = { ...settings, duplicateWindowMinutes: 1, floodWindowSeconds: 2 * 3600 };
    const wider = await loadAuthorHistory(db, { userId, email: null, visitorHash: 'x' }, longFlood, now);
    expect(wider.recent.map((c) => c.body)).toEqual(['най-ново', 'по средата', 'в прозореца', 'старо']);
  });

  it('keeps at most 50 recent rows, or floodMax when that is more', async () => {
    const userId = await newUser();
    await insert(...Array.from({ length: 60 }, (_, i) => ({ userId, at: now - (i + 1) * 1000 })));
    const history = await loadAuthorHistory(db, { userId, email: null, visitorHash: 'x' }, settings, now);
    expect(history.recent).toHaveLength(50);
    expect(history.recent[0]?.createdAt).toBe(now - 1000);
    const many = await loadAuthorHistory(
      db,
      { userId, email: null, visitorHash: 'x' },
      { ...settings, floodMax: 55 },
      now,
    );
    expect(many.recent).toHaveLength(55);
  });

  it('reads the shadow ban from the account', async () => {
    const userId = await newUser(true);
    const history = await loadAuthorHistory(db, { userId, email: null, visitorHash: 'x' }, settings, now);
    expect(history.shadowBanned).toBe(true);
  });

  it('knows a guest by email, lower-cased, and never by a reader’s comments', async () => {
    const userId = await newUser();
    const email = 'gost.edno@example.bg';
    await insert(
      { email, visitor: 'net-a', at: now - 5 * DAY },
      { email, visitor: 'net-b', at: now - 4 * DAY, status: 'pending' },
      { email: 'drug@example.bg', visitor: 'net-a', at: now - 3 * DAY },
      { userId, email, visitor: 'net-a', at: now - 2 * DAY },
    );
    const history = await loadAuthorHistory(
      db,
      { userId: null, email: 'Gost.Edno@Example.BG', visitorHash: 'net-a' },
      settings,
      now,
    );
    expect(history).toMatchObject({ approved: 1, pending: 1, rejected: 0, shadowBanned: false });
  });

  it('knows a guest without an email by the visitor hash', async () => {
    await insert(
      { visitor: 'net-c', at: now - 30_000, body: 'първи' },
      { visitor: 'net-c', email: 'treti@example.bg', at: now - 20_000, body: 'втори' },
      { visitor: 'net-d', at: now - 10_000, body: 'друг' },
    );
    const history = await loadAuthorHistory(
      db,
      { userId: null, email: null, visitorHash: 'net-c' },
      settings,
      now,
    );
    expect(history.approved).toBe(2);
    expect(history.recent.map((c) => c.body)).toEqual(['втори', 'първи']);
  });

  it('is empty for a first-time author', async () => {
    const history = await loadAuthorHistory(
      db,
      { userId: null, email: 'nov@example.bg', visitorHash: 'net-new' },
      settings,
      now,
    );
    expect(history).toEqual({
      approved: 0,
      rejected: 0,
      pending: 0,
      recentRejected: 0,
      recent: [],
      shadowBanned: false,
    });
  });
});
