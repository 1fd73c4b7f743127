// An article's comments as readers see them, one page of threads at a time. Threads are paged in
// SQL and replies are loaded only for the page's threads, so a thread of thousands costs the same
// few queries as a short one. A reader also sees their own comments that wait for a moderator, and
// a shadow-banned reader sees their hidden ones as published, so nothing gives the ban away.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { CommentStatus } from '../db/schema.js';

export type CommentSort = 'newest' | 'oldest' | 'top';

export interface CommentView {
  id: number;
  parentId: number | null;
  threadId: number;
  authorName: string;
  userId: number | null;
  body: string;
  createdAt: number;
  editedAt: number | null;
  featured: boolean;
  likes: number;
  dislikes: number;
  /** 1, -1 or 0: the viewer's own reaction */
  myReaction: number;
  /** the viewer wrote it */
  mine: boolean;
  /** shown only to its author: 'pending' while it waits */
  state: 'published' | 'pending' | 'deleted';
  /** In a thread: whom a reply to a reply answers. In `featured`: the parent of any reply. */
  replyToName: string | null;
  replies: CommentView[];
  /** replies not loaded in this page */
  moreReplies: number;
}

export interface ThreadPage {
  threads: CommentView[];
  featured: CommentView[];
  totalThreads: number;
  page: number;
  pages: number;
  sort: CommentSort;
}

export const THREADS_PER_PAGE = 50;
export const REPLIES_PER_THREAD = 100;
export const FEATURED_MAX = 5;

/** What the viewer may see of the row aliased `alias`, deleted placeholders aside. */
function shown(alias: 'c' | 'r', viewerId: number | null): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  if (viewerId === null) return sql<boolean>`(${col('status')} = ${'approved'})`;
  return sql<boolean>`(${col('status')} = ${'approved'} or (${col('user_id')} = ${viewerId} and (${col('status')} = ${'pending'} or (${col('status')} = ${'rejected'} and ${col('moderation_reason')} = ${'shadow-banned'}))))`;
}

interface Row {
  id: number;
  parent_id: number | null;
  thread_id: number | null;
  author_name: string;
  display_name: string | null;
  user_id: number | null;
  body: string;
  status: CommentStatus;
  created_at: number;
  edited_at: number | null;
  featured: number;
  likes: number;
  dislikes: number;
}

const COLUMNS = [
  'c.id',
  'c.parent_id',
  'c.thread_id',
  'c.author_name',
  'u.display_name',
  'c.user_id',
  'c.body',
  'c.status',
  'c.created_at',
  'c.edited_at',
  'c.featured',
  'c.likes',
  'c.dislikes',
] as const;

function toView(r: Row, viewerId: number | null): CommentView {
  const base = { id: r.id, parentId: r.parent_id, threadId: r.thread_id ?? r.id, createdAt: r.created_at };
  const common = { myReaction: 0, replyToName: null, replies: [], moreReplies: 0 };
  if (r.status === 'deleted') {
    // The reader asked for it to go: nothing of it is left but its place in the conversation.
    const blank = { authorName: '', userId: null, body: '', editedAt: null, featured: false };
    return { ...base, ...blank, likes: 0, dislikes: 0, mine: false, state: 'deleted', ...common };
  }
  return {
    ...base,
    authorName: r.user_id !== null && r.display_name !== null ? r.display_name : r.author_name,
    userId: r.user_id,
    body: r.body,
    editedAt: r.edited_at,
    featured: r.featured === 1,
    likes: Number(r.likes),
    dislikes: Number(r.dislikes),
    mine: viewerId !== null && r.user_id === viewerId,
    state: r.status === 'pending' ? 'pending' : 'published',
    ...common,
  };
}

export async function listThreadPage(
  db: Db,
  articleId: number,
  opts: {
    sort: CommentSort;
    page: number;
    pageSize?: number;
    viewerId?: number | null;
    repliesPerThread?: number;
    /** The article's count of approved comments, when the caller has it: 0 for a guest means nothing to show. */
    approvedCount?: number;
  },
): Promise<ThreadPage> {
  const viewerId = opts.viewerId ?? null;
  const pageSize = Math.max(1, Math.floor(opts.pageSize ?? THREADS_PER_PAGE));
  const page = Math.max(1, Math.floor(opts.page) || 1);
  // Most articles have no comments; a guest sees only approved ones (placeholders too need an
  // approved reply), so there is nothing to query. A signed-in reader may have pending ones.
  if (opts.approvedCount === 0 && viewerId === null) {
    return { threads: [], featured: [], totalThreads: 0, page, pages: 1, sort: opts.sort };
  }
  const perThread = Math.max(1, Math.floor(opts.repliesPerThread ?? REPLIES_PER_THREAD));

  const topLevel = db
    .selectFrom('comments as c')
    .where('c.article_id', '=', articleId)
    .where('c.parent_id', 'is', null)
    .where((eb) =>
      eb.or([
        shown('c', viewerId),
        eb.and([
          eb('c.status', '=', 'deleted'),
          eb.exists(
            eb
              .selectFrom('comments as r')
              .select('r.id')
              .where('r.article_id', '=', articleId)
              .whereRef('r.thread_id', '=', 'c.id')
              .whereRef('r.id', '<>', 'c.id')
              .where(shown('r', viewerId)),
          ),
        ]),
      ]),
    );

  let pageQuery = topLevel.leftJoin('users as u', 'u.id', 'c.user_id').select(COLUMNS);
  if (opts.sort === 'top') {
    pageQuery = pageQuery.orderBy(sql`c.likes - c.dislikes`, 'desc').orderBy('c.created_at', 'desc');
    pageQuery = pageQuery.orderBy('c.id', 'desc');
  } else {
    const direction = opts.sort === 'newest' ? 'desc' : 'asc';
    pageQuery = pageQuery.orderBy('c.created_at', direction).orderBy('c.id', direction);
  }
  const threadRows = await pageQuery
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // A first page that is not full already says how many threads there are: most articles
  // have one page of comments, and they are spared the count.
  const totalThreads =
    page === 1 && threadRows.length < pageSize
      ? threadRows.length
      : Number((await topLevel.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const threads = threadRows.map((r) => toView(r, viewerId));

  if (threads.length > 0) {
    await attachReplies(db, articleId, threads, viewerId, perThread);
  }
  const featured = await listFeatured(db, articleId, viewerId);
  await fillReactions(db, viewerId, [...threads, ...threads.flatMap((t) => t.replies), ...featured]);
  return {
    threads,
    featured,
    totalThreads,
    page,
    pages: Math.max(1, Math.ceil(totalThreads / pageSize)),
    sort: opts.sort,
  };
}

/** One query for the page's threads; each thread's oldest `perThread` replies. */
async function attachReplies(
  db: Db,
  articleId: number,
  threads: CommentView[],
  viewerId: number | null,
  perThread: number,
): Promise<void> {
  const ranked = db
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .where('c.article_id', '=', articleId)
    .where(
      'c.thread_id',
      'in',
      threads.map((t) => t.id),
    )
    .where('c.parent_id', 'is not', null)
    .where((eb) => eb.or([shown('c', viewerId), eb('c.status', '=', 'deleted')]))
    .select(COLUMNS)
    .select([
      sql<number>`row_number() over (partition by c.thread_id order by c.created_at, c.id)`.as('rn'),
      sql<number>`count(case when c.status <> ${'deleted'} then 1 end) over (partition by c.thread_id)`.as(
        'live_total',
      ),
    ]);
  const rows = await db
    .selectFrom(ranked.as('x'))
    .selectAll()
    .where('x.rn', '<=', perThread)
    .orderBy('x.created_at')
    .orderBy('x.id')
    .execute();

  const threadById = new Map(threads.map((t) => [t.id, t]));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  // A reply is shown when every comment above it is: a reply under a rejected reply goes too.
  const reachable = new Map<number, boolean>();
  const isReachable = (id: number, depth = 0): boolean => {
    const known = reachable.get(id);
    if (known !== undefined) return known;
    const row = rowById.get(id);
    let result = false;
    if (row && row.parent_id !== null && depth < 1000) {
      result = threadById.has(row.parent_id) || isReachable(row.parent_id, depth + 1);
    }
    reachable.set(id, result);
    return result;
  };
  // A deleted reply stays as a placeholder only while something shown hangs below it.
  const needed = new Set<number>();
  for (const r of rows) {
    if (r.status === 'deleted' || !isReachable(r.id)) continue;
    needed.add(r.id);
    let parent = r.parent_id === null ? undefined : rowById.get(r.parent_id);
    while (parent && !needed.has(parent.id)) {
      needed.add(parent.id);
      parent = parent.parent_id === null ? undefined : rowById.get(parent.parent_id);
    }
  }

  const viewById = new Map<number, CommentView>();
  const liveLoaded = new Map<number, number>();
  for (const r of rows) {
    const threadId = r.thread_id ?? 0;
    if (r.status !== 'deleted') liveLoaded.set(threadId, (liveLoaded.get(threadId) ?? 0) + 1);
    const thread = threadById.get(threadId);
    if (!thread || !needed.has(r.id)) continue;
    const view = toView(r, viewerId);
    const parent = r.parent_id === null ? undefined : viewById.get(r.parent_id);
    if (parent) view.replyToName = parent.state === 'deleted' ? null : parent.authorName;
    viewById.set(r.id, view);
    thread.replies.push(view);
  }
  for (const r of rows) {
    const thread = threadById.get(r.thread_id ?? 0);
    if (thread) thread.moreReplies = Math.max(0, Number(r.live_total) - (liveLoaded.get(thread.id) ?? 0));
  }
}

async function listFeatured(db: Db, articleId: number, viewerId: number | null): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('comments as p', (join) =>
      join.onRef('p.id', '=', 'c.parent_id').on('p.status', '<>', 'deleted'),
    )
    .leftJoin('users as pu', 'pu.id', 'p.user_id')
    .where('c.article_id', '=', articleId)
    .where('c.status', '=', 'approved')
    .where('c.featured', '=', 1)
    .select(COLUMNS)
    .select(['p.author_name as parent_author', 'pu.display_name as parent_display'])
    .orderBy(sql`coalesce(c.moderated_at, c.created_at)`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(FEATURED_MAX)
    .execute();
  return rows.map((r) => ({ ...toView(r, viewerId), replyToName: r.parent_display ?? r.parent_author }));
}

/** The viewer's own reactions, one query for every comment on the page. */
async function fillReactions(db: Db, viewerId: number | null, views: CommentView[]): Promise<void> {
  if (viewerId === null || views.length === 0) return;
  const ids = [...new Set(views.map((v) => v.id))];
  const rows = await db
    .selectFrom('comment_reactions')
    .select(['comment_id', 'value'])
    .where('user_id', '=', viewerId)
    .where('comment_id', 'in', ids)
    .execute();
  const mine = new Map(rows.map((r) => [r.comment_id, Number(r.value)]));
  for (const v of views) v.myReaction = mine.get(v.id) ?? 0;
}

/** One comment as the viewer may see it (a freshly posted one, say); null when they may not. */
export async function findCommentView(
  db: Db,
  commentId: number,
  viewerId: number | null,
): Promise<CommentView | null> {
  const row = await db
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('comments as p', (join) =>
      join.onRef('p.id', '=', 'c.parent_id').on('p.status', '<>', 'deleted'),
    )
    .leftJoin('users as pu', 'pu.id', 'p.user_id')
    .where('c.id', '=', commentId)
    .where(shown('c', viewerId))
    .select(COLUMNS)
    .select([
      'p.author_name as parent_author',
      'pu.display_name as parent_display',
      'p.parent_id as grand_id',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const view = toView(row, viewerId);
  // As in a thread: only a reply to a reply names whom it answers.
  if (row.parent_id !== null && row.grand_id !== null) {
    view.replyToName = row.parent_display ?? row.parent_author;
  }
  await fillReactions(db, viewerId, [view]);
  return view;
}

/** One thread with its replies (up to maxReplies), for the page of a long thread. */
export async function listThread(
  db: Db,
  articleId: number,
  threadId: number,
  viewerId: number | null,
  maxReplies = 2000,
): Promise<CommentView | null> {
  const row = await db
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .where('c.id', '=', threadId)
    .where('c.article_id', '=', articleId)
    .where('c.parent_id', 'is', null)
    .where((eb) => eb.or([shown('c', viewerId), eb('c.status', '=', 'deleted')]))
    .select(COLUMNS)
    .executeTakeFirst();
  if (!row) return null;
  const thread = toView(row, viewerId);
  await attachReplies(db, articleId, [thread], viewerId, maxReplies);
  if (thread.state === 'deleted' && thread.replies.length === 0) return null;
  await fillReactions(db, viewerId, [thread, ...thread.replies]);
  return thread;
}
