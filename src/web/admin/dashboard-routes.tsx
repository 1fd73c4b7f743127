// GET /admin: the dashboard every staff member lands on.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../accounts/roles.js';
import {
  commentQueue,
  myWork,
  publishedToday,
  scheduledNext,
  viewsPerHour,
} from '../../newsroom/dashboard.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { urls } from '../site/urls.js';
import { DashboardPage } from './dashboard-view.js';
import { answering, requireCan, sendStaffPage, staffOf } from './guard.js';

export function dashboardRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(
    urls.admin(),
    { onRequest: requireCan(deps, 'backoffice') },
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, urls.admin(), request);
      const role = request.viewer?.role ?? 'reader';
      const viewer = staffOf(request);
      const now = deps.clock.now();
      const db = deps.db;
      const [today, hourly, scheduled, queue, mine] = await Promise.all([
        publishedToday(db, now, deps.config.timeZone),
        viewsPerHour(db, now),
        scheduledNext(db),
        can(role, 'comments.moderate') ? commentQueue(db) : null,
        can(role, 'articles.write') ? myWork(db, viewer.id) : null,
      ]);
      const rankings = deps.rankings.lists;
      const d = {
        today,
        hourly,
        scheduled,
        queue,
        mine,
        mostRead: rankings.mostRead,
        mostReadWindow: rankings.mostReadWindow,
        canEdit: can(role, 'articles.write'),
      };
      return sendStaffPage(reply, <DashboardPage f={f} assets={deps.assets} d={d} />);
    }),
  );
}
