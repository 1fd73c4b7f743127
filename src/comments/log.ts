// The moderators' log: who did what to which comment or reader, and when. Entries are written in
// the same transaction as the change they describe, so the log never claims what did not happen.
import type { Db } from '../db/index.js';

export const MODERATION_ACTIONS = [
  'approve',
  'reject',
  'feature',
  'unfeature',
  'dismiss-reports',
  'suspend',
  'unsuspend',
  'ban',
  'unban',
  'shadow-ban',
  'unshadow-ban',
  'settings',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface ModerationActor {
  /** null for the system (or an account deleted since). */
  id: number | null;
  name: string;
}

export interface ModerationEntry {
  actor: ModerationActor;
  action: ModerationAction;
  commentId?: number | null;
  /** The reader concerned: the one acted on, or the author of the comment acted on. */
  userId?: number | null;
  detail?: string;
  now: number;
}

export interface ModerationLogRow {
  id: number;
  actorId: number | null;
  actorName: string;
  action: ModerationAction;
  commentId: number | null;
  userId: number | null;
  detail: string;
  createdAt: number;
}

export const LOG_PAGE_SIZE = 50;

function toRow(entry: ModerationEntry) {
  return {
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    action: entry.action,
    comment_id: entry.commentId ?? null,
    user_id: entry.userId ?? null,
    detail: entry.detail ?? '',
    created_at: entry.now,
  };
}

/** Pass the transaction that makes the change. */
export async function logModeration(trx: Db, entry: ModerationEntry): Promise<void> {
  await trx.insertInto('moderation_log').values(toRow(entry)).execute();
}

/** Many entries in one statement, for bulk actions on the desk. */
export async function logModerationMany(trx: Db, entries: readonly ModerationEntry[]): Promise<void> {
  // Chunked so a bulk action stays well under SQLite's bound-parameter limit.
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    await trx.insertInto('moderation_log').values(chunk.map(toRow)).execute();
  }
}

export interface LogPage {
  entries: ModerationLogRow[];
  total: number;
  page: number;
  pages: number;
}

/** Newest first. */
export async function listLog(
  db: Db,
  opts: { page: number; userId?: number; commentId?: number; pageSize?: number },
): Promise<LogPage> {
  const pageSize = Math.max(1, opts.pageSize ?? LOG_PAGE_SIZE);
  const page = Math.max(1, Math.floor(opts.page) || 1);
  let query = db.selectFrom('moderation_log');
  if (opts.userId !== undefined) query = query.where('user_id', '=', opts.userId);
  if (opts.commentId !== undefined) query = query.where('comment_id', '=', opts.commentId);
  const counted = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    entries: rows.map(fromRow),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export function fromRow(r: {
  id: number;
  actor_id: number | null;
  actor_name: string;
  action: string;
  comment_id: number | null;
  user_id: number | null;
  detail: string;
  created_at: number;
}): ModerationLogRow {
  return {
    id: r.id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action as ModerationAction,
    commentId: r.comment_id,
    userId: r.user_id,
    detail: r.detail,
    createdAt: r.created_at,
  };
}
