// POST /comments: a new comment or reply, from the plain form (redirect after post) or from the
// page's script (JSON). What was typed comes back with every error; nothing is lost.
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { type CommentView, findCommentView } from '../../../comments/listing.js';
import type { PostCommentResult } from '../../../comments/posting.js';
import { findPublishedArticleById } from '../../../content/articles.js';
import type { Article } from '../../../content/types.js';
import { formatDateTime } from '../../../text/dates.js';
import { checkFormToken, formPurpose } from '../../session.js';
import type { SiteDeps } from '../deps.js';
import { sendReplyNotice } from '../notify-replies.js';
import { buildFrame } from '../respond.js';
import { urls } from '../urls.js';
import { CommentItem } from '../views/comment-item.js';
import type { CommentFormState } from '../views/comments.js';
import { commentCount } from '../views/format.js';
import { commentPolicy, renderArticle } from './article.js';
import { sendError } from './errors.js';
import { sameOrigin, wantsJson } from './request-checks.js';

const CommentBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 1000 })),
  article_id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }),
  parent_id: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,9})?$' })),
  name: Type.Optional(Type.String({ maxLength: 10_000 })),
  email: Type.Optional(Type.String({ maxLength: 10_000 })),
  body: Type.Optional(Type.String({ maxLength: 100_000 })),
  notify: Type.Optional(Type.String({ maxLength: 10 })),
  website: Type.Optional(Type.String({ maxLength: 2000 })),
});

type CommentBodyT = {
  _csrf?: string;
  article_id: string;
  parent_id?: string;
  name?: string;
  email?: string;
  body?: string;
  notify?: string;
  website?: string;
};

export function commentPostRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.post<{ Body: CommentBodyT }>(
    '/comments',
    {
      schema: { body: CommentBody },
      // A coarse in-process guard against floods of junk; the real per-reader and per-address
      // limits are shared by every process and live in the poster (database or Redis).
      config: { rateLimit: { max: Math.max(60, deps.config.commentsPerMinute * 6), timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const t = buildFrame(deps, '/').t;
      const b = request.body;
      const json = wantsJson(request);
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const articleId = Number(b.article_id);
      // The whole article is needed only to show the page again with an error: the happy path
      // (a few hundred a second at peak) never loads it.
      let full: Article | null | undefined;
      const loadArticle = async () => {
        if (full === undefined) full = await findPublishedArticleById(deps.db, now, articleId);
        return full;
      };
      const form: CommentFormState = {
        name: b.name ?? '',
        email: b.email ?? '',
        body: b.body ?? '',
        notify: b.notify === '1',
        parentId: b.parent_id ? Number(b.parent_id) : null,
        errors: {},
        notice: null,
      };
      const refuse = async (status: number, text: string, keepParent = true) => {
        if (json) return reply.code(status).send({ error: text, fields: form.errors });
        const article = await loadArticle();
        if (!article) return sendError(deps, request, reply, 404, t.articleMissing);
        return renderArticle(deps, request, reply, article, {
          status,
          form: { ...form, parentId: keepParent ? form.parentId : null, notice: { kind: 'error', text } },
        });
      };
      if (request.sessionExpired) return refuse(401, t.cm.sessionExpired);
      const token = checkFormToken(deps.formTokens, request, b._csrf, `comment:${articleId}`);
      if (token !== 'valid') {
        const article = await loadArticle();
        if (!article) return sendError(deps, request, reply, 404, t.articleMissing);
        // A closed thread says so, whatever the token: there is no form to get a fresh one from.
        if (!commentPolicy(deps, article).open) return refuse(403, t.commentsClosedError);
        if (token === 'invalid') {
          return json ? reply.code(403).send({ error: t.forbidden }) : sendError(deps, request, reply, 403);
        }
        return refuse(403, t.formExpired);
      }
      if (b.website) {
        // The honeypot was filled: answer like a success, store nothing.
        request.log.info({ article: articleId }, 'comment honeypot triggered');
        const article = await loadArticle();
        if (json) return reply.code(202).send({ status: 'pending', message: t.commentPending });
        return article
          ? reply.redirect(`${urls.article(article)}?comment=pending#comment-form`, 303)
          : sendError(deps, request, reply, 404, t.articleMissing);
      }
      const viewer = request.viewer;
      const visitorHash = deps.visitors.hash(request.ip, request.headers['user-agent'] ?? '', now);
      const submissionKey = createHash('sha256')
        .update(
          [
            articleId,
            form.parentId ?? 0,
            viewer ? `u${viewer.id}` : visitorHash,
            form.name.trim(),
            form.body.trim(),
          ].join('\u0000'),
        )
        .digest('base64url');
      const result = await deps.poster.post(
        {
          articleId,
          parentId: form.parentId,
          name: form.name,
          email: form.email,
          body: form.body,
          notifyReplies: form.notify,
          user: viewer,
          submissionKey,
          visitorHash,
          ipKey: deps.visitors.hash(request.ip, '', now),
        },
        now,
      );
      if (!result.ok) {
        if (result.reason === 'article-missing')
          return sendError(deps, request, reply, 404, t.articleMissing);
        return refuseResult(result, form, refuse, deps, reply);
      }
      if (result.status === 'approved' && !result.duplicate) {
        deps.bus.publish({ type: 'invalidate', tags: [`article:${articleId}`] });
        deps.bus.publish({ type: 'rankings-stale', reason: 'comment' });
        if (result.parentId !== null) void sendReplyNotice(deps, result.id);
      }
      if (!result.duplicate) deps.events.emit({ type: 'comment.created', commentId: result.id, articleId });
      const target = urls.article({
        slug: result.target.slug,
        category: { slug: result.target.categorySlug },
      });
      if (json) return answerJson(deps, request, reply, target, result);
      return result.status === 'approved'
        ? reply.redirect(`${target}?comment=posted#comment-${result.id}`, 303)
        : reply.redirect(`${target}?comment=pending#comment-form`, 303);
    },
  );
}

function refuseResult(
  result: Extract<PostCommentResult, { ok: false }>,
  form: CommentFormState,
  refuse: (status: number, text: string, keepParent?: boolean) => unknown,
  deps: SiteDeps,
  reply: FastifyReply,
) {
  const t = buildFrame(deps, '/').t;
  switch (result.reason) {
    case 'invalid': {
      const errors: CommentFormState['errors'] = {};
      for (const [field, code] of Object.entries(result.errors)) {
        errors[field as 'name' | 'email' | 'body'] = t.cm.fieldErrors[code];
      }
      form.errors = errors;
      return refuse(422, t.formHasErrors);
    }
    case 'rate-limited': {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      reply.header('retry-after', String(seconds));
      return refuse(429, t.cm.rateLimited(String(seconds)));
    }
    case 'suspended':
      return refuse(
        403,
        t.cm.suspended(formatDateTime(result.until, deps.config.locale, deps.config.timeZone)),
      );
    case 'banned':
      return refuse(403, t.cm.banned);
    case 'unverified':
      return refuse(403, t.cm.unverified);
    case 'login-required':
      return refuse(401, t.cm.loginRequired);
    case 'comments-closed':
      return refuse(403, t.commentsClosedError);
    case 'parent-missing':
      return refuse(422, t.parentMissing, false);
    default:
      return refuse(404, t.articleMissing);
  }
}

async function answerJson(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  articleUrl: string,
  result: Extract<PostCommentResult, { ok: true }>,
) {
  const t = buildFrame(deps, '/').t;
  if (result.status !== 'approved') {
    return reply.code(202).send({ status: 'pending', id: result.id, message: t.commentPending });
  }
  // A new comment is shown from what was just stored; a repeat is read back.
  const posted: CommentView | null = result.fresh
    ? {
        id: result.id,
        parentId: result.parentId,
        threadId: result.fresh.threadId,
        authorName: result.fresh.authorName,
        userId: request.viewer?.id ?? null,
        body: result.fresh.body,
        createdAt: result.fresh.createdAt,
        editedAt: null,
        featured: false,
        likes: 0,
        dislikes: 0,
        myReaction: 0,
        mine: request.viewer !== null,
        state: 'published',
        replyToName: result.fresh.replyToName,
        replies: [],
        moreReplies: 0,
      }
    : await findCommentView(deps.db, result.id, request.viewer?.id ?? null);
  const frame = buildFrame(deps, articleUrl, request);
  const count = result.target.commentCount;
  const actions = {
    articleUrl,
    sessionToken: request.sessionId ? deps.formTokens.create(formPurpose(request, '')) : null,
    canReply: true,
    editingId: null,
  };
  return reply.code(result.duplicate ? 200 : 201).send({
    status: 'approved',
    id: result.id,
    parentId: posted?.parentId ?? null,
    threadId: posted?.threadId ?? null,
    html: posted
      ? renderToString(
          <CommentItem
            f={frame}
            c={{ ...posted, replies: [], moreReplies: 0 }}
            a={actions}
            reply={posted.parentId !== null}
          />,
        )
      : '',
    count,
    countText: commentCount(frame, count),
    message: t.commentPosted,
  });
}
