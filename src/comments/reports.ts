// Readers flag comments for the moderators. One report per reporter per comment (a reader by
// account, a guest by visitor hash): a second one is taken politely and changes nothing, so
// repeating a report cannot push a comment up the desk's queue.
import type { Db } from '../db/index.js';
import type { ReportReason } from '../db/schema.js';
import { cleanBody } from './validate.js';

export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'misinformation', 'other'] as const;
export const REPORT_NOTE_MAX = 500;

export interface ReportInput {
  commentId: number;
  /** "u:ID" for a signed-in reader, "v:HASH" for a guest. */
  reporterKey: string;
  userId: number | null;
  reason: string;
  note: string;
  now: number;
}

export type ReportResult =
  | { ok: true; duplicate: boolean }
  | { ok: false; reason: 'not-found' | 'invalid-reason' | 'note-too-long' | 'own-comment' };

export function isReportReason(value: string): value is ReportReason {
  return (REPORT_REASONS as readonly string[]).includes(value);
}

export async function reportComment(db: Db, input: ReportInput): Promise<ReportResult> {
  if (!isReportReason(input.reason)) return { ok: false, reason: 'invalid-reason' };
  const note = cleanBody(input.note);
  if ([...note].length > REPORT_NOTE_MAX) return { ok: false, reason: 'note-too-long' };
  const reason = input.reason;

  return db.transaction().execute(async (trx): Promise<ReportResult> => {
    // Only what readers can see can be reported.
    const comment = await trx
      .selectFrom('comments')
      .select(['id', 'user_id', 'status'])
      .where('id', '=', input.commentId)
      .executeTakeFirst();
    if (comment?.status !== 'approved') return { ok: false, reason: 'not-found' };
    if (input.userId !== null && comment.user_id === input.userId)
      return { ok: false, reason: 'own-comment' };

    const inserted = await trx
      .insertInto('comment_reports')
      .values({
        comment_id: comment.id,
        user_id: input.userId,
        reporter_key: input.reporterKey,
        reason,
        note,
        created_at: input.now,
      })
      .onConflict((oc) => oc.columns(['comment_id', 'reporter_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { ok: true, duplicate: true };
    await trx
      .updateTable('comments')
      .set((eb) => ({ open_reports: eb('open_reports', '+', 1) }))
      .where('id', '=', comment.id)
      .execute();
    return { ok: true, duplicate: false };
  });
}

export interface CommentReport {
  id: number;
  reason: ReportReason;
  note: string;
  userId: number | null;
  /** The reader's display name; null for guests. */
  reporterName: string | null;
  reporterKey: string;
  createdAt: number;
  resolvedAt: number | null;
}

/** Every report on a comment, open ones first, then newest first. */
export async function reportsFor(db: Db, commentId: number): Promise<CommentReport[]> {
  const rows = await db
    .selectFrom('comment_reports as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.reason',
      'r.note',
      'r.user_id',
      'u.display_name',
      'r.reporter_key',
      'r.created_at',
      'r.resolved_at',
    ])
    .where('r.comment_id', '=', commentId)
    .orderBy((eb) => eb.case().when('r.resolved_at', 'is', null).then(0).else(1).end())
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    note: r.note,
    userId: r.user_id,
    reporterName: r.display_name,
    reporterKey: r.reporter_key,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  }));
}
