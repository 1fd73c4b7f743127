// Registers the reading site: its routes and its error, 404 and bad-URL pages.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { SiteDeps } from './deps.js';
import { buildFrame } from './respond.js';
import { accountRoutes } from './routes/account.js';
import { archiveRoutes } from './routes/archive.js';
import { articleRoutes } from './routes/article.js';
import { commentActionRoutes } from './routes/comment-actions.js';
import { commentPostRoutes } from './routes/comment-post.js';
import { commentReportRoutes } from './routes/comment-report.js';
import { sendError } from './routes/errors.js';
import { feedRoutes } from './routes/feeds.js';
import { previewRoutes } from './routes/preview.js';
import { readingRoutes } from './routes/reading.js';
import { searchRoutes } from './routes/search.js';
import { sitemapRoutes } from './routes/sitemaps.js';
import { topicsRoutes } from './routes/topics.js';
import { viewRoutes } from './routes/views.js';

export function registerSite(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ ok: true }),
  );
  // Old browsers ask for /favicon.ico whatever the page says; send them to the real one.
  app.get('/favicon.ico', async (_request, reply) => reply.redirect('/assets/favicon.svg', 301));
  readingRoutes(app, deps);
  searchRoutes(app, deps);
  feedRoutes(app, deps);
  sitemapRoutes(app, deps);
  topicsRoutes(app, deps);
  archiveRoutes(app, deps);
  commentPostRoutes(app, deps);
  commentActionRoutes(app, deps);
  commentReportRoutes(app, deps);
  accountRoutes(app, deps);
  previewRoutes(app, deps);
  articleRoutes(app, deps);
  viewRoutes(app, deps);

  app.setNotFoundHandler((request, reply) => sendError(deps, request, reply, 404));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const t = buildFrame(deps, '/').t;
    if (error.statusCode === 429) {
      return request.headers.accept?.includes('application/json')
        ? reply.code(429).send({ error: t.tooManyRequests })
        : sendError(deps, request, reply, 429);
    }
    if (error.validation) {
      const field = error.validation[0]?.instancePath.replace(/^\//, '') || error.validationContext || '';
      const detail = `${t.badRequestText}${field ? ` (${field})` : ''}`;
      return request.headers.accept?.includes('application/json')
        ? reply.code(400).send({ error: detail, field })
        : sendError(deps, request, reply, 400, detail);
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error, url: request.url }, 'request failed');
    return sendError(deps, request, reply, status);
  });
}
