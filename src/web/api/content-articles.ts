// GET /api/v1/content/articles (newest first, filtered, paged by cursor), one article by id and
// by slug. Only published articles whose time has come exist here: drafts, articles in review,
// scheduled and unpublished ones are 404s, never "forbidden", so their existence does not leak.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { fullArticleBySlug, fullArticlesByIds, listFullArticles } from '../../content/full-articles.js';
import { type ApiDeps, requireApiKey } from './auth.js';
import {
  dateRange,
  flag,
  parseApiDate,
  parseCursor,
  parseFields,
  resolveSlugFilters,
} from './content-params.js';
import { articleOut } from './content-present.js';
import {
  ARTICLE_FIELDS,
  type ArticleField,
  ArticleSchema,
  CONTENT_SECURITY,
  CursorParam,
  DateParam,
  LIST_FIELDS,
  LimitParam,
  PageMetaSchema,
  SlugParam,
} from './content-schemas.js';
import { encodeCursor } from './cursor.js';
import { ApiError, apiWords, sendApiJson } from './errors.js';
import { ErrorResponses } from './schemas.js';

const FieldsParam = (defaults: string) =>
  Type.Optional(
    Type.String({
      maxLength: 500,
      description: `Comma-separated fields to send: ${ARTICLE_FIELDS.join(', ')}. Default: ${defaults}.`,
      examples: ['id,title,url,published_at'],
    }),
  );

const ListQuery = Type.Object({
  category: SlugParam("A section's slug; articles of its subsections are included.", 'sport'),
  tag: SlugParam("A topic's slug.", 'energetika'),
  author: SlugParam("An author's slug.", 'maria-ivanova'),
  since: DateParam('Published at or after this.', '2026-11-01'),
  until: DateParam('Published at or before this (a date: until the end of that day).', '2026-11-30'),
  updated_since: DateParam(
    'Changed at or after this: to keep a copy in step, ask with the time of your last sync.',
    '2026-11-25T08:00:00Z',
  ),
  breaking: Type.Optional(
    Type.Union([Type.Literal('true'), Type.Literal('false')], {
      description: 'true: only breaking news; false: only the rest.',
    }),
  ),
  fields: FieldsParam('every field but body_html'),
  limit: LimitParam,
  cursor: CursorParam,
});

const OneQuery = Type.Object({ fields: FieldsParam('every field, body_html included') });

const security = CONTENT_SECURITY;
const OneResponse = Type.Object({ article: ArticleSchema }, { additionalProperties: false });

export function contentArticleRoutes(api: FastifyInstance, deps: ApiDeps): void {
  const onRequest = requireApiKey(deps, 'content', 'content:read');
  const siteUrl = deps.config.siteUrl;

  api.get<{ Querystring: Static<typeof ListQuery> }>(
    '/content/articles',
    {
      onRequest,
      schema: {
        tags: ['Content'],
        summary: 'Published articles, newest first',
        description:
          'Paged by cursor: pass `meta.next_cursor` as `cursor` until it is null. Articles published ' +
          'between two requests never make a page repeat or skip one.',
        security,
        querystring: ListQuery,
        response: {
          200: Type.Object(
            { articles: Type.Array(ArticleSchema), meta: PageMetaSchema },
            { additionalProperties: false },
          ),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const q = request.query;
      const fields = parseFields(q.fields, ARTICLE_FIELDS, LIST_FIELDS, t);
      const cursor = parseCursor('articles', q.cursor, t);
      const slugs = await resolveSlugFilters(deps, q, t);
      const range = dateRange(deps, q, ['since', 'until'], t);
      const updatedSince =
        q.updated_since === undefined
          ? undefined
          : parseApiDate(q.updated_since, 'start', deps.config.timeZone, 'updated_since', t);
      const limit = q.limit ?? 20;
      const breaking = flag(q.breaking);
      // One more than the page: whether there is a next page, without counting.
      const rows = await listFullArticles(
        deps.db,
        deps.clock.now(),
        {
          ...slugs,
          ...(range.from === undefined ? {} : { since: range.from }),
          ...(range.to === undefined ? {} : { until: range.to }),
          ...(updatedSince === undefined ? {} : { updatedSince }),
          ...(breaking === undefined ? {} : { breaking }),
        },
        {
          after: cursor ? { publishedAt: cursor[0] as number, id: cursor[1] as number } : null,
          limit: limit + 1,
          body: fields.includes('body_html'),
        },
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const next = rows.length > limit && last ? encodeCursor('articles', [last.publishedAt, last.id]) : null;
      return sendApiJson(request, reply, {
        articles: page.map((a) => articleOut(a, fields, siteUrl)),
        meta: { limit, next_cursor: next },
      });
    },
  );

  const one = (fields: ArticleField[], found: Parameters<typeof articleOut>[0] | null | undefined) => {
    if (!found) return null;
    return { article: articleOut(found, fields, siteUrl) };
  };

  api.get<{ Params: { id: number }; Querystring: Static<typeof OneQuery> }>(
    '/content/articles/:id',
    {
      onRequest,
      schema: {
        tags: ['Content'],
        summary: 'One published article by id',
        security,
        params: Type.Object({
          id: Type.Integer({
            minimum: 1,
            maximum: 2_147_483_647,
            description: "The article's id.",
            examples: [42],
          }),
        }),
        querystring: OneQuery,
        response: { 200: OneResponse, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const fields = parseFields(request.query.fields, ARTICLE_FIELDS, ARTICLE_FIELDS, t);
      const found = await fullArticlesByIds(
        deps.db,
        deps.clock.now(),
        [request.params.id],
        fields.includes('body_html'),
      );
      const body = one(fields, found.get(request.params.id));
      if (!body) throw new ApiError(404, 'not-found', t.notFound);
      return sendApiJson(request, reply, body);
    },
  );

  api.get<{ Params: { slug: string }; Querystring: Static<typeof OneQuery> }>(
    '/content/articles/slug/:slug',
    {
      onRequest,
      schema: {
        tags: ['Content'],
        summary: 'One published article by slug',
        description:
          'Slugs may be Cyrillic (percent-encoded in the URL). A slug is unique within a section; ' +
          'if two sections share one, the newest article is given.',
        security,
        params: Type.Object({
          slug: Type.String({
            minLength: 1,
            maxLength: 200,
            description: "The article's slug, as in its URL.",
            examples: ['zhalt-kod-za-silen-vyatar'],
          }),
        }),
        querystring: OneQuery,
        response: { 200: OneResponse, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const fields = parseFields(request.query.fields, ARTICLE_FIELDS, ARTICLE_FIELDS, t);
      const found = await fullArticleBySlug(
        deps.db,
        deps.clock.now(),
        request.params.slug.normalize('NFC'),
        fields.includes('body_html'),
      );
      const body = one(fields, found);
      if (!body) throw new ApiError(404, 'not-found', t.notFound);
      return sendApiJson(request, reply, body);
    },
  );
}
