// The moderators' log, newest first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listLog } from '../../comments/log.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { answering, requireCan, sendStaffPage } from './guard.js';
import { LOG_URL } from './layout.js';
import { LogPage } from './log-view.js';
import { type Fields, pageOf } from './params.js';

export function logRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(
    LOG_URL,
    { onRequest: requireCan(deps, 'comments.moderate') },
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, LOG_URL, request);
      const log = await listLog(deps.db, { page: pageOf(request.query as Fields, f.t) });
      return sendStaffPage(
        reply,
        <LogPage f={f} assets={deps.assets} entries={log.entries} page={log.page} pages={log.pages} />,
      );
    }),
  );
}
