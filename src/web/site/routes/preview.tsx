// The secret preview link of an article in any status: the page as readers will see it, never
// cached, indexed or counted. The key is long and random; a new one revokes the old.
import type { FastifyInstance } from 'fastify';
import { findArticleForPreview } from '../../../content/articles.js';
import { findByPreviewKey } from '../../../newsroom/desk-articles.js';
import type { SiteDeps } from '../deps.js';
import { buildFrame, sendPage } from '../respond.js';
import { ArticlePage } from '../views/article.js';
import { emptyForm } from '../views/comments.js';
import { sendError } from './errors.js';

export function previewRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Params: { key: string } }>('/preview/:key', async (request, reply) => {
    reply.header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
    const id = await findByPreviewKey(deps.db, request.params.key);
    const now = deps.clock.now();
    const article = id === null ? null : await findArticleForPreview(deps.db, id, now);
    if (!article) return sendError(deps, request, reply, 404);
    const frame = buildFrame(deps, request.url, request);
    const data = {
      article,
      related: [],
      page: { threads: [], featured: [], totalThreads: 0, page: 1, pages: 1, sort: 'newest' as const },
      viewer: null,
      actions: { articleUrl: request.url, sessionToken: null, canReply: false, editingId: null },
      form: emptyForm,
      policy: { open: false, who: 'closed' as const, moderation: 'post' as const, closesAt: null },
      formToken: '',
      replyToName: null,
      preview: true,
    };
    return sendPage(deps, request, reply, <ArticlePage frame={frame} data={data} />, { cacheable: false });
  });
}
