// The Admin API's articles: read one in any status, create a draft, change it. Everything goes
// through the newsroom as the editor form does (newsroom/editing.ts: sanitizing, typography, slugs,
// tags, revisions), acting as the token's staff member with their rights.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../accounts/roles.js';
import { authorIdForUser } from '../../newsroom/bylines.js';
import type { SaveFailure } from '../../newsroom/editing.js';
import { announce } from '../admin/article-context.js';
import { blankDraft } from '../admin/article-form.js';
import {
  AdminArticleSchema,
  type DraftInput,
  DraftProperties,
  draftError,
  draftFrom,
  IdSchema,
  openArticle,
  presentArticle,
  presentStored,
} from './admin-article-view.js';
import { adminScope, tokenActor } from './admin-scope.js';
import { type ApiDeps, requireApiKey } from './auth.js';
import { ApiError, apiWords, sendApiJson } from './errors.js';
import { ErrorResponses, ErrorSchema } from './schemas.js';

/** An article body is up to 400 000 characters of HTML (newsroom/validate.ts), in UTF-8 and JSON. */
const ARTICLE_BODY_LIMIT = 2 * 1024 * 1024;

const IdParams = Type.Object({ id: IdSchema('The article’s id.') }, { additionalProperties: false });
const optional = Type.Partial(Type.Object(DraftProperties)).properties;
const CreateBody = Type.Object(
  { ...optional, title: DraftProperties.title, category: DraftProperties.category },
  { additionalProperties: false },
);
const PatchBody = Type.Object(
  {
    ...optional,
    version: IdSchema('The version you read; a newer stored one is a 409.'),
  },
  { additionalProperties: false },
);

/** A save over a version that is no longer the stored one: the error names the current version. */
const ConflictSchema = Type.Object(
  {
    error: Type.Object(
      {
        status: Type.Literal(409),
        code: Type.Literal('version-conflict'),
        message: Type.String(),
        field: Type.Literal('version'),
        current_version: Type.Integer(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const security = [{ adminToken: [] }];
const tags = ['Admin'];
const writeErrors = { ...ErrorResponses, 413: ErrorSchema, 422: ErrorSchema };

export function adminArticleRoutes(api: FastifyInstance, deps: ApiDeps): void {
  adminScope(api, deps, (scope) => routes(scope, deps));
}

function routes(scope: FastifyInstance, deps: ApiDeps): void {
  const writer = requireApiKey(deps, 'admin', 'articles:write');

  scope.get<{ Params: { id: number } }>(
    '/admin/articles/:id',
    {
      onRequest: writer,
      schema: {
        tags,
        security,
        summary: 'One article in any status',
        description: 'Any article the token’s staff member may open in the back office.',
        params: IdParams,
        response: { 200: AdminArticleSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const article = await openArticle(request, deps, request.params.id, tokenActor(request).actor);
      return sendApiJson(request, reply, await presentArticle(deps, article));
    },
  );

  scope.post<{ Body: DraftInput & { title: string; category: number | string } }>(
    '/admin/articles',
    {
      onRequest: writer,
      bodyLimit: ARTICLE_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Create a draft',
        body: CreateBody,
        response: { 201: AdminArticleSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const { actor, signed } = tokenActor(request);
      if (!can(actor.role, 'articles.write')) throw new ApiError(403, 'forbidden', t.admin.noWrite);
      const now = deps.clock.now();
      const made = await draftFrom(deps, blankDraft(0), request.body, () =>
        authorIdForUser(deps.db, actor, now),
      );
      if (!made.ok) throw draftError(request, deps, made.errors);
      const saved = await deps.articles.create(made.draft, signed, now);
      if (!saved.ok) return refuseSave(request, reply, deps, saved);
      return reply
        .code(201)
        .header('location', `${deps.config.siteUrl}${request.routeOptions.url}/${saved.id}`)
        .header('cache-control', 'no-store')
        .send(await presentStored(deps, saved.id));
    },
  );

  scope.patch<{ Params: { id: number }; Body: DraftInput & { version: number } }>(
    '/admin/articles/:id',
    {
      onRequest: writer,
      bodyLimit: ARTICLE_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Change an article',
        description:
          'Fields not sent keep their stored values. A published article changes on the site at once.',
        params: IdParams,
        body: PatchBody,
        response: { 200: AdminArticleSchema, 409: ConflictSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { actor, signed } = tokenActor(request);
      const article = await openArticle(request, deps, request.params.id, actor);
      const now = deps.clock.now();
      const { version, ...input } = request.body;
      const made = await draftFrom(deps, article, input, () => authorIdForUser(deps.db, actor, now));
      if (!made.ok) throw draftError(request, deps, made.errors);
      const saved = await deps.articles.save(article.id, made.draft, version, signed, now);
      if (!saved.ok) return refuseSave(request, reply, deps, saved);
      if (saved.public) announce(deps, saved.id, 'updated');
      return reply.header('cache-control', 'no-store').send(await presentStored(deps, saved.id));
    },
  );
}

function refuseSave(request: FastifyRequest, reply: FastifyReply, deps: ApiDeps, failed: SaveFailure) {
  const t = apiWords(request, deps.config.locale);
  switch (failed.reason) {
    case 'invalid':
      throw draftError(request, deps, failed.errors, failed.slugSuggestion);
    case 'not-found':
      throw new ApiError(404, 'not-found', t.admin.noArticle);
    case 'forbidden':
      throw new ApiError(403, 'forbidden', t.admin.noRightArticle);
    case 'conflict':
      return reply
        .code(409)
        .header('cache-control', 'no-store')
        .send({
          error: {
            status: 409,
            code: 'version-conflict',
            message: t.admin.conflict(failed.currentVersion, failed.by),
            field: 'version',
            current_version: failed.currentVersion,
          },
        });
  }
}
