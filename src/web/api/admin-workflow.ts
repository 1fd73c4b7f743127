// The Admin API's workflow steps: publish now, schedule (publish with a future `at`), unpublish.
// Each is the newsroom's own transition (newsroom/workflow.ts) acting as the token's staff member,
// so the role matrix holds: an author's token cannot publish a colleague's article. Afterwards the
// public site is refreshed and listeners told, exactly as after the same click in the back office.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WorkflowAction } from '../../newsroom/rights.js';
import { transition } from '../../newsroom/workflow.js';
import { announce } from '../admin/article-context.js';
import { AdminArticleSchema, IdSchema, openArticle, presentStored } from './admin-article-view.js';
import { adminScope, parseDateTime, tokenActor } from './admin-scope.js';
import { type ApiDeps, requireApiKey } from './auth.js';
import { ApiError, apiWords } from './errors.js';
import { ErrorResponses, ErrorSchema } from './schemas.js';

const IdParams = Type.Object({ id: IdSchema('The article’s id.') }, { additionalProperties: false });
const PublishBody = Type.Object(
  {
    at: Type.String({
      format: 'date-time',
      description: 'A future time with its offset: the article is scheduled instead of published now.',
    }),
  },
  { additionalProperties: false },
);
type PublishInput = Partial<Static<typeof PublishBody>>;

const security = [{ adminToken: [] }];
const tags = ['Admin'];
const stepErrors = { ...ErrorResponses, 409: ErrorSchema, 422: ErrorSchema };

export function adminWorkflowRoutes(api: FastifyInstance, deps: ApiDeps): void {
  adminScope(api, deps, (scope) => routes(scope, deps));
}

function routes(scope: FastifyInstance, deps: ApiDeps): void {
  const publisher = requireApiKey(deps, 'admin', 'articles:publish');

  /** Takes the step as the token's staff member; the answer is the article as it now stands. */
  async function step(request: FastifyRequest, id: number, action: WorkflowAction, at: number | null) {
    const t = apiWords(request, deps.config.locale);
    const { actor, signed } = tokenActor(request);
    const article = await openArticle(request, deps, id, actor);
    const result = await transition(deps.db, {
      id,
      action,
      actor: signed,
      now: deps.clock.now(),
      at,
      timeZone: deps.config.timeZone,
    });
    if (!result.ok) {
      switch (result.reason) {
        case 'not-found':
          throw new ApiError(404, 'not-found', t.admin.noArticle);
        case 'forbidden':
          throw new ApiError(403, 'forbidden', t.admin.noRightStep);
        case 'not-allowed-now':
          throw new ApiError(409, 'not-allowed-now', t.admin.notNow(t.admin.status[article.status]));
        case 'stale':
          throw new ApiError(409, 'stale', t.admin.stale);
        case 'time-in-past':
        case 'time-missing':
          throw new ApiError(422, result.reason, t.admin.timeInPast, 'at');
      }
    }
    if (result.to === 'published') announce(deps, id, 'published');
    else if (result.from === 'published') announce(deps, id, 'unpublished');
    if (result.to === 'scheduled') deps.scheduler.poke();
    return presentStored(deps, id);
  }

  scope.post<{ Params: { id: number }; Body: PublishInput | undefined }>(
    '/admin/articles/:id/publish',
    {
      onRequest: publisher,
      schema: {
        tags,
        security,
        summary: 'Publish now, or schedule',
        description:
          'Without a body (or without `at`) the article goes on the site now; with a future `at` it ' +
          'is scheduled and published at that time.',
        params: IdParams,
        // Keyed by media type: a request without a body is not checked against it.
        body: { content: { 'application/json': { schema: PublishBody } } },
        response: { 200: AdminArticleSchema, ...stepErrors },
      },
    },
    async (request, reply) => {
      const raw = request.body?.at;
      const at = raw === undefined ? null : parseDateTime(raw);
      if (raw !== undefined && at === null) {
        throw new ApiError(
          400,
          'invalid-request',
          apiWords(request, deps.config.locale).badField('at'),
          'at',
        );
      }
      const action = at === null ? 'publish' : 'schedule';
      const article = await step(request, request.params.id, action, at);
      return reply.header('cache-control', 'no-store').send(article);
    },
  );

  scope.post<{ Params: { id: number } }>(
    '/admin/articles/:id/unpublish',
    {
      onRequest: publisher,
      schema: {
        tags,
        security,
        summary: 'Take a published article off the site',
        params: IdParams,
        response: { 200: AdminArticleSchema, ...stepErrors },
      },
    },
    async (request, reply) => {
      const article = await step(request, request.params.id, 'unpublish', null);
      return reply.header('cache-control', 'no-store').send(article);
    },
  );
}
