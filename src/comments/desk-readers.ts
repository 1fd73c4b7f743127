// What moderators do to readers rather than to single comments: suspend for a while, ban, or
// shadow-ban (their comments look published to them alone). Staff accounts are out of reach here:
// a moderator must not be able to lock out an editor. Every action is logged with the change.
import type { Db } from '../db/index.js';
import type { CommentStatus } from '../db/schema.js';
import {
  fromRow,
  logModeration,
  logModerationMany,
  type ModerationAction,
  type ModerationLogRow,
} from './log.js';

export type Standing = 'ok' | 'banned' | 'suspended';

/** Whether a reader may post now. Pure, for the posting path. */
export function canPost(
  user: { bannedAt: number | null; suspendedUntil: number | null },
  now: number,
): Standing {
  if (user.bannedAt !== null) return 'banned';
  if (user.suspendedUntil !== null && user.suspendedUntil > now) return 'suspended';
  return 'ok';
}

export interface DeskActor {
  id: number;
  name: string;
}

export type ReaderActionResult =
  | { ok: true; articleIds: number[] }
  | { ok: false; reason: 'not-found' | 'staff' };

type ReaderRow = { suspended_until: number | null; banned_at: number | null; shadow_banned: number };
type ReaderChange = Partial<ReaderRow>;

interface ReaderAction {
  action: ModerationAction;
  change: ReaderChange;
  /** True when the reader is already in the state asked for: nothing to change or log. */
  already: (user: ReaderRow) => boolean;
  detail: string;
  /** Further changes in the same transaction; returns the articles they touched. */
  more?: (trx: Db) => Promise<number[]>;
}

async function actOnReader(
  db: Db,
  input: { userId: number; actor: DeskActor; now: number },
  act: ReaderAction,
): Promise<ReaderActionResult> {
  return db.transaction().execute(async (trx): Promise<ReaderActionResult> => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'role', 'suspended_until', 'banned_at', 'shadow_banned'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!user) return { ok: false, reason: 'not-found' };
    if (user.role !== 'reader') return { ok: false, reason: 'staff' };
    if (!act.already(user)) {
      await trx
        .updateTable('users')
        .set({ ...act.change, updated_at: input.now })
        .where('id', '=', user.id)
        .execute();
      const entry = { actor: input.actor, action: act.action, userId: user.id, detail: act.detail };
      await logModeration(trx, { ...entry, now: input.now });
    }
    const articleIds = act.more ? await act.more(trx) : [];
    return { ok: true, articleIds };
  });
}

export function suspendReader(
  db: Db,
  input: { userId: number; until: number; actor: DeskActor; now: number },
) {
  return actOnReader(db, input, {
    action: 'suspend',
    change: { suspended_until: input.until },
    already: (u) => u.suspended_until === input.until,
    detail: `until ${new Date(input.until).toISOString()}`,
  });
}

export function unsuspendReader(db: Db, input: { userId: number; actor: DeskActor; now: number }) {
  return actOnReader(db, input, {
    action: 'unsuspend',
    change: { suspended_until: null },
    already: (u) => u.suspended_until === null,
    detail: '',
  });
}

export async function banReader(
  db: Db,
  input: { userId: number; actor: DeskActor; now: number; rejectPending: boolean },
): Promise<ReaderActionResult> {
  // Pending comments are never counted, so rejecting them leaves every article's count as it is.
  const rejectPending = async (trx: Db): Promise<number[]> => {
    if (!input.rejectPending) return [];
    const rows = await trx
      .updateTable('comments')
      .set({ status: 'rejected', moderated_at: input.now })
      .where('user_id', '=', input.userId)
      .where('status', '=', 'pending')
      .returning(['id', 'article_id'])
      .execute();
    await logModerationMany(
      trx,
      rows.map((r) => ({
        actor: input.actor,
        action: 'reject' as const,
        commentId: r.id,
        userId: input.userId,
        detail: 'pending → rejected (ban)',
        now: input.now,
      })),
    );
    return [...new Set(rows.map((r) => r.article_id))].sort((a, b) => a - b);
  };
  return actOnReader(db, input, {
    action: 'ban',
    change: { banned_at: input.now },
    // A second ban keeps the date of the first.
    already: (u) => u.banned_at !== null,
    detail: input.rejectPending ? 'pending comments rejected' : '',
    more: rejectPending,
  });
}

export function unbanReader(db: Db, input: { userId: number; actor: DeskActor; now: number }) {
  return actOnReader(db, input, {
    action: 'unban',
    change: { banned_at: null },
    already: (u) => u.banned_at === null,
    detail: '',
  });
}

export function shadowBanReader(db: Db, input: { userId: number; actor: DeskActor; now: number }) {
  return actOnReader(db, input, {
    action: 'shadow-ban',
    change: { shadow_banned: 1 },
    already: (u) => u.shadow_banned === 1,
    detail: '',
  });
}

export function unshadowBanReader(db: Db, input: { userId: number; actor: DeskActor; now: number }) {
  return actOnReader(db, input, {
    action: 'unshadow-ban',
    change: { shadow_banned: 0 },
    already: (u) => u.shadow_banned === 0,
    detail: '',
  });
}

export interface ReaderProfile {
  id: number;
  name: string;
  email: string;
  role: string;
  createdAt: number;
  verified: boolean;
  suspendedUntil: number | null;
  bannedAt: number | null;
  shadowBanned: boolean;
}

export interface ReaderComment {
  id: number;
  articleId: number;
  articleTitle: string;
  articleSlug: string;
  categorySlug: string;
  parentId: number | null;
  body: string;
  status: CommentStatus;
  reason: string;
  detail: string | null;
  createdAt: number;
  editedAt: number | null;
  openReports: number;
}

export interface ReaderHistory {
  /** null for a guest, known only by the email given with their comments. */
  profile: ReaderProfile | null;
  email: string | null;
  counts: Record<CommentStatus, number>;
  comments: { items: ReaderComment[]; total: number; page: number; pages: number };
  /** Newest first: actions on the reader and on their comments. */
  log: ModerationLogRow[];
}

export const HISTORY_PAGE_SIZE = 50;
const HISTORY_LOG_MAX = 100;

/** A reader's record for the desk, by account id or by email (a guest's too). */
export async function readerHistory(
  db: Db,
  opts: { userId?: number; email?: string; page: number },
): Promise<ReaderHistory | null> {
  const email = opts.email?.trim().toLowerCase() || null;
  let users = db.selectFrom('users').selectAll();
  if (opts.userId !== undefined) users = users.where('id', '=', opts.userId);
  else if (email !== null) users = users.where('email', '=', email);
  else return null;
  const user = await users.executeTakeFirst();
  if (!user && (opts.userId !== undefined || email === null)) return null;

  const page = Math.max(1, Math.floor(opts.page) || 1);
  const theirs = user
    ? db.selectFrom('comments as c').where('c.user_id', '=', user.id)
    : db.selectFrom('comments as c').where('c.user_id', 'is', null).where('c.author_email', '=', email);
  const byStatus = await theirs
    .select(['c.status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('c.status')
    .execute();
  const counts: Record<CommentStatus, number> = { approved: 0, pending: 0, rejected: 0, deleted: 0 };
  for (const row of byStatus) counts[row.status] = Number(row.n);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  const rows = await theirs
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('categories as k', 'k.id', 'a.category_id')
    .select(['c.id', 'c.article_id', 'a.title', 'a.slug', 'k.slug as category_slug', 'c.parent_id', 'c.body'])
    .select(['c.status', 'c.moderation_reason', 'c.moderation_detail', 'c.created_at', 'c.edited_at'])
    .select('c.open_reports')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(HISTORY_PAGE_SIZE)
    .offset((page - 1) * HISTORY_PAGE_SIZE)
    .execute();

  let log = db.selectFrom('moderation_log').selectAll();
  log = user ? log.where('user_id', '=', user.id) : log.where('comment_id', 'in', theirs.select('c.id'));
  const entries = await log
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(HISTORY_LOG_MAX)
    .execute();

  return {
    profile: user
      ? {
          id: user.id,
          name: user.display_name,
          email: user.email,
          role: user.role,
          createdAt: user.created_at,
          verified: user.email_verified_at !== null,
          suspendedUntil: user.suspended_until,
          bannedAt: user.banned_at,
          shadowBanned: user.shadow_banned === 1,
        }
      : null,
    email: user ? user.email : email,
    counts,
    comments: {
      items: rows.map((r) => ({
        id: r.id,
        articleId: r.article_id,
        articleTitle: r.title,
        articleSlug: r.slug,
        categorySlug: r.category_slug,
        parentId: r.parent_id,
        body: r.body,
        status: r.status,
        reason: r.moderation_reason,
        detail: r.moderation_detail,
        createdAt: r.created_at,
        editedAt: r.edited_at,
        openReports: Number(r.open_reports),
      })),
      total,
      page,
      pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    },
    log: entries.map(fromRow),
  };
}
