// Reporting a comment (guests too: abuse is everyone's business) and the "още коментари"
// fragment the page's script appends without a reload.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { findCommentView, listThreadPage } from '../../../comments/listing.js';
import { reportComment } from '../../../comments/reports.js';
import { findPublishedArticleById } from '../../../content/articles.js';
import type { Article } from '../../../content/types.js';
import { checkFormToken, formPurpose } from '../../session.js';
import type { SiteDeps } from '../deps.js';
import { buildFrame, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { CommentList, commentsUrl } from '../views/comments.js';
import { type ReportFormState, ReportPage } from '../views/report.js';
import { commentPolicy } from './article.js';
import { articleOfComment } from './comment-actions.js';
import { sendError } from './errors.js';
import { sameOrigin } from './request-checks.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } },
} as const;

const emptyReport: ReportFormState = { reason: '', note: '', errors: {}, notice: null };

async function showReport(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  article: Article,
  commentId: number,
  form: ReportFormState,
  status = 200,
) {
  const comment = await findCommentView(deps.db, commentId, request.viewer?.id ?? null);
  if (!comment || comment.state !== 'published') {
    return sendError(deps, request, reply, 404, buildFrame(deps, '/').t.cm.commentMissing);
  }
  const f = buildFrame(deps, urls.commentAction(commentId, 'report'), request);
  const token = deps.formTokens.create(formPurpose(request, `report:${commentId}`));
  const view = (
    <ReportPage
      f={f}
      comment={comment}
      articleUrl={urls.article(article)}
      articleTitle={article.title}
      token={token}
      form={form}
    />
  );
  return sendPage(deps, request, reply, view, { status, cacheable: false });
}

export function commentReportRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Params: { id: string } }>(
    '/comments/:id/report',
    { schema: { params: idParams } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const article = await articleOfComment(deps, id);
      if (!article) return sendError(deps, request, reply, 404, buildFrame(deps, '/').t.cm.commentMissing);
      return showReport(deps, request, reply, article, id, emptyReport);
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    '/comments/:id/report',
    { schema: { params: idParams }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const t = buildFrame(deps, '/').t;
      const id = Number(request.params.id);
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const article = await articleOfComment(deps, id);
      if (!article) return sendError(deps, request, reply, 404, t.cm.commentMissing);
      const body = request.body ?? {};
      const form: ReportFormState = {
        reason: typeof body.reason === 'string' ? body.reason.slice(0, 40) : '',
        note: typeof body.note === 'string' ? body.note.slice(0, 10_000) : '',
        errors: {},
        notice: null,
      };
      const token = checkFormToken(deps.formTokens, request, body._csrf, `report:${id}`);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired')
        return showReport(deps, request, reply, article, id, { ...form, notice: t.formExpired }, 403);
      const now = deps.clock.now();
      const viewer = request.viewer;
      const result = await reportComment(deps.db, {
        commentId: id,
        reporterKey: viewer
          ? `u:${viewer.id}`
          : `v:${deps.visitors.hash(request.ip, request.headers['user-agent'] ?? '', now)}`,
        userId: viewer?.id ?? null,
        reason: form.reason as never,
        note: form.note,
        now,
      });
      if (!result.ok) {
        if (result.reason === 'not-found') return sendError(deps, request, reply, 404, t.cm.commentMissing);
        if (result.reason === 'own-comment') return sendError(deps, request, reply, 403, t.cm.reportOwn);
        const errors =
          result.reason === 'invalid-reason'
            ? { reason: t.cm.reportReasonRequired }
            : { note: t.cm.reportNoteTooLong };
        return showReport(
          deps,
          request,
          reply,
          article,
          id,
          { ...form, errors, notice: t.formHasErrors },
          422,
        );
      }
      return reply.redirect(`${urls.article(article)}?comment=reported#comment-${id}`, 303);
    },
  );

  // The next page of threads as HTML for the script's "още коментари" button.
  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/api/comments/:id',
    { schema: { params: idParams } },
    async (request, reply) => {
      const t = buildFrame(deps, '/').t;
      const q = request.query;
      const page = q.page ?? '1';
      const sort = q.sort ?? 'newest';
      if (!/^[1-9][0-9]{0,5}$/.test(page) || (sort !== 'newest' && sort !== 'oldest' && sort !== 'top')) {
        return reply.code(400).send({ error: t.badRequestText });
      }
      const article = await findPublishedArticleById(deps.db, deps.clock.now(), Number(request.params.id));
      if (!article) return reply.code(404).send({ error: t.articleMissing });
      const list = await listThreadPage(deps.db, article.id, {
        sort,
        page: Number(page),
        viewerId: request.viewer?.id ?? null,
      });
      const f = buildFrame(deps, urls.article(article), request);
      const policy = commentPolicy(deps, article);
      const actions = {
        articleUrl: urls.article(article),
        sessionToken: request.sessionId ? deps.formTokens.create(formPurpose(request, '')) : null,
        canReply: policy.open && (policy.who === 'guests' || request.viewer !== null),
        editingId: null,
      };
      const next = list.page < list.pages ? list.page + 1 : null;
      return reply.header('cache-control', request.viewer ? 'private, no-store' : 'public, max-age=30').send({
        html: renderToString(<CommentList f={f} page={list} a={actions} />),
        page: list.page,
        pages: list.pages,
        next: next ? urls.commentFragment(article.id, next, sort) : null,
        nextHref: next ? commentsUrl(urls.article(article), list.sort, next) : null,
      });
    },
  );
}
