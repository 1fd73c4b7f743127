// The moderation desk: the queues of comments moderators work through, and their decisions on
// them. A decision changes a comment's status, the article's approved count and the moderators'
// log in one transaction. Each step of a decision is an UPDATE conditional on the status it
// replaces, so two moderators deciding the same comment at once move the count only once.
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { CommentStatus, CommentTable, Database } from '../db/schema.js';
import { adjustCommentCount, countDelta } from './edits.js';
import { logModerationMany, type ModerationAction, type ModerationEntry } from './log.js';

export type DeskQueue = 'pending' | 'reported' | 'approved' | 'rejected';
export const DESK_QUEUES: readonly DeskQueue[] = ['pending', 'reported', 'approved', 'rejected'];
export const DESK_PAGE_SIZE = 50;
export const BULK_MAX = 200;

export interface DeskItem {
  id: number;
  articleId: number;
  articleTitle: string;
  articleSlug: string;
  categorySlug: string;
  parentId: number | null;
  authorName: string;
  userId: number | null;
  /** The account's email for readers, the given one for guests. */
  authorEmail: string | null;
  body: string;
  status: CommentStatus;
  /** The moderation chain's reason code (see ModerationReason). */
  reason: string;
  detail: string | null;
  spamScore: number;
  createdAt: number;
  editedAt: number | null;
  featured: boolean;
  openReports: number;
  /** Open reports by reason. */
  reportReasons: Record<string, number>;
  likes: number;
  dislikes: number;
  authorSuspendedUntil: number | null;
  authorBanned: boolean;
  authorShadowBanned: boolean;
}

type CommentEb = ExpressionBuilder<{ c: CommentTable }, 'c'>;

function inQueue(queue: DeskQueue) {
  return (eb: CommentEb) =>
    queue === 'reported'
      ? eb.and([eb('c.open_reports', '>', 0), eb('c.status', '<>', 'deleted')])
      : eb('c.status', '=', queue);
}

export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, '\\$&');
}

export async function listQueue(
  db: Db,
  opts: { queue: DeskQueue; page: number; pageSize?: number; articleId?: number; search?: string },
): Promise<{ items: DeskItem[]; total: number; page: number; pages: number }> {
  const pageSize = Math.max(1, Math.floor(opts.pageSize ?? DESK_PAGE_SIZE));
  const page = Math.max(1, Math.floor(opts.page) || 1);
  let query = db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('categories as k', 'k.id', 'a.category_id')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .where(inQueue(opts.queue));
  if (opts.articleId !== undefined) query = query.where('c.article_id', '=', opts.articleId);
  const term = opts.search?.trim() ?? '';
  if (term !== '') {
    const pattern = `%${escapeLike(term)}%`;
    const like = (col: string) => sql<boolean>`${sql.ref(col)} like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        like('c.body'),
        like('c.author_name'),
        like('c.author_email'),
        like('u.display_name'),
        like('u.email'),
      ]),
    );
  }
  const counted = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);

  let ordered = query.select([
    'c.id',
    'c.article_id',
    'a.title',
    'a.slug',
    'k.slug as category_slug',
    'c.parent_id',
    'c.author_name',
    'c.user_id',
    'c.author_email',
    'u.display_name',
    'u.email',
    'c.body',
    'c.status',
    'c.moderation_reason',
    'c.moderation_detail',
    'c.spam_score',
    'c.created_at',
    'c.edited_at',
    'c.featured',
    'c.open_reports',
    'c.likes',
    'c.dislikes',
    'u.suspended_until',
    'u.banned_at',
    'u.shadow_banned',
  ]);
  if (opts.queue === 'pending') ordered = ordered.orderBy('c.created_at', 'asc').orderBy('c.id', 'asc');
  else if (opts.queue === 'reported') {
    ordered = ordered
      .orderBy('c.open_reports', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc');
  } else
    ordered = ordered.orderBy(sql`coalesce(c.moderated_at, c.created_at)`, 'desc').orderBy('c.id', 'desc');
  const rows = await ordered
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();

  const reasons = new Map<number, Record<string, number>>();
  if (rows.length > 0) {
    const grouped = await db
      .selectFrom('comment_reports')
      .select(['comment_id', 'reason', (eb) => eb.fn.countAll().as('n')])
      .where(
        'comment_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('resolved_at', 'is', null)
      .groupBy(['comment_id', 'reason'])
      .execute();
    for (const g of grouped) {
      const entry = reasons.get(g.comment_id) ?? {};
      entry[g.reason] = Number(g.n);
      reasons.set(g.comment_id, entry);
    }
  }
  const items = rows.map(
    (r): DeskItem => ({
      id: r.id,
      articleId: r.article_id,
      articleTitle: r.title,
      articleSlug: r.slug,
      categorySlug: r.category_slug,
      parentId: r.parent_id,
      authorName: r.user_id !== null && r.display_name !== null ? r.display_name : r.author_name,
      userId: r.user_id,
      authorEmail: r.email ?? r.author_email,
      body: r.body,
      status: r.status,
      reason: r.moderation_reason,
      detail: r.moderation_detail,
      spamScore: Number(r.spam_score),
      createdAt: r.created_at,
      editedAt: r.edited_at,
      featured: r.featured === 1,
      openReports: Number(r.open_reports),
      reportReasons: reasons.get(r.id) ?? {},
      likes: Number(r.likes),
      dislikes: Number(r.dislikes),
      authorSuspendedUntil: r.suspended_until,
      authorBanned: r.banned_at !== null,
      authorShadowBanned: r.shadow_banned === 1,
    }),
  );
  return { items, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Each count on its own indexed query rather than one scan of every comment. */
export async function queueCounts(db: Db): Promise<Record<DeskQueue, number>> {
  const counts = {} as Record<DeskQueue, number>;
  for (const queue of DESK_QUEUES) {
    const row = await db
      .selectFrom('comments as c')
      .where(inQueue(queue))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[queue] = Number(row.n);
  }
  return counts;
}

export type DeskAction = 'approve' | 'reject' | 'feature' | 'unfeature' | 'dismiss-reports';

interface Step {
  /** The comments this step may change; a step without a status leaves deleted ones alone. */
  from?: CommentStatus;
  reported?: true;
  featured?: 0 | 1;
  /** A decision: the status the comment gets. */
  to?: 'approved' | 'rejected';
}

// One conditional step per status an action may replace. Deciding on a comment also resolves
// its reports, so re-approving a reported comment is how a moderator says "it is fine".
const STEPS: Record<DeskAction, Step[]> = {
  approve: [
    { from: 'pending', to: 'approved' },
    { from: 'rejected', to: 'approved' },
    { from: 'approved', reported: true, to: 'approved' },
  ],
  reject: [
    { from: 'approved', to: 'rejected' },
    { from: 'pending', to: 'rejected' },
    { from: 'rejected', reported: true, to: 'rejected' },
  ],
  feature: [{ from: 'approved', featured: 0 }],
  unfeature: [{ featured: 1 }],
  'dismiss-reports': [{ reported: true }],
};

function matches(step: Step) {
  return (eb: ExpressionBuilder<Database, 'comments'>) =>
    eb.and([
      step.from ? eb('status', '=', step.from) : eb('status', '<>', 'deleted'),
      ...(step.reported ? [eb('open_reports', '>', 0)] : []),
      ...(step.featured === undefined ? [] : [eb('featured', '=', step.featured)]),
    ]);
}

function changeFor(action: DeskAction, step: Step, now: number) {
  if (step.to) {
    // A rejected comment cannot stay on the featured shelf.
    return {
      status: step.to,
      moderated_at: now,
      open_reports: 0,
      ...(step.to === 'rejected' ? { featured: 0 } : {}),
    };
  }
  if (action === 'feature') return { featured: 1, moderated_at: now };
  if (action === 'unfeature') return { featured: 0 };
  return { open_reports: 0 };
}

export async function moderateComments(
  db: Db,
  input: { ids: number[]; action: DeskAction; actor: { id: number; name: string }; now: number },
): Promise<{ changed: number; articleIds: number[] }> {
  const ids = [...new Set(input.ids)].filter((id) => Number.isInteger(id) && id > 0);
  if (ids.length > BULK_MAX) throw new RangeError(`at most ${BULK_MAX} comments at once`);
  if (ids.length === 0) return { changed: 0, articleIds: [] };
  const resolvesReports = input.action !== 'feature' && input.action !== 'unfeature';

  return db.transaction().execute(async (trx) => {
    const changed: number[] = [];
    const deltas = new Map<number, number>();
    const articles = new Set<number>();
    const entries: ModerationEntry[] = [];
    for (const step of STEPS[input.action]) {
      const pending = ids.filter((id) => !changed.includes(id));
      if (pending.length === 0) break;
      const rows = await trx
        .updateTable('comments')
        .set(changeFor(input.action, step, input.now))
        .where('id', 'in', pending)
        .where(matches(step))
        .returning(['id', 'article_id', 'user_id'])
        .execute();
      for (const r of rows) {
        changed.push(r.id);
        articles.add(r.article_id);
        const delta = step.from && step.to ? countDelta(step.from, step.to) : 0;
        deltas.set(r.article_id, (deltas.get(r.article_id) ?? 0) + delta);
        const action: ModerationAction = input.action;
        entries.push({
          actor: input.actor,
          action,
          commentId: r.id,
          userId: r.user_id,
          detail: step.to ? `${step.from} → ${step.to}` : '',
          now: input.now,
        });
      }
    }
    if (changed.length === 0) return { changed: 0, articleIds: [] };
    if (resolvesReports) {
      await trx
        .updateTable('comment_reports')
        .set({ resolved_at: input.now })
        .where('comment_id', 'in', changed)
        .where('resolved_at', 'is', null)
        .execute();
    }
    // In id order, so two bulk actions over the same articles cannot deadlock on them.
    const byArticle = [...deltas].sort(([x], [y]) => x - y);
    for (const [articleId, delta] of byArticle) await adjustCommentCount(trx, articleId, delta);
    await logModerationMany(trx, entries);
    return { changed: changed.length, articleIds: [...articles].sort((a, b) => a - b) };
  });
}
