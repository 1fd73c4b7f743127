// GET /api/v1/content/categories: every section, in the site's order, with its parent. Small
// enough to send whole, so it is neither paged nor filtered.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { urls } from '../site/urls.js';
import { type ApiDeps, requireApiKey } from './auth.js';
import { sendApiJson } from './errors.js';
import { ErrorResponses } from './schemas.js';

export const CategorySchema = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    parent_id: Type.Union([Type.Integer(), Type.Null()]),
    url: Type.String({ format: 'uri' }),
  },
  { $id: 'Category', additionalProperties: false },
);
export type CategoryOut = Static<typeof CategorySchema>;

export function contentCategoryRoutes(api: FastifyInstance, deps: ApiDeps): void {
  api.get(
    '/content/categories',
    {
      onRequest: requireApiKey(deps, 'content', 'content:read'),
      schema: {
        tags: ['Content'],
        summary: 'All sections',
        security: [{ contentKey: [] }, { contentKeyQuery: [] }],
        response: {
          200: Type.Object({ categories: Type.Array(CategorySchema) }, { additionalProperties: false }),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const categories: CategoryOut[] = deps.categories.all.map((c) => ({
        id: c.id,
        slug: c.slug,
        name: c.name,
        description: c.description,
        parent_id: c.parentId,
        url: deps.config.siteUrl + urls.category(c),
      }));
      return sendApiJson(request, reply, { categories });
    },
  );
}
