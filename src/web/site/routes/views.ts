// The view beacon: a tiny POST the page sends after it loads. Always 204, so the page never
// waits on it and bots learn nothing from the answer.
import type { FastifyInstance } from 'fastify';
import type { SiteDeps } from '../deps.js';

export function viewRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.post<{ Params: { id: string } }>(
    '/api/views/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } } },
      },
      config: { rateLimit: { max: 600, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      deps.views.record(
        {
          articleId: Number(request.params.id),
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        },
        deps.clock.now(),
      );
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );
}
