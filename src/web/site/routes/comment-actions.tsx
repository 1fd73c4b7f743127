// What a reader does to an existing comment: edit or delete their own (signed in), react with
// 👍 / 👎 (signed in), report (anyone). Each form posts here and comes back to the article.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { prepareEditCheck } from '../../../comments/edit-check.js';
import { deleteOwnComment, editComment } from '../../../comments/edits.js';
import { listThread } from '../../../comments/listing.js';
import { react } from '../../../comments/reactions.js';
import { findPublishedArticleById } from '../../../content/articles.js';
import type { Article } from '../../../content/types.js';
import { checkFormToken, formPurpose } from '../../session.js';
import type { SiteDeps } from '../deps.js';
import { buildFrame, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { ThreadPageView } from '../views/thread.js';
import { commentPolicy, renderArticle } from './article.js';
import { sendError } from './errors.js';
import { sameOrigin, wantsJson } from './request-checks.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } },
} as const;

type Body = Record<string, string | undefined>;

/** The comment's article, if the comment exists and its article is published. */
export async function articleOfComment(deps: SiteDeps, commentId: number): Promise<Article | null> {
  const row = await deps.db
    .selectFrom('comments')
    .select('article_id')
    .where('id', '=', commentId)
    .executeTakeFirst();
  return row ? findPublishedArticleById(deps.db, deps.clock.now(), row.article_id) : null;
}

/** Signed in, same origin, a valid token bound to the session: or an answer saying which not. */
async function guard(deps: SiteDeps, request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const t = buildFrame(deps, '/').t;
  if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
  if (!request.viewer) {
    const text = request.sessionExpired ? t.cm.sessionExpired : t.cm.signInToReact;
    return wantsJson(request)
      ? reply.code(401).send({ error: text })
      : sendError(deps, request, reply, 401, text);
  }
  const token = checkFormToken(deps.formTokens, request, request.body?._csrf, '');
  if (token !== 'valid') {
    const text = token === 'expired' ? t.formExpired : t.forbidden;
    return wantsJson(request)
      ? reply.code(403).send({ error: text })
      : sendError(deps, request, reply, 403, text);
  }
  return null;
}

export function commentActionRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const limit = { rateLimit: { max: 120, timeWindow: 60_000 } };

  app.post<{ Params: { id: string }; Body: Body }>(
    '/comments/:id/react',
    { schema: { params: idParams }, config: limit },
    async (request, reply) => {
      const refused = await guard(deps, request, reply);
      if (refused) return refused;
      const t = buildFrame(deps, '/').t;
      const value = request.body?.value;
      if (value !== '1' && value !== '-1') return sendError(deps, request, reply, 400, t.badRequestText);
      const id = Number(request.params.id);
      const article = await articleOfComment(deps, id);
      if (!article) return sendError(deps, request, reply, 404, t.cm.commentMissing);
      const viewer = request.viewer!;
      const result = await react(deps.db, {
        commentId: id,
        userId: viewer.id,
        value: Number(value) as 1 | -1,
        now: deps.clock.now(),
      });
      if (!result.ok) {
        const text = result.reason === 'own-comment' ? t.cm.ownReaction : t.cm.commentMissing;
        const status = result.reason === 'own-comment' ? 403 : 404;
        return wantsJson(request)
          ? reply.code(status).send({ error: text })
          : sendError(deps, request, reply, status, text);
      }
      deps.bus.publish({ type: 'invalidate', tags: [`article:${article.id}`] });
      if (wantsJson(request)) return reply.send(result);
      return reply.redirect(`${urls.article(article)}#comment-${id}`, 303);
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    '/comments/:id/edit',
    { schema: { params: idParams }, config: limit },
    async (request, reply) => {
      const refused = await guard(deps, request, reply);
      if (refused) return refused;
      const t = buildFrame(deps, '/').t;
      const id = Number(request.params.id);
      const body = typeof request.body?.body === 'string' ? request.body.body.slice(0, 100_000) : '';
      const article = await articleOfComment(deps, id);
      if (!article) return sendError(deps, request, reply, 404, t.cm.commentMissing);
      const viewer = request.viewer!;
      const now = deps.clock.now();
      const recheck = await prepareEditCheck(
        { db: deps.db, settings: () => deps.commentSettings.get(), categories: () => deps.categories.all },
        { articleId: article.id, userId: viewer.id, name: viewer.displayName },
        now,
      );
      if (!recheck) return sendError(deps, request, reply, 404, t.cm.commentMissing);
      const result = await editComment(deps.db, { commentId: id, userId: viewer.id, body, now, recheck });
      if (!result.ok) {
        if (result.reason === 'invalid') {
          const editError = result.error ? t.cm.fieldErrors[result.error] : t.formHasErrors;
          return renderArticle(deps, request, reply, article, {
            status: 422,
            editingId: id,
            editBody: body,
            editError,
          });
        }
        const text =
          result.reason === 'not-yours'
            ? t.cm.notYours
            : result.reason === 'too-late'
              ? t.cm.tooLate
              : t.cm.commentMissing;
        const status = result.reason === 'not-yours' || result.reason === 'too-late' ? 403 : 404;
        return sendError(deps, request, reply, status, text);
      }
      deps.bus.publish({ type: 'invalidate', tags: [`article:${article.id}`] });
      deps.bus.publish({ type: 'rankings-stale', reason: 'comment' });
      const notice = result.status === 'approved' ? 'saved' : 'saved-pending';
      return reply.redirect(`${urls.article(article)}?comment=${notice}#comment-${id}`, 303);
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    '/comments/:id/delete',
    { schema: { params: idParams }, config: limit },
    async (request, reply) => {
      const refused = await guard(deps, request, reply);
      if (refused) return refused;
      const t = buildFrame(deps, '/').t;
      const id = Number(request.params.id);
      const article = await articleOfComment(deps, id);
      if (!article) return sendError(deps, request, reply, 404, t.cm.commentMissing);
      const result = await deleteOwnComment(deps.db, {
        commentId: id,
        userId: request.viewer!.id,
        now: deps.clock.now(),
      });
      if (!result.ok) {
        const status = result.reason === 'not-yours' ? 403 : 404;
        return sendError(
          deps,
          request,
          reply,
          status,
          result.reason === 'not-yours' ? t.cm.notYours : t.cm.commentMissing,
        );
      }
      deps.bus.publish({ type: 'invalidate', tags: [`article:${article.id}`] });
      deps.bus.publish({ type: 'rankings-stale', reason: 'comment' });
      return reply.redirect(`${urls.article(article)}?comment=deleted#comments`, 303);
    },
  );

  // A permalink to a comment: a thread gets a page of its own with all its replies (the article
  // page shows only the first ones); a reply is sent to its place on the article page.
  app.get<{ Params: { id: string } }>(
    '/comments/:id',
    { schema: { params: idParams } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const article = await articleOfComment(deps, id);
      if (!article) return sendError(deps, request, reply, 404, buildFrame(deps, '/').t.cm.commentMissing);
      const thread = await listThread(deps.db, article.id, id, request.viewer?.id ?? null);
      if (!thread) return reply.redirect(`${urls.article(article)}#comment-${id}`, 302);
      const policy = commentPolicy(deps, article);
      const actions = {
        articleUrl: urls.article(article),
        sessionToken: request.sessionId ? deps.formTokens.create(formPurpose(request, '')) : null,
        canReply: policy.open && (policy.who === 'guests' || request.viewer !== null),
        editingId: null,
      };
      const f = buildFrame(deps, urls.commentThread(id), request);
      return sendPage(
        deps,
        request,
        reply,
        <ThreadPageView f={f} articleTitle={article.title} thread={thread} actions={actions} />,
        {
          cacheable: false,
        },
      );
    },
  );
}
