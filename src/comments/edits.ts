// A reader's own changes to a comment: a short window to fix a typo, and deletion at any time.
// An edit goes through moderation again (a clean comment may gain a banned word), and the old text
// is kept for moderators; a deletion takes the text and its history away, as the reader asked.
import type { Db } from '../db/index.js';
import type { CommentStatus } from '../db/schema.js';
import { type CommentFieldError, validateComment } from './validate.js';

export const EDIT_WINDOW_MS = 10 * 60_000;

export type EditStatus = Exclude<CommentStatus, 'deleted'>;

export interface RecheckResult {
  status: EditStatus;
  reason: string;
  detail: string | null;
  spamScore: number;
}

export interface EditCommentInput {
  commentId: number;
  userId: number;
  body: string;
  now: number;
  /** The moderation chain, run on the cleaned new text. */
  recheck: (cleanBody: string) => RecheckResult;
}

export type EditCommentResult =
  | { ok: true; articleId: number; status: EditStatus }
  | {
      ok: false;
      reason: 'not-found' | 'not-yours' | 'too-late' | 'deleted' | 'invalid';
      error?: CommentFieldError;
    };

// validateComment checks a name and a body; an edit changes only the body.
const ANY_VALID_NAME = 'Читател';

/** How the article's approved count moves when a comment goes from one status to another. */
export function countDelta(from: CommentStatus, to: CommentStatus): number {
  if (from === to) return 0;
  if (to === 'approved') return 1;
  return from === 'approved' ? -1 : 0;
}

export async function adjustCommentCount(trx: Db, articleId: number, delta: number): Promise<void> {
  if (delta === 0) return;
  await trx
    .updateTable('articles')
    .set((eb) => ({ comment_count: eb('comment_count', '+', delta) }))
    .where('id', '=', articleId)
    .execute();
}

export async function editComment(db: Db, input: EditCommentInput): Promise<EditCommentResult> {
  return db.transaction().execute(async (trx): Promise<EditCommentResult> => {
    // The update is conditional on what was read; if a moderator (or another tab) changed the
    // comment in between, read again, so the count follows the status that was really replaced.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await trx
        .selectFrom('comments')
        .select(['id', 'article_id', 'user_id', 'status', 'body', 'created_at', 'moderated_at'])
        .where('id', '=', input.commentId)
        .executeTakeFirst();
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.user_id !== input.userId) return { ok: false, reason: 'not-yours' };
      if (current.status === 'deleted') return { ok: false, reason: 'deleted' };
      if (input.now - current.created_at > EDIT_WINDOW_MS) return { ok: false, reason: 'too-late' };
      const checked = validateComment(ANY_VALID_NAME, input.body);
      if (!checked.ok) return { ok: false, reason: 'invalid', error: checked.errors.body ?? 'body-required' };
      const body = checked.value.body;
      if (body === current.body) return { ok: true, articleId: current.article_id, status: current.status };

      const verdict = input.recheck(body);
      // A moderator's rejection stands: editing must not be a way around it.
      const keptByModerator = current.status === 'rejected' && current.moderated_at !== null;
      const status: EditStatus = keptByModerator ? 'rejected' : verdict.status;
      const moderation = keptByModerator
        ? {}
        : {
            moderation_reason: verdict.reason,
            moderation_detail: verdict.detail,
            spam_score: verdict.spamScore,
          };
      const updated = await trx
        .updateTable('comments')
        .set({
          body,
          edited_at: input.now,
          status,
          ...moderation,
          ...(status === 'approved' ? {} : { featured: 0 }),
        })
        .where('id', '=', current.id)
        .where('status', '=', current.status)
        .where('body', '=', current.body)
        .returning('id')
        .executeTakeFirst();
      if (!updated) continue;
      await trx
        .insertInto('comment_revisions')
        .values({ comment_id: current.id, body: current.body, created_at: input.now })
        .execute();
      await adjustCommentCount(trx, current.article_id, countDelta(current.status, status));
      return { ok: true, articleId: current.article_id, status };
    }
    throw new Error(`comment ${input.commentId} kept changing during an edit`);
  });
}

export interface CommentRevision {
  id: number;
  /** The text as it was before an edit replaced it. */
  body: string;
  /** When the edit replaced it. */
  createdAt: number;
}

/** Earlier texts of a comment, oldest first: for moderators. */
export async function commentHistory(db: Db, commentId: number): Promise<CommentRevision[]> {
  const rows = await db
    .selectFrom('comment_revisions')
    .select(['id', 'body', 'created_at'])
    .where('comment_id', '=', commentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.created_at }));
}

export type DeleteOwnResult =
  | { ok: true; articleId: number }
  | { ok: false; reason: 'not-found' | 'not-yours' };

export async function deleteOwnComment(
  db: Db,
  input: { commentId: number; userId: number; now: number },
): Promise<DeleteOwnResult> {
  return db.transaction().execute(async (trx): Promise<DeleteOwnResult> => {
    // Conditional on the status read, for the same reason as in editComment.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await trx
        .selectFrom('comments')
        .select(['id', 'article_id', 'user_id', 'status'])
        .where('id', '=', input.commentId)
        .executeTakeFirst();
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.user_id !== input.userId) return { ok: false, reason: 'not-yours' };
      if (current.status === 'deleted') return { ok: true, articleId: current.article_id };
      const updated = await trx
        .updateTable('comments')
        .set({ status: 'deleted', body: '', featured: 0, edited_at: input.now, moderation_detail: null })
        .where('id', '=', current.id)
        .where('status', '=', current.status)
        .returning('id')
        .executeTakeFirst();
      if (!updated) continue;
      await trx.deleteFrom('comment_revisions').where('comment_id', '=', current.id).execute();
      await adjustCommentCount(trx, current.article_id, countDelta(current.status, 'deleted'));
      return { ok: true, articleId: current.article_id };
    }
    throw new Error(`comment ${input.commentId} kept changing during a deletion`);
  });
}
