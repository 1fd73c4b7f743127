// The index of topics (/temi): every tag with published articles, grouped by kind. It changes when
// an article is published or a tag is edited, both of which drop the 'lists' pages.
import type { FastifyInstance } from 'fastify';
import { topicIndex } from '../../../newsroom/tag-index.js';
import type { SiteDeps } from '../deps.js';
import { buildFrame, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { TopicsIndexPage } from '../views/topics.js';

export function topicsRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(urls.topics(), async (request, reply) => {
    const index = await topicIndex(deps.db, deps.clock.now());
    const view = <TopicsIndexPage frame={buildFrame(deps, urls.topics(), request)} index={index} />;
    return sendPage(deps, request, reply, view, { tags: ['lists', 'topics'] });
  });
}
