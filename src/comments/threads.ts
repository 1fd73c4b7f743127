// Posting comments and reading an article's threads. A post and the article's comment count
// change in one transaction; a repeated form submission returns the comment it already made.
import type { Db } from '../db/index.js';
import type { CommentStatus } from '../db/schema.js';
import { moderate } from './moderation.js';
import { type CommentFieldError, validateComment } from './validate.js';

export interface CommentView {
  id: number;
  parentId: number | null;
  authorName: string;
  body: string;
  createdAt: number;
  /** For replies deeper than the second level, whom they answer. */
  replyToName: string | null;
  replies: CommentView[];
}

export interface PostCommentInput {
  articleId: number;
  parentId: number | null;
  name: string;
  body: string;
  submissionKey: string;
  visitorHash: string;
}

/** Only 'approved' is visible; 'pending' and 'rejected' must look the same to the poster. */
export type PostCommentResult =
  | { ok: true; id: number; status: CommentStatus; duplicate: boolean }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<'name' | 'body', CommentFieldError>> }
  | { ok: false; reason: 'article-missing' | 'comments-closed' | 'parent-missing' };

export async function postComment(db: Db, input: PostCommentInput, now: number): Promise<PostCommentResult> {
  const checked = validateComment(input.name, input.body);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };

  return db.transaction().execute(async (trx): Promise<PostCommentResult> => {
    const existing = await trx
      .selectFrom('comments')
      .select(['id', 'status', 'article_id'])
      .where('submission_key', '=', input.submissionKey)
      .executeTakeFirst();
    if (existing && existing.article_id === input.articleId) {
      return { ok: true, id: existing.id, status: existing.status, duplicate: true };
    }
    const article = await trx
      .selectFrom('articles')
      .select(['id', 'comments_who', 'comments_moderation'])
      .where('id', '=', input.articleId)
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .executeTakeFirst();
    if (!article) return { ok: false, reason: 'article-missing' };
    if (article.comments_who === 'closed') return { ok: false, reason: 'comments-closed' };

    let threadId: number | null = null;
    if (input.parentId !== null) {
      const parent = await trx
        .selectFrom('comments')
        .select(['id', 'thread_id'])
        .where('id', '=', input.parentId)
        .where('article_id', '=', input.articleId)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (!parent) return { ok: false, reason: 'parent-missing' };
      threadId = parent.thread_id ?? parent.id;
    }

    // A rejected comment is still stored, for moderators to review; like a pending one it is neither
    // shown nor counted, and the caller answers the poster as if it were pending.
    const decision = moderate({ policy: article.comments_moderation ?? 'post', body: checked.value.body });
    const inserted = await trx
      .insertInto('comments')
      .values({
        article_id: input.articleId,
        parent_id: input.parentId,
        thread_id: threadId,
        author_name: checked.value.name,
        body: checked.value.body,
        status: decision.status,
        created_at: now,
        submission_key: input.submissionKey,
        visitor_hash: input.visitorHash,
      })
      .onConflict((oc) => oc.column('submission_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // Another request with the same key won the race; report its comment.
      const winner = await trx
        .selectFrom('comments')
        .select(['id', 'status'])
        .where('submission_key', '=', input.submissionKey)
        .executeTakeFirstOrThrow();
      return { ok: true, id: winner.id, status: winner.status, duplicate: true };
    }
    if (threadId === null) {
      await trx
        .updateTable('comments')
        .set({ thread_id: inserted.id })
        .where('id', '=', inserted.id)
        .execute();
    }
    if (decision.status === 'approved') {
      await trx
        .updateTable('articles')
        .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
        .where('id', '=', input.articleId)
        .execute();
    }
    return { ok: true, id: inserted.id, status: decision.status, duplicate: false };
  });
}

/** Approved comments as threads: top-level comments, each with all its replies one level below. */
export async function listThreads(db: Db, articleId: number): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'thread_id', 'author_name', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byId = new Map<number, CommentView>();
  const top: CommentView[] = [];
  for (const r of rows) {
    const view: CommentView = {
      id: r.id,
      parentId: r.parent_id,
      authorName: r.author_name,
      body: r.body,
      createdAt: r.created_at,
      replyToName: null,
      replies: [],
    };
    byId.set(r.id, view);
    if (r.parent_id === null) {
      top.push(view);
      continue;
    }
    const thread = byId.get(r.thread_id ?? r.parent_id);
    const parent = byId.get(r.parent_id);
    if (!thread || !parent) continue; // its thread is not visible (e.g. rejected): hide the reply too
    if (parent !== thread) view.replyToName = parent.authorName;
    thread.replies.push(view);
  }
  return top;
}
