// The article page and the comment form behind it.
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { type CommentPolicy, resolvePolicy } from '../../../comments/policy.js';
import { listThreads, postComment } from '../../../comments/threads.js';
import { findPublishedArticle, findPublishedArticleById } from '../../../content/articles.js';
import { relatedByTags } from '../../../content/lists.js';
import type { Article } from '../../../content/types.js';
import type { SiteDeps } from '../deps.js';
import { articleTags, buildFrame, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { ArticlePage } from '../views/article.js';
import { type CommentFormState, CommentItem, emptyForm } from '../views/comments.js';
import { commentCount } from '../views/format.js';
import { sendError } from './errors.js';

const CommentBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 1000 })),
  article_id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }),
  parent_id: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,9})?$' })),
  name: Type.Optional(Type.String({ maxLength: 10_000 })),
  body: Type.Optional(Type.String({ maxLength: 100_000 })),
  website: Type.Optional(Type.String({ maxLength: 2000 })),
});

type CommentBodyT = {
  _csrf?: string;
  article_id: string;
  parent_id?: string;
  name?: string;
  body?: string;
  website?: string;
};

export function commentPolicy(deps: SiteDeps, article: Article): CommentPolicy {
  return resolvePolicy({
    site: deps.commentSettings.get(),
    categories: deps.categories.all,
    categoryId: article.categoryId,
    article: article.commentRules,
    publishedAt: article.publishedAt,
    now: deps.clock.now(),
  });
}

const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json');

export function articleRoutes(app: FastifyInstance, deps: SiteDeps): void {
  async function renderArticle(
    request: FastifyRequest,
    reply: FastifyReply,
    article: Article,
    form: CommentFormState,
    status = 200,
  ) {
    const now = deps.clock.now();
    const [threads, related] = await Promise.all([
      listThreads(deps.db, article.id),
      relatedByTags(
        deps.db,
        now,
        article.id,
        article.tags.map((t) => t.id),
        4,
      ),
    ]);
    let replyToName: string | null = null;
    if (form.parentId !== null) {
      const all = threads.flatMap((c) => [c, ...c.replies]);
      replyToName = all.find((c) => c.id === form.parentId)?.authorName ?? null;
      if (replyToName === null) form = { ...form, parentId: null };
    }
    const data = {
      article,
      related,
      threads,
      form,
      policy: commentPolicy(deps, article),
      formToken: deps.formTokens.create(`comment:${article.id}`),
      replyToName,
    };
    const view = <ArticlePage frame={buildFrame(deps, urls.article(article))} data={data} />;
    return sendPage(deps, request, reply, view, {
      status,
      tags: [`article:${article.id}`, ...articleTags(related)],
      cacheable: status === 200 && form === emptyForm,
    });
  }

  app.get<{ Params: { category: string; slug: string }; Querystring: Record<string, string> }>(
    '/:category/:slug',
    async (request, reply) => {
      const article = await findPublishedArticle(
        deps.db,
        deps.clock.now(),
        request.params.category,
        request.params.slug,
      );
      if (!article) return sendError(deps, request, reply, 404);
      const t = buildFrame(deps, '/').t;
      const q = request.query;
      let form = emptyForm;
      if (q.reply !== undefined) {
        if (!/^[1-9][0-9]{0,9}$/.test(q.reply)) return sendError(deps, request, reply, 400);
        form = { ...emptyForm, parentId: Number(q.reply) };
      }
      if (q.comment === 'pending') form = { ...form, notice: { kind: 'ok', text: t.commentPending } };
      return renderArticle(request, reply, article, form);
    },
  );

  app.post<{ Body: CommentBodyT }>(
    '/comments',
    {
      schema: { body: CommentBody },
      config: { rateLimit: { max: deps.config.commentsPerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const t = buildFrame(deps, '/').t;
      const b = request.body;
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const article = await findPublishedArticleById(deps.db, now, Number(b.article_id));
      if (!article) return sendError(deps, request, reply, 404, t.articleMissing);
      if (!commentPolicy(deps, article).open)
        return sendError(deps, request, reply, 403, t.commentsClosedError);
      const form: CommentFormState = {
        name: b.name ?? '',
        body: b.body ?? '',
        parentId: b.parent_id ? Number(b.parent_id) : null,
        errors: {},
        notice: null,
      };
      const token = deps.formTokens.check(b._csrf, `comment:${article.id}`);
      if (token !== 'valid') {
        if (wantsJson(request))
          return reply.code(403).send({ error: token === 'expired' ? t.formExpired : t.forbidden });
        if (token === 'invalid') return sendError(deps, request, reply, 403);
        return renderArticle(
          request,
          reply,
          article,
          { ...form, notice: { kind: 'error', text: t.formExpired } },
          403,
        );
      }
      if (b.website) {
        // The honeypot was filled: answer like a success, store nothing.
        request.log.info({ article: article.id }, 'comment honeypot triggered');
        return wantsJson(request)
          ? reply.code(202).send({ status: 'pending', message: t.commentPending })
          : reply.redirect(`${urls.article(article)}?comment=pending#comment-form`, 303);
      }
      const visitorHash = deps.visitors.hash(request.ip, request.headers['user-agent'] ?? '', now);
      const submissionKey = createHash('sha256')
        .update(
          [article.id, form.parentId ?? 0, visitorHash, form.name.trim(), form.body.trim()].join('\u0000'),
        )
        .digest('base64url');
      const result = await postComment(
        deps.db,
        {
          articleId: article.id,
          parentId: form.parentId,
          name: form.name,
          body: form.body,
          submissionKey,
          visitorHash,
        },
        now,
      );
      if (!result.ok) {
        const errors: CommentFormState['errors'] = {};
        if (result.reason === 'invalid') {
          for (const [field, code] of Object.entries(result.errors)) {
            errors[field as 'name' | 'body'] = t.commentErrors[code];
          }
        }
        const text =
          result.reason === 'invalid'
            ? t.formHasErrors
            : result.reason === 'parent-missing'
              ? t.parentMissing
              : result.reason === 'comments-closed'
                ? t.commentsClosedError
                : t.articleMissing;
        if (wantsJson(request)) return reply.code(422).send({ error: text, fields: errors });
        const parentId = result.reason === 'parent-missing' ? null : form.parentId;
        return renderArticle(
          request,
          reply,
          article,
          { ...form, parentId, errors, notice: { kind: 'error', text } },
          422,
        );
      }
      if (result.status === 'approved' && !result.duplicate) {
        deps.bus.publish({ type: 'invalidate', tags: [`article:${article.id}`] });
        deps.bus.publish({ type: 'rankings-stale', reason: 'comment' });
      }
      if (wantsJson(request)) {
        if (result.status !== 'approved')
          return reply.code(202).send({ status: 'pending', message: t.commentPending });
        const threads = await listThreads(deps.db, article.id);
        const posted = threads.flatMap((c) => [c, ...c.replies]).find((c) => c.id === result.id);
        const frame = buildFrame(deps, urls.article(article));
        const fresh = await findPublishedArticleById(deps.db, now, article.id);
        return reply.code(result.duplicate ? 200 : 201).send({
          status: 'approved',
          id: result.id,
          parentId: posted?.parentId ?? null,
          threadId:
            threads.find((c) => c.id === result.id || c.replies.some((r) => r.id === result.id))?.id ?? null,
          html: posted
            ? renderToString(
                <CommentItem f={frame} c={{ ...posted, replies: [] }} reply={posted.parentId !== null} />,
              )
            : '',
          count: fresh?.commentCount ?? article.commentCount,
          countText: commentCount(frame, fresh?.commentCount ?? article.commentCount),
          message: t.commentPosted,
        });
      }
      return result.status === 'approved'
        ? reply.redirect(`${urls.article(article)}#comment-${result.id}`, 303)
        : reply.redirect(`${urls.article(article)}?comment=pending#comment-form`, 303);
    },
  );
}

/**
 * A browser's cross-site form post says so: Sec-Fetch-Site, or a foreign Origin or Referer.
 * Requests without any of these (non-browser clients) still need a valid form token.
 */
export function sameOrigin(request: FastifyRequest, siteUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return true;
  if (site === 'cross-site' || site === 'same-site') return false;
  const source = request.headers.origin ?? request.headers.referer;
  if (source === undefined) return true;
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    return false; // "null" and garbage
  }
  return host === request.headers.host || host === new URL(siteUrl).host;
}
