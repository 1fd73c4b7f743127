// GET /api/v1/content/search: the site's own search (Bulgarian word forms, phrases, prefixes,
// the same relevance order) for API clients. Ranked results cannot be paged by keyset, so the
// cursor holds an offset, and like the site's search it stops at COUNT_CAP results.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { fullArticlesByIds } from '../../content/full-articles.js';
import { matcherOf, parseQuery } from '../../search/query.js';
import { COUNT_CAP, plainTexts, searchWithFallback } from '../../search/search.js';
import { type Segment, snippet } from '../../search/snippets.js';
import { type ApiDeps, requireApiKey } from './auth.js';
import { dateRange, parseCursor, resolveSlugFilters } from './content-params.js';
import { articleOut } from './content-present.js';
import {
  ArticleSchema,
  CONTENT_SECURITY,
  CursorParam,
  DateParam,
  LIST_FIELDS,
  LimitParam,
  SlugParam,
} from './content-schemas.js';
import { encodeCursor } from './cursor.js';
import { ApiError, apiWords, sendApiJson } from './errors.js';
import { ErrorResponses } from './schemas.js';

const SearchQuery = Type.Object({
  q: Type.String({
    maxLength: 2000,
    description:
      'The words. Any form of a Bulgarian word finds the others (енергия, енергията, енергии); ' +
      '"quotes" for a phrase, държав* for a prefix.',
    examples: ['цените на тока'],
  }),
  category: SlugParam("A section's slug; its subsections are included.", 'svyat'),
  tag: SlugParam("A topic's slug.", 'energetika'),
  author: SlugParam("An author's slug.", 'maria-ivanova'),
  from: DateParam('Published at or after this.', '2026-11-01'),
  to: DateParam('Published at or before this (a date: until the end of that day).', '2026-11-30'),
  sort: Type.Optional(
    Type.Union([Type.Literal('relevance'), Type.Literal('date')], {
      description: 'relevance (default): best matches first; date: newest first.',
    }),
  ),
  limit: LimitParam,
  cursor: CursorParam,
});

const HitSchema = Type.Object(
  {
    article: ArticleSchema,
    score: Type.Number({ description: 'Higher is a better match; compare within one search only.' }),
    snippet: Type.String({ description: 'Plain text around the best-matching part of the article.' }),
    highlights: Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), {
      description:
        '[start, end) of each matched word in `snippet`, in UTF-16 code units (JavaScript string indices).',
    }),
  },
  { additionalProperties: false },
);

const SearchResponse = Type.Object(
  {
    hits: Type.Array(HitSchema),
    meta: Type.Object(
      {
        limit: Type.Integer(),
        next_cursor: Type.Union([Type.String(), Type.Null()]),
        total: Type.Integer({ description: `Matches, counted up to ${COUNT_CAP}.` }),
        total_capped: Type.Boolean({ description: `More than ${COUNT_CAP} articles match.` }),
        partial: Type.Boolean({
          description: 'No article had every word, so these have some of them.',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** The plain text of snippet segments, and where the marked words are in it. */
function plainWithHighlights(segments: Segment[]): { text: string; highlights: [number, number][] } {
  let text = '';
  const highlights: [number, number][] = [];
  for (const s of segments) {
    if (s.hit) highlights.push([text.length, text.length + s.text.length]);
    text += s.text;
  }
  return { text, highlights };
}

export function contentSearchRoutes(api: FastifyInstance, deps: ApiDeps): void {
  api.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/content/search',
    {
      onRequest: requireApiKey(deps, 'content', 'content:read'),
      schema: {
        tags: ['Content'],
        summary: 'Search published articles',
        description: `Paged by cursor like the lists, up to the first ${COUNT_CAP} results.`,
        security: CONTENT_SECURITY,
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const t = apiWords(request, deps.config.locale);
      const q = request.query;
      if (q.q.trim() === '') throw new ApiError(400, 'invalid-request', t.queryMissing, 'q');
      const cursor = parseCursor('search', q.cursor, t);
      const offset = cursor ? (cursor[0] as number) : 0;
      if (offset >= COUNT_CAP)
        throw new ApiError(400, 'invalid-request', t.searchTooDeep(COUNT_CAP), 'cursor');
      const slugs = await resolveSlugFilters(deps, q, t);
      const range = dateRange(deps, q, ['from', 'to'], t);
      const limit = q.limit ?? 20;
      const query = parseQuery(q.q);
      const empty = {
        hits: [],
        meta: { limit, next_cursor: null, total: 0, total_capped: false, partial: false },
      };
      // Only words too common to search for: nothing can match.
      if (query.parts.length === 0) return sendApiJson(request, reply, empty);

      const page = await searchWithFallback(deps.db, {
        query,
        filters: { ...slugs, ...range },
        sort: q.sort ?? 'relevance',
        offset,
        limit: Math.min(limit, COUNT_CAP - offset),
      });
      const ids = page.hits.map((h) => h.articleId);
      const now = deps.clock.now();
      const [articles, plains] = await Promise.all([
        fullArticlesByIds(deps.db, now, ids, false),
        plainTexts(deps.db, ids),
      ]);
      const matches = matcherOf(query);
      const hits = page.hits.flatMap((h) => {
        const a = articles.get(h.articleId);
        if (!a) return [];
        const { text, highlights } = plainWithHighlights(snippet(plains.get(a.id) ?? a.lead, matches));
        return [
          {
            article: articleOut(a, LIST_FIELDS, deps.config.siteUrl),
            score: h.score,
            snippet: text,
            highlights,
          },
        ];
      });
      const reached = offset + page.hits.length;
      const next = page.hits.length > 0 && reached < page.total ? encodeCursor('search', [reached]) : null;
      return sendApiJson(request, reply, {
        hits,
        meta: {
          limit,
          next_cursor: next,
          total: page.total,
          total_capped: page.capped,
          partial: page.partial,
        },
      });
    },
  );
}
