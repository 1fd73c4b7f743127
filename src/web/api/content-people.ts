// GET /api/v1/content/tags and /authors (paged by cursor, by id) and one of each by slug.
// Lists hold only those with published articles unless `all=true`: a tag made in the editor and
// never published is the newsroom's business. One tag or author is found by slug either way.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findAuthorBySlug, findTagBySlug } from '../../content/people.js';
import { listAuthors, listTags, publishedCounts } from '../../content/people-lists.js';
import { type ApiDeps, requireApiKey } from './auth.js';
import { flag, parseCursor } from './content-params.js';
import { authorOut, tagOut } from './content-present.js';
import {
  AllParam,
  AuthorSchema,
  CONTENT_SECURITY,
  CursorParam,
  LimitParam,
  PageMetaSchema,
  TAG_KINDS,
  TagSchema,
} from './content-schemas.js';
import { encodeCursor } from './cursor.js';
import { ApiError, apiWords, sendApiJson } from './errors.js';
import { ErrorResponses } from './schemas.js';

const security = CONTENT_SECURITY;

const TagsQuery = Type.Object({
  kind: Type.Optional(
    Type.Union(
      TAG_KINDS.map((k) => Type.Literal(k)),
      { description: 'Only tags of this kind.', examples: ['person'] },
    ),
  ),
  all: AllParam,
  limit: LimitParam,
  cursor: CursorParam,
});
const AuthorsQuery = Type.Object({ all: AllParam, limit: LimitParam, cursor: CursorParam });
const SlugParams = (what: string, example: string) =>
  Type.Object({
    slug: Type.String({ minLength: 1, maxLength: 200, description: what, examples: [example] }),
  });

/** Id-keyset paging: the cursor is the last id sent. */
function pageOf<T extends { id: number }>(rows: T[], limit: number, kind: 'tags' | 'authors') {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, next: rows.length > limit && last ? encodeCursor(kind, [last.id]) : null };
}

export function contentPeopleRoutes(api: FastifyInstance, deps: ApiDeps): void {
  const onRequest = requireApiKey(deps, 'content', 'content:read');
  const siteUrl = deps.config.siteUrl;

  api.get<{ Querystring: Static<typeof TagsQuery> }>(
    '/content/tags',
    {
      onRequest,
      schema: {
        tags: ['Content'],
        summary: 'Topics, people, places and organisations articles are tagged with',
        description: 'In the order they were made; paged by cursor.',
        security,
        querystring: TagsQuery,
        response: {
          200: Type.Object(
            { tags: Type.Array(TagSchema), meta: PageMetaSchema },
            { additionalProperties: false },
          ),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const q = request.query;
      const after = parseCursor('tags', q.cursor, t);
      const limit = q.limit ?? 20;
      const now = deps.clock.now();
      const rows = await listTags(deps.db, now, {
        afterId: after ? (after[0] as number) : null,
        limit: limit + 1,
        all: flag(q.all) ?? false,
        ...(q.kind ? { kind: q.kind } : {}),
      });
      const { page, next } = pageOf(rows, limit, 'tags');
      const counts = await publishedCounts(
        deps.db,
        now,
        'tags',
        page.map((x) => x.id),
      );
      return sendApiJson(request, reply, {
        tags: page.map((x) => tagOut(x, counts.get(x.id) ?? 0, siteUrl)),
        meta: { limit, next_cursor: next },
      });
    },
  );

  api.get<{ Params: { slug: string } }>(
    '/content/tags/:slug',
    {
      onRequest,
      schema: {
        tags: ['Content'],
        summary: 'One tag by slug',
        security,
        params: SlugParams("The tag's slug, as in /tema/{slug}.", 'energetika'),
        response: {
          200: Type.Object({ tag: TagSchema }, { additionalProperties: false }),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const tag = await findTagBySlug(deps.db, request.params.slug.normalize('NFC'));
      if (!tag) throw new ApiError(404, 'not-found', t.notFound);
      const counts = await publishedCounts(deps.db, deps.clock.now(), 'tags', [tag.id]);
      return sendApiJson(request, reply, { tag: tagOut(tag, counts.get(tag.id) ?? 0, siteUrl) });
    },
  );

  api.get<{ Querystring: Static<typeof AuthorsQuery> }>(
    '/content/authors',
    {
      onRequest,
      schema: {
        tags: ['Content'],
        summary: 'Authors',
        description: 'In the order they were added; paged by cursor.',
        security,
        querystring: AuthorsQuery,
        response: {
          200: Type.Object(
            { authors: Type.Array(AuthorSchema), meta: PageMetaSchema },
            { additionalProperties: false },
          ),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const q = request.query;
      const after = parseCursor('authors', q.cursor, t);
      const limit = q.limit ?? 20;
      const now = deps.clock.now();
      const rows = await listAuthors(deps.db, now, {
        afterId: after ? (after[0] as number) : null,
        limit: limit + 1,
        all: flag(q.all) ?? false,
      });
      const { page, next } = pageOf(rows, limit, 'authors');
      const counts = await publishedCounts(
        deps.db,
        now,
        'authors',
        page.map((x) => x.id),
      );
      return sendApiJson(request, reply, {
        authors: page.map((x) => authorOut(x, counts.get(x.id) ?? 0, siteUrl)),
        meta: { limit, next_cursor: next },
      });
    },
  );

  api.get<{ Params: { slug: string } }>(
    '/content/authors/:slug',
    {
      onRequest,
      schema: {
        tags: ['Content'],
        summary: 'One author by slug',
        security,
        params: SlugParams("The author's slug, as in /avtor/{slug}.", 'maria-ivanova'),
        response: {
          200: Type.Object({ author: AuthorSchema }, { additionalProperties: false }),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const author = await findAuthorBySlug(deps.db, request.params.slug.normalize('NFC'));
      if (!author) throw new ApiError(404, 'not-found', t.notFound);
      const counts = await publishedCounts(deps.db, deps.clock.now(), 'authors', [author.id]);
      return sendApiJson(request, reply, { author: authorOut(author, counts.get(author.id) ?? 0, siteUrl) });
    },
  );
}
