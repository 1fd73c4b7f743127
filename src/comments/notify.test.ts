import type { Insertable } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentTable, UserTable } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { excerptOf, replyNotificationFor } from './notify.js';

describe('excerptOf', () => {
  it('keeps short text whole and cuts long text to 200 characters with an ellipsis', () => {
    expect(excerptOf('  Кратък\n\nотговор  ')).toBe('Кратък отговор');
    const long = 'дума '.repeat(100);
    const cut = excerptOf(long);
    expect([...cut].length).toBeLessThanOrEqual(200);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    const emoji = '😀'.repeat(250);
    expect([...excerptOf(emoji)]).toHaveLength(200);
    expect(excerptOf('я'.repeat(200))).toBe('я'.repeat(200));
  });
});

describeEachDatabase('replyNotificationFor', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let articleId: number;
  let seq = 0;

  beforeAll(async () => {
    db = getDb().db;
    const { categories } = await buildNewsroom(db, now);
    articleId = await buildArticle(db, {
      categoryId: categories.football,
      publishedAt: now - 86_400_000,
      title: 'Голът в последната минута',
      slug: 'golat',
    });
  });

  async function addUser(extra: Partial<Insertable<UserTable>> = {}): Promise<number> {
    seq++;
    const row = await db
      .insertInto('users')
      .values({
        email: `notify${seq}@example.bg`,
        display_name: `Читател ${seq}`,
        password_hash: 'x',
        created_at: now,
        updated_at: now,
        email_verified_at: now,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function add(extra: Partial<Insertable<CommentTable>> = {}): Promise<number> {
    seq++;
    const row = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: null,
        author_name: 'Гост',
        body: 'Текст',
        status: 'approved',
        created_at: now,
        submission_key: `notify-${seq}`,
        visitor_hash: 'v',
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A reader's comment asking for replies, and a guest's reply to it. */
  async function pair(readerExtra: Partial<Insertable<UserTable>> = {}, parentExtra = {}, replyExtra = {}) {
    const reader = await addUser({ display_name: 'Елена', ...readerExtra });
    const parent = await add({ user_id: reader, notify_replies: 1, ...parentExtra });
    const reply = await add({
      parent_id: parent,
      thread_id: parent,
      author_name: 'Стоян',
      body: 'Не съм съгласен.',
      ...replyExtra,
    });
    return { reader, parent, reply };
  }

  it('tells the parent’s author about a published reply', async () => {
    const { reader, reply } = await pair({ email: 'elena@example.bg' });
    expect(reader).toBeGreaterThan(0);
    expect(await replyNotificationFor(db, reply)).toEqual({
      to: 'elena@example.bg',
      readerName: 'Елена',
      replierName: 'Стоян',
      articleId,
      articleTitle: 'Голът в последната минута',
      categorySlug: 'futbol',
      articleSlug: 'golat',
      excerpt: 'Не съм съгласен.',
    });
  });

  it('names a signed-in replier by their display name and cuts a long reply', async () => {
    const replier = await addUser({ display_name: 'Никола' });
    const { reply } = await pair(
      {},
      {},
      { user_id: replier, author_name: 'старо име', body: 'а'.repeat(500) },
    );
    const notice = await replyNotificationFor(db, reply);
    expect(notice?.replierName).toBe('Никола');
    expect([...(notice?.excerpt ?? '')].length).toBe(200);
  });

  it('stays silent unless every condition holds', async () => {
    const cases = [
      await pair({}, {}, { status: 'pending' }),
      await pair({}, {}, { status: 'rejected', moderation_reason: 'shadow-banned' }),
      await pair({ email_verified_at: null }),
      await pair({ banned_at: now }),
      await pair({}, { notify_replies: 0 }),
      await pair({}, { status: 'deleted' }),
    ];
    for (const c of cases) expect(await replyNotificationFor(db, c.reply)).toBeNull();

    const guestParent = await add({ notify_replies: 1, author_email: 'gost@example.bg' });
    const toGuest = await add({ parent_id: guestParent, thread_id: guestParent });
    expect(await replyNotificationFor(db, toGuest)).toBeNull();

    const top = await add();
    expect(await replyNotificationFor(db, top)).toBeNull();
    expect(await replyNotificationFor(db, 999_999)).toBeNull();
  });

  it('never about one’s own reply, signed in or as a guest with the same address', async () => {
    const reader = await addUser({ email: 'sam@example.bg' });
    const parent = await add({ user_id: reader, notify_replies: 1 });
    const own = await add({ parent_id: parent, thread_id: parent, user_id: reader });
    expect(await replyNotificationFor(db, own)).toBeNull();
    const asGuest = await add({ parent_id: parent, thread_id: parent, author_email: 'SAM@example.bg' });
    expect(await replyNotificationFor(db, asGuest)).toBeNull();
    const stranger = await add({ parent_id: parent, thread_id: parent, author_email: 'other@example.bg' });
    expect(await replyNotificationFor(db, stranger)).toMatchObject({ to: 'sam@example.bg' });
  });
});
