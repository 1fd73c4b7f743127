// GET /admin/articles: the newsroom's article list. Contributors and authors see their own;
// editors and admins everything, with "only mine" as a filter.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../accounts/roles.js';
import type { ArticleStatus } from '../../db/schema.js';
import { listDeskArticles } from '../../newsroom/desk-articles.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { actorOf } from './article-context.js';
import { articlesUrl } from './article-page-data.js';
import { ArticlesListPage, STATUSES } from './articles-list-view.js';
import { answering, BadRequest, requireCan, sendStaffPage } from './guard.js';
import { type Fields, one, pageOf, searchOf } from './params.js';

const PAGE_SIZE = 30;

export function articlesListRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(
    articlesUrl(),
    { onRequest: requireCan(deps, 'articles.write') },
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, articlesUrl(), request);
      const q = request.query as Fields;
      const rawStatus = one(q, 'status', f.t) ?? '';
      if (rawStatus !== '' && !(STATUSES as readonly string[]).includes(rawStatus))
        throw new BadRequest(f.t.nr.badStatus);
      const rawMine = one(q, 'mine', f.t);
      if (rawMine !== undefined && rawMine !== '1') throw new BadRequest(f.t.desk.badParam('mine'));
      const actor = actorOf(request);
      const mineForced = !can(actor.role, 'articles.edit-any');
      const mine = mineForced || rawMine === '1';
      const status = rawStatus === '' ? null : (rawStatus as ArticleStatus);
      const search = searchOf(q, f.t);
      const page = pageOf(q, f.t);
      const result = await listDeskArticles(
        deps.db,
        { ...(status ? { status } : {}), ...(mine ? { ownerId: actor.id } : {}), q: search },
        page,
        PAGE_SIZE,
      );
      const d = { ...result, page, status, mine, mineForced, q: search };
      return sendStaffPage(reply, <ArticlesListPage f={f} assets={deps.assets} d={d} />);
    }),
  );
}
