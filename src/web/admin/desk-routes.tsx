// The desk's queues and the decisions taken on them. A decision is a form post that comes back to
// the same queue page (303) with a notice, so reloading never repeats it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  BULK_MAX,
  type DeskAction,
  type DeskItem,
  listQueue,
  moderateComments,
  queueCounts,
} from '../../comments/desk.js';
import { commentHistory } from '../../comments/edits.js';
import { reportsFor } from '../../comments/reports.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { sendReplyNotice } from '../site/notify-replies.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import { urls } from '../site/urls.js';
import type { ItemExtras } from './desk-item.js';
import { DeskPage } from './desk-view.js';
import {
  answering,
  BadRequest,
  checkStaffPost,
  requireCan,
  sendStaffPage,
  staffOf,
  staffToken,
} from './guard.js';
import type { Notice } from './layout.js';
import {
  type Fields,
  isDeskAction,
  isId,
  many,
  one,
  optionalId,
  pageOf,
  queueOf,
  returnTo,
  searchOf,
  withNotice,
} from './params.js';

export function deskRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const staff = { onRequest: requireCan(deps, 'comments.moderate') };

  app.get(
    urls.moderation(),
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, urls.moderation(), request);
      const query = request.query as Fields;
      const view = {
        queue: queueOf(query, f.t),
        page: pageOf(query, f.t),
        search: searchOf(query, f.t),
        articleId: optionalId(query, 'article', f.t, f.t.desk.badArticle),
      };
      const notice = deskNotice(query, f.t);
      const list = await listQueue(deps.db, view);
      const d = {
        view,
        counts: await queueCounts(deps.db),
        items: list.items,
        total: list.total,
        pages: list.pages,
        extras: await extrasFor(deps, list.items),
        csrf: staffToken(deps, request),
        notice,
      };
      return sendStaffPage(reply, <DeskPage f={f} assets={deps.assets} d={d} />);
    }),
  );

  app.post(
    `${urls.moderation()}/action`,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, urls.moderation(), request).t;
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const back = returnTo(one(body, 'return_to', t), t);
      if (token === 'expired') return reply.redirect(withNotice(back, { expired: '1' }), 303);
      const { action, ids } = decisionOf(body, t);
      if (ids.length === 0) return reply.redirect(withNotice(back, { done: 'none' }), 303);

      const replies = action === 'approve' ? await pendingReplies(deps, ids) : [];
      const now = deps.clock.now();
      const result = await moderateComments(deps.db, { ids, action, actor: staffOf(request), now });
      if (result.articleIds.length > 0) {
        deps.bus.publish({ type: 'invalidate', tags: result.articleIds.map((id) => `article:${id}`) });
        deps.bus.publish({ type: 'rankings-stale', reason: 'comment' });
      }
      for (const id of await nowApproved(deps, replies)) void sendReplyNotice(deps, id);
      return reply.redirect(withNotice(back, { done: action, n: String(result.changed) }), 303);
    }),
  );
}

/** A comment's own button sends item=action:id; the bulk buttons send action and the ticked ids. */
function decisionOf(body: Fields, t: Messages): { action: DeskAction; ids: number[] } {
  const item = one(body, 'item', t);
  let action: string | undefined;
  let raw: string[];
  if (item !== undefined) {
    const parts = /^([a-z-]+):(.*)$/.exec(item);
    action = parts?.[1];
    raw = [parts?.[2] ?? ''];
  } else {
    action = one(body, 'action', t);
    raw = many(body, 'ids', t);
  }
  if (action === undefined || !isDeskAction(action)) throw new BadRequest(t.desk.badAction);
  if (!raw.every(isId)) throw new BadRequest(t.desk.badIds);
  const ids = [...new Set(raw.map(Number))];
  if (ids.length > BULK_MAX) throw new BadRequest(t.desk.tooMany(String(BULK_MAX)));
  return { action, ids };
}

function deskNotice(query: Fields, t: Messages): Notice | null {
  if (one(query, 'expired', t) === '1') return { kind: 'error', text: t.desk.actionExpired };
  const done = one(query, 'done', t);
  if (done === undefined) return null;
  if (done === 'none') return { kind: 'error', text: t.desk.nothingSelected };
  const n = one(query, 'n', t) ?? '0';
  if (!isDeskAction(done) || !/^[0-9]{1,4}$/.test(n)) throw new BadRequest(t.desk.badParam('done'));
  return { kind: 'ok', text: t.desk.done[done](n) };
}

/** Report notes on reported comments and earlier texts of edited ones: only where there are any. */
async function extrasFor(deps: SiteDeps, items: DeskItem[]): Promise<Map<number, ItemExtras>> {
  const extras = new Map<number, ItemExtras>();
  for (const item of items) {
    const entry: ItemExtras = {};
    if (item.openReports > 0) entry.reports = await reportsFor(deps.db, item.id);
    if (item.editedAt !== null) entry.revisions = await commentHistory(deps.db, item.id);
    extras.set(item.id, entry);
  }
  return extras;
}

/** Replies waiting for a moderator: approving one tells the reader it answers, if they asked. */
async function pendingReplies(deps: SiteDeps, ids: number[]): Promise<number[]> {
  const rows = await deps.db
    .selectFrom('comments')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .where('parent_id', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

async function nowApproved(deps: SiteDeps, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await deps.db
    .selectFrom('comments')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'approved')
    .execute();
  return rows.map((r) => r.id);
}
