import type { Insertable, KyselyPlugin } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import type { CommentTable } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { type CommentView, findCommentView, listThreadPage } from './listing.js';

describeEachDatabase('listThreadPage and findCommentView', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let categoryId: number;
  let seq = 0;

  beforeAll(async () => {
    db = getDb().db;
    categoryId = (await buildNewsroom(db, now)).categories.world;
  });

  const newArticle = () => buildArticle(db, { categoryId, publishedAt: now - 86_400_000 });

  async function addUser(name: string): Promise<number> {
    seq++;
    const row = await db
      .insertInto('users')
      .values({
        email: `listing${seq}@example.bg`,
        display_name: name,
        password_hash: 'x',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  type Extra = Partial<Insertable<CommentTable>> & { parent?: number };
  async function add(articleId: number, body: string, extra: Extra = {}): Promise<number> {
    seq++;
    const { parent, ...rest } = extra;
    let threadId: number | null = null;
    if (parent !== undefined) {
      const p = await db
        .selectFrom('comments')
        .select(['id', 'thread_id'])
        .where('id', '=', parent)
        .executeTakeFirstOrThrow();
      threadId = p.thread_id ?? p.id;
    }
    const row = await db
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: parent ?? null,
        thread_id: threadId,
        author_name: 'Гост',
        body,
        status: 'approved',
        created_at: now - 3_600_000 + seq * 1000,
        submission_key: `listing-${seq}`,
        visitor_hash: 'v',
        ...rest,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (threadId === null)
      await db.updateTable('comments').set({ thread_id: row.id }).where('id', '=', row.id).execute();
    return row.id;
  }

  const bodies = (views: CommentView[]) => views.map((v) => v.body);

  it('shows threads with their replies one level below, oldest reply first', async () => {
    const articleId = await newArticle();
    const ana = await addUser('Ана Петрова');
    const a = await add(articleId, 'Първа нишка', { user_id: ana, author_name: 'старо име' });
    const a1 = await add(articleId, 'Отговор на първа', { parent: a });
    const a2 = await add(articleId, 'Отговор на отговора', { parent: a1, author_name: 'Боян' });
    const b = await add(articleId, 'Втора нишка', { author_name: 'Гост Б' });

    const page = await listThreadPage(db, articleId, { sort: 'oldest', page: 1 });
    expect(page).toMatchObject({ totalThreads: 2, page: 1, pages: 1, sort: 'oldest', featured: [] });
    expect(bodies(page.threads)).toEqual(['Първа нишка', 'Втора нишка']);
    const [first, second] = page.threads as [CommentView, CommentView];
    expect(first).toMatchObject({
      id: a,
      threadId: a,
      parentId: null,
      authorName: 'Ана Петрова',
      userId: ana,
    });
    expect(first).toMatchObject({ state: 'published', mine: false, myReaction: 0, moreReplies: 0 });
    expect(first.replies.map((r) => [r.id, r.replyToName])).toEqual([
      [a1, null],
      [a2, 'Гост'],
    ]);
    expect(first.replies[1]).toMatchObject({ parentId: a1, threadId: a, authorName: 'Боян', replies: [] });
    expect(second).toMatchObject({ id: b, authorName: 'Гост Б', userId: null, replies: [] });

    const newest = await listThreadPage(db, articleId, { sort: 'newest', page: 1 });
    expect(bodies(newest.threads)).toEqual(['Втора нишка', 'Първа нишка']);
    // Replies stay oldest first whatever the order of threads.
    expect(bodies(newest.threads[1]?.replies ?? [])).toEqual(['Отговор на първа', 'Отговор на отговора']);
  });

  it('sorts by score, newest first among equals', async () => {
    const articleId = await newArticle();
    const low = await add(articleId, 'нисък', { likes: 1, dislikes: 3 });
    const tieOld = await add(articleId, 'равен стар', { likes: 5, dislikes: 2 });
    const tieNew = await add(articleId, 'равен нов', { likes: 4, dislikes: 1 });
    const high = await add(articleId, 'висок', { likes: 10, dislikes: 0 });
    const page = await listThreadPage(db, articleId, { sort: 'top', page: 1 });
    expect(page.threads.map((t) => t.id)).toEqual([high, tieNew, tieOld, low]);
    expect(page.threads[0]).toMatchObject({ likes: 10, dislikes: 0 });
  });

  it('shows a reader their own waiting and shadow-banned comments, and nobody else', async () => {
    const articleId = await newArticle();
    const me = await addUser('Аз');
    const other = await addUser('Друг');
    const open = await add(articleId, 'Одобрена', { user_id: other });
    const mine = await add(articleId, 'Моя чакаща', { user_id: me, status: 'pending' });
    const shadow = await add(articleId, 'Моя скрита', {
      user_id: me,
      status: 'rejected',
      moderation_reason: 'shadow-banned',
      parent: open,
    });
    await add(articleId, 'Моя отхвърлена', {
      user_id: me,
      status: 'rejected',
      moderation_reason: 'banned-word',
    });
    await add(articleId, 'Чужда чакаща', { user_id: other, status: 'pending' });
    await add(articleId, 'Чужда скрита', {
      user_id: other,
      status: 'rejected',
      moderation_reason: 'shadow-banned',
    });

    const guest = await listThreadPage(db, articleId, { sort: 'oldest', page: 1 });
    expect(bodies(guest.threads)).toEqual(['Одобрена']);
    expect(guest.threads[0]?.replies).toEqual([]);
    expect(guest.totalThreads).toBe(1);

    const asMe = await listThreadPage(db, articleId, { sort: 'oldest', page: 1, viewerId: me });
    expect(asMe.totalThreads).toBe(2);
    expect(asMe.threads.map((t) => [t.id, t.state, t.mine])).toEqual([
      [open, 'published', false],
      [mine, 'pending', true],
    ]);
    // Nothing tells a shadow-banned reader that their reply is hidden.
    expect(asMe.threads[0]?.replies).toMatchObject([{ id: shadow, state: 'published', mine: true }]);

    const asOther = await listThreadPage(db, articleId, { sort: 'oldest', page: 1, viewerId: other });
    expect(bodies(asOther.threads)).toEqual(['Одобрена', 'Чужда чакаща', 'Чужда скрита']);
  });

  it('hides the replies under a rejected reply', async () => {
    const articleId = await newArticle();
    const top = await add(articleId, 'Нишка');
    const bad = await add(articleId, 'Лоша', { parent: top, status: 'rejected' });
    await add(articleId, 'Под лошата', { parent: bad });
    const fine = await add(articleId, 'Добра', { parent: top });
    const page = await listThreadPage(db, articleId, { sort: 'oldest', page: 1 });
    expect(page.threads[0]?.replies.map((r) => r.id)).toEqual([fine]);
  });

  it('keeps a deleted comment as a blank placeholder only while replies hang below it', async () => {
    const articleId = await newArticle();
    const author = await addUser('Изтрил');
    const gone = await add(articleId, 'тайна', { status: 'deleted', user_id: author, likes: 3 });
    const answer = await add(articleId, 'Отговор', { parent: gone });
    await add(articleId, 'Сам изтрит', { status: 'deleted' });
    const top = await add(articleId, 'Нишка');
    const goneReply = await add(articleId, '', { parent: top, status: 'deleted' });
    const under = await add(articleId, 'Под изтрития', { parent: goneReply, author_name: 'Вера' });
    await add(articleId, '', { parent: top, status: 'deleted' });

    const page = await listThreadPage(db, articleId, { sort: 'oldest', page: 1, viewerId: author });
    expect(page.totalThreads).toBe(2);
    const [placeholder, thread] = page.threads as [CommentView, CommentView];
    expect(placeholder).toMatchObject({ id: gone, state: 'deleted', body: '', authorName: '', userId: null });
    expect(placeholder).toMatchObject({ likes: 0, mine: false });
    expect(placeholder.replies.map((r) => r.id)).toEqual([answer]);
    expect(thread.replies.map((r) => [r.id, r.state, r.replyToName])).toEqual([
      [goneReply, 'deleted', null],
      [under, 'published', null],
    ]);
  });

  it('lists featured comments apart, newest featured first, at most five, and keeps them in place', async () => {
    const articleId = await newArticle();
    const top = await add(articleId, 'Нишка', { author_name: 'Петър' });
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(
        await add(articleId, `Избран ${i}`, {
          featured: 1,
          moderated_at: now - 60_000 + i,
          ...(i === 5 ? { parent: top } : {}),
        }),
      );
    }
    await add(articleId, 'Избран, но отхвърлен', { featured: 1, status: 'rejected', moderated_at: now });
    const page = await listThreadPage(db, articleId, { sort: 'oldest', page: 1 });
    expect(page.featured.map((f) => f.id)).toEqual([ids[5], ids[4], ids[3], ids[2], ids[1]]);
    expect(page.featured[0]).toMatchObject({ featured: true, replyToName: 'Петър', parentId: top });
    expect(page.featured[1]?.replyToName).toBeNull();
    expect(page.threads.find((t) => t.id === top)?.replies[0]).toMatchObject({ id: ids[5], featured: true });
    expect(page.threads.map((t) => t.id)).toContain(ids[0]);
  });

  it("gives the viewer's own reaction on threads, replies and featured comments", async () => {
    const articleId = await newArticle();
    const viewer = await addUser('Гласуващ');
    const top = await add(articleId, 'Нишка', { featured: 1 });
    const reply = await add(articleId, 'Отговор', { parent: top });
    const untouched = await add(articleId, 'Друга');
    await db
      .insertInto('comment_reactions')
      .values([
        { comment_id: top, user_id: viewer, value: 1, created_at: now },
        { comment_id: reply, user_id: viewer, value: -1, created_at: now },
      ])
      .execute();
    const page = await listThreadPage(db, articleId, { sort: 'oldest', page: 1, viewerId: viewer });
    expect(page.threads.map((t) => [t.id, t.myReaction])).toEqual([
      [top, 1],
      [untouched, 0],
    ]);
    expect(page.threads[0]?.replies[0]?.myReaction).toBe(-1);
    expect(page.featured[0]?.myReaction).toBe(1);
    const anonymous = await listThreadPage(db, articleId, { sort: 'oldest', page: 1 });
    expect(anonymous.threads[0]?.myReaction).toBe(0);
  });

  it('pages 2,000 comments in SQL with the same few queries per page', async () => {
    const articleId = await newArticle();
    const rows: Insertable<CommentTable>[] = [];
    for (let i = 0; i < 1200; i++) {
      rows.push({
        article_id: articleId,
        parent_id: null,
        thread_id: null,
        author_name: `Автор ${i}`,
        body: `Нишка ${i}`,
        status: 'approved',
        created_at: now - 10_000_000 + i * 1000,
        submission_key: `bulk-top-${articleId}-${i}`,
        visitor_hash: 'v',
      });
    }
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('comments')
        .values(rows.slice(i, i + 200))
        .execute();
    await db
      .updateTable('comments')
      .set((eb) => ({ thread_id: eb.ref('id') }))
      .where('article_id', '=', articleId)
      .execute();
    const tops = await db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', articleId)
      .orderBy('created_at')
      .execute();
    const busiest = tops[0]!.id;
    // The oldest thread has 300 replies, the next 500 threads one each.
    const replies: Insertable<CommentTable>[] = [];
    for (let i = 0; i < 800; i++) {
      const threadId = i < 300 ? busiest : tops[i - 299]!.id;
      replies.push({
        article_id: articleId,
        parent_id: threadId,
        thread_id: threadId,
        author_name: 'Отговарящ',
        body: `Отговор ${i}`,
        status: 'approved',
        created_at: now - 5_000_000 + i * 1000,
        submission_key: `bulk-reply-${articleId}-${i}`,
        visitor_hash: 'v',
      });
    }
    for (let i = 0; i < replies.length; i += 200) {
      await db
        .insertInto('comments')
        .values(replies.slice(i, i + 200))
        .execute();
    }

    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        queries++;
        return args.result;
      },
    };
    const counted = db.withPlugin(counter);
    const viewerId = await addUser('Броящ');
    const perPage: number[] = [];
    const pages = [];
    for (const n of [1, 2, 24]) {
      queries = 0;
      pages.push(await listThreadPage(counted, articleId, { sort: 'oldest', page: n, viewerId }));
      perPage.push(queries);
    }
    const [first, second, last] = pages as [
      Awaited<ReturnType<typeof listThreadPage>>,
      ...Awaited<ReturnType<typeof listThreadPage>>[],
    ];
    expect(first.totalThreads).toBe(1200);
    expect(first.pages).toBe(24);
    expect(first.threads).toHaveLength(50);
    expect(second?.threads).toHaveLength(50);
    expect(last?.threads).toHaveLength(50);
    const firstIds = new Set(first.threads.map((t) => t.id));
    expect(second?.threads.some((t) => firstIds.has(t.id))).toBe(false);
    expect(first.threads[0]?.id).toBe(busiest);
    expect(first.threads[0]?.replies).toHaveLength(100);
    expect(first.threads[0]?.moreReplies).toBe(200);
    expect(first.threads[0]?.replies[0]?.body).toBe('Отговор 0');
    expect(first.threads[1]?.replies.map((r) => r.body)).toEqual(['Отговор 300']);
    expect(last?.threads.every((t) => t.replies.length === 0)).toBe(true);
    // count, threads, replies, featured, reactions: the same on every page, whatever the thread sizes.
    expect(perPage).toEqual([5, 5, 5]);

    const beyond = await listThreadPage(db, articleId, { sort: 'newest', page: 25, pageSize: 50 });
    expect(beyond.threads).toEqual([]);
    const small = await listThreadPage(db, articleId, {
      sort: 'newest',
      page: 1,
      pageSize: 7,
      repliesPerThread: 3,
    });
    expect(small.threads).toHaveLength(7);
    expect(small.pages).toBe(Math.ceil(1200 / 7));
  });

  it('finds one comment as its viewer may see it', async () => {
    const articleId = await newArticle();
    const me = await addUser('Мила');
    const other = await addUser('Огнян');
    const top = await add(articleId, 'Нишка', { user_id: other });
    const reply = await add(articleId, 'Отговор', { parent: top, user_id: other });
    const pending = await add(articleId, 'Моят отговор', { parent: reply, user_id: me, status: 'pending' });
    const shadow = await add(articleId, 'Скрит', {
      user_id: me,
      status: 'rejected',
      moderation_reason: 'shadow-banned',
    });
    const rejected = await add(articleId, 'Отхвърлен', {
      user_id: me,
      status: 'rejected',
      moderation_reason: 'banned-word',
    });
    const deleted = await add(articleId, '', { user_id: me, status: 'deleted' });

    expect(await findCommentView(db, pending, me)).toMatchObject({
      id: pending,
      state: 'pending',
      mine: true,
      authorName: 'Мила',
      replyToName: 'Огнян',
      threadId: top,
      replies: [],
    });
    expect(await findCommentView(db, pending, null)).toBeNull();
    expect(await findCommentView(db, pending, other)).toBeNull();
    expect(await findCommentView(db, reply, null)).toMatchObject({ replyToName: null, state: 'published' });
    expect(await findCommentView(db, shadow, me)).toMatchObject({ state: 'published', mine: true });
    expect(await findCommentView(db, shadow, other)).toBeNull();
    expect(await findCommentView(db, rejected, me)).toBeNull();
    expect(await findCommentView(db, deleted, me)).toBeNull();
    expect(await findCommentView(db, 999_999, me)).toBeNull();
    await db
      .insertInto('comment_reactions')
      .values({ comment_id: top, user_id: me, value: -1, created_at: now })
      .execute();
    expect((await findCommentView(db, top, me))?.myReaction).toBe(-1);
  });
});
