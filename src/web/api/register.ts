// The JSON APIs under /api/v1: the read-only Content API (keys for apps and partners) and the
// Admin API (tokens for integrations). Every route declares its schemas, from which the OpenAPI 3
// document at /api/openapi.json is generated, so the document cannot drift from the code.
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { SiteDeps } from '../site/deps.js';
import { ApiError, apiWords, sendApiError } from './errors.js';
import { apiRouteModules } from './modules.js';

export const API_PREFIX = '/api/v1';

function openapiInfo(deps: SiteDeps) {
  return {
    openapi: '3.1.0',
    info: {
      title: `${deps.config.siteName} API`,
      version: '1.0.0',
      description:
        'Content API: read-only access to published articles, sections, topics, authors and search, ' +
        'with a Content API key. Admin API: create, update, publish and unpublish articles and upload ' +
        'images, with an Admin API token acting as a staff member. Keys are made by admins in the ' +
        'back office (Settings → API keys).',
    },
    servers: [{ url: deps.config.siteUrl }],
    tags: [
      { name: 'Content', description: 'Published content, read-only (Content API key).' },
      { name: 'Admin', description: 'Writing articles and images (Admin API token).' },
    ],
    components: {
      securitySchemes: {
        contentKey: { type: 'http' as const, scheme: 'bearer', description: 'A Content API key.' },
        contentKeyQuery: {
          type: 'apiKey' as const,
          in: 'query' as const,
          name: 'key',
          description: 'A Content API key as ?key=, for clients that cannot send headers.',
        },
        adminToken: { type: 'http' as const, scheme: 'bearer', description: 'An Admin API token.' },
      },
    },
  };
}

export async function registerApi(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  // Only the tagged /api/v1 routes are documented; the site's own routes are not an API.
  await app.register(swagger, { openapi: openapiInfo(deps), hideUntagged: true });
  app.get('/api/openapi.json', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(app.swagger()),
  );
  // Human docs of the same document, from swagger-ui's own files: nothing from other origins, and
  // no inline scripts, so the site's Content-Security-Policy holds here unchanged. BaseLayout leaves
  // out the top bar, whose logo is an SVG with an inline <style> that the policy (rightly) blocks.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { layout: 'BaseLayout', docExpansion: 'list', deepLinking: false, defaultModelsExpandDepth: 0 },
    theme: { title: `${deps.config.siteName} API` },
  });

  await app.register(
    async (api) => {
      api.decorateRequest('apiKey', null);
      api.decorateRequest('apiActor', null);
      const origins = deps.config.apiCorsOrigins;
      await api.register(cors, {
        origin: origins === '*' ? '*' : origins.length === 0 ? false : origins,
        methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match', 'Accept-Language'],
        exposedHeaders: ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining'],
        maxAge: 600,
      });
      // Success answers described for the reference page (errors carry their own descriptions).
      // The generator reads the route's schema objects when the document is first asked for.
      api.addHook('onRoute', (route) => {
        const responses = route.schema?.response as Record<string, { description?: string }> | undefined;
        for (const [status, described] of [
          ['200', 'OK'],
          ['201', 'Created: the new resource (its address is in Location).'],
        ] as const) {
          const schema = responses?.[status];
          if (schema && !schema.description) responses[status] = { ...schema, description: described };
        }
      });
      // A misspelt filter (?categry=) must not quietly return everything: a query parameter the
      // route does not declare is refused, naming it. `key` is the Content API key.
      api.addHook('onRequest', async (request) => {
        const declared = (request.routeOptions.schema?.querystring as { properties?: object } | undefined)
          ?.properties;
        const q = request.url.indexOf('?');
        if (q === -1) return;
        for (const name of new URLSearchParams(request.url.slice(q + 1)).keys()) {
          if (name === 'key' || (declared && Object.hasOwn(declared, name))) continue;
          const t = apiWords(request, deps.config.locale);
          throw new ApiError(400, 'unknown-parameter', t.unknownParameter(name), name);
        }
      });
      api.setErrorHandler((error: FastifyError, request, reply) => {
        const t = apiWords(request, deps.config.locale);
        if (error instanceof ApiError) return sendApiError(reply, error);
        if (error.validation) {
          const issue = error.validation[0];
          const path = issue?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
          const missing = (issue?.params as { missingProperty?: string } | undefined)?.missingProperty;
          const field = [path, missing].filter(Boolean).join('.') || error.validationContext || 'request';
          return sendApiError(reply, new ApiError(400, 'invalid-request', t.badField(field), field));
        }
        if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
          return sendApiError(reply, new ApiError(400, 'invalid-json', t.badJson, 'body'));
        const status =
          error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) request.log.error({ err: error, url: request.url }, 'API request failed');
        const message = status === 500 ? t.serverError : error.message;
        return sendApiError(
          reply,
          new ApiError(status, status === 500 ? 'internal' : 'bad-request', message),
        );
      });
      api.setNotFoundHandler((request, reply) =>
        sendApiError(reply, new ApiError(404, 'not-found', apiWords(request, deps.config.locale).notFound)),
      );
      for (const routes of apiRouteModules) await routes(api, deps);
    },
    { prefix: API_PREFIX },
  );
}
