// Posting a comment: who may post (policy, account state, rate limits), then the moderation
// chain, then one transaction that stores the comment with the chain's decision and keeps the
// article's comment count in step. A repeated form submission returns the comment it made.
import type { Category } from '../content/types.js';
import type { Db } from '../db/index.js';
import type { CommentStatus } from '../db/schema.js';
import type { RateLimiter } from '../infra/rate-limit.js';
import { canPost } from './desk-readers.js';
import { loadAuthorHistory } from './history.js';
import { moderate } from './moderation.js';
import { policyOfArticle } from './policy.js';
import { checkCommentRate } from './rate.js';
import type { CommentSettings } from './settings.js';
import { type CommentFieldError, cleanBody, validateComment } from './validate.js';

/** The signed-in author, as the session knows them. */
export interface PostingUser {
  id: number;
  displayName: string;
  emailVerified: boolean;
  suspendedUntil: number | null;
  banned: boolean;
}

export interface PostCommentInput {
  articleId: number;
  parentId: number | null;
  /** Guests only: a signed-in reader posts under their display name. */
  name: string;
  email: string;
  body: string;
  notifyReplies: boolean;
  user: PostingUser | null;
  submissionKey: string;
  visitorHash: string;
  /** An opaque key for the poster's network address, for the per-IP rate limit. */
  ipKey: string;
}

export type PostField = 'name' | 'email' | 'body';
export type PostFieldError = CommentFieldError | 'email-required' | 'email-invalid' | 'email-too-long';

export interface FreshComment {
  threadId: number;
  authorName: string;
  body: string;
  createdAt: number;
  replyToName: string | null;
}

/** Where the comment landed: enough for the caller to link to it and show the new count. */
export interface PostTarget {
  articleId: number;
  slug: string;
  categorySlug: string;
  commentCount: number;
}

export type PostCommentResult =
  | {
      ok: true;
      id: number;
      status: CommentStatus;
      duplicate: boolean;
      parentId: number | null;
      target: PostTarget;
      /** What a new comment looks like, to show it at once without reading it back; absent for repeats. */
      fresh?: FreshComment;
    }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<PostField, PostFieldError>> }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number }
  | { ok: false; reason: 'suspended'; until: number }
  | {
      ok: false;
      reason:
        | 'article-missing'
        | 'comments-closed'
        | 'parent-missing'
        | 'login-required'
        | 'unverified'
        | 'banned';
    };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;

function checkGuestEmail(raw: string): { ok: true; value: string } | { ok: false; error: PostFieldError } {
  const email = raw.trim().toLowerCase();
  if (email === '') return { ok: false, error: 'email-required' };
  if (email.length > 254) return { ok: false, error: 'email-too-long' };
  if (!EMAIL.test(email)) return { ok: false, error: 'email-invalid' };
  return { ok: true, value: email };
}

export interface CommentPosterDeps {
  db: Db;
  limiter: RateLimiter;
  settings: () => CommentSettings;
  categories: () => readonly Category[];
  limits: { perReaderPerMinute: number; perIpPerMinute: number };
}

export class CommentPoster {
  constructor(private readonly deps: CommentPosterDeps) {}

  async post(input: PostCommentInput, now: number): Promise<PostCommentResult> {
    const { db } = this.deps;
    const user = input.user;
    const errors: Partial<Record<PostField, PostFieldError>> = {};
    const checked = validateComment(user ? user.displayName : input.name, input.body);
    if (!checked.ok) Object.assign(errors, checked.errors);
    let email: string | null = null;
    if (!user) {
      const e = checkGuestEmail(input.email);
      if (e.ok) email = e.value;
      else errors.email = e.error;
    }
    if (!checked.ok || Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

    const article = await db
      .selectFrom('articles as a')
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      .select([
        'a.id',
        'a.slug',
        'c.slug as category_slug',
        'a.comment_count',
        'a.category_id',
        'a.published_at',
        'a.comments_who',
        'a.comments_moderation',
        'a.comments_close_days',
        // A repeated form submission is recognised in the same query: the common path stays short.
        (eb) =>
          eb
            .selectFrom('comments as k')
            .select('k.id')
            .where('k.submission_key', '=', input.submissionKey)
            .whereRef('k.article_id', '=', 'a.id')
            .as('existing_id'),
      ])
      .where('a.id', '=', input.articleId)
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', now)
      .executeTakeFirst();
    if (!article) return { ok: false, reason: 'article-missing' };
    const target: PostTarget = {
      articleId: article.id,
      slug: article.slug,
      categorySlug: article.category_slug,
      commentCount: Number(article.comment_count),
    };
    const settings = this.deps.settings();
    const policy = policyOfArticle(article, settings, this.deps.categories(), now);
    if (!policy.open) return { ok: false, reason: 'comments-closed' };
    if (policy.who === 'registered' && !user) return { ok: false, reason: 'login-required' };
    if (user) {
      if (!user.emailVerified) return { ok: false, reason: 'unverified' };
      const standing = canPost(
        { bannedAt: user.banned ? 1 : null, suspendedUntil: user.suspendedUntil },
        now,
      );
      if (standing === 'banned') return { ok: false, reason: 'banned' };
      if (standing === 'suspended')
        return { ok: false, reason: 'suspended', until: user.suspendedUntil ?? now };
    }

    if (article.existing_id !== null) {
      const existing = await db
        .selectFrom('comments')
        .select(['id', 'status', 'parent_id'])
        .where('id', '=', article.existing_id)
        .executeTakeFirstOrThrow();
      return {
        ok: true,
        id: existing.id,
        status: existing.status,
        duplicate: true,
        parentId: existing.parent_id,
        target,
      };
    }

    const rate = await checkCommentRate(
      this.deps.limiter,
      { userId: user?.id ?? null, ipKey: input.ipKey },
      this.deps.limits,
      now,
    );
    if (!rate.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: rate.retryAfterMs };

    const body = checked.value.body;
    const history = await loadAuthorHistory(
      db,
      { userId: user?.id ?? null, email, visitorHash: input.visitorHash },
      settings,
      now,
    );
    const decision = moderate(
      { body, name: checked.value.name, userId: user?.id ?? null, email, visitorHash: input.visitorHash },
      { now, moderation: policy.moderation, settings, history },
    );

    return db.transaction().execute(async (trx): Promise<PostCommentResult> => {
      // Top-level comments leave thread_id empty: a thread is its own top comment.
      let threadId: number | null = null;
      let replyToName: string | null = null;
      if (input.parentId !== null) {
        const parent = await trx
          .selectFrom('comments as p')
          .leftJoin('users as u', 'u.id', 'p.user_id')
          .select(['p.id', 'p.thread_id', 'p.parent_id', 'p.author_name', 'u.display_name'])
          .where('p.id', '=', input.parentId)
          .where('p.article_id', '=', input.articleId)
          .where('p.status', '=', 'approved')
          .executeTakeFirst();
        if (!parent) return { ok: false, reason: 'parent-missing' };
        threadId = parent.thread_id ?? parent.id;
        // Replies are shown one level deep; one to a reply says whom it answers.
        if (parent.parent_id !== null) replyToName = parent.display_name ?? parent.author_name;
      }
      const inserted = await trx
        .insertInto('comments')
        .values({
          article_id: input.articleId,
          parent_id: input.parentId,
          thread_id: threadId,
          author_name: checked.value.name,
          body,
          status: decision.status,
          created_at: now,
          submission_key: input.submissionKey,
          visitor_hash: input.visitorHash,
          user_id: user?.id ?? null,
          author_email: email,
          moderation_reason: decision.reason,
          moderation_detail: decision.detail,
          spam_score: decision.spamScore,
          notify_replies: input.notifyReplies && user ? 1 : 0,
        })
        .onConflict((oc) => oc.column('submission_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        // Another request with the same key won the race; report its comment.
        const winner = await trx
          .selectFrom('comments')
          .select(['id', 'status', 'parent_id'])
          .where('submission_key', '=', input.submissionKey)
          .executeTakeFirstOrThrow();
        return {
          ok: true,
          id: winner.id,
          status: winner.status,
          duplicate: true,
          parentId: winner.parent_id,
          target,
        };
      }
      let commentCount = target.commentCount;
      if (decision.status === 'approved') {
        const counted = await trx
          .updateTable('articles')
          .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
          .where('id', '=', input.articleId)
          .returning('comment_count')
          .executeTakeFirstOrThrow();
        commentCount = Number(counted.comment_count);
      }
      return {
        ok: true,
        id: inserted.id,
        status: decision.status,
        duplicate: false,
        parentId: input.parentId,
        target: { ...target, commentCount },
        fresh: {
          threadId: threadId ?? inserted.id,
          authorName: checked.value.name,
          body,
          createdAt: now,
          replyToName,
        },
      };
    });
  }
}

/** The body as it will be stored, for building a submission key before posting. */
export const normalizedBody = cleanBody;
