// Readers on the desk: the record of one account or of a guest's email, and the restrictions a
// moderator can put on an account. Restrictions apply at once: the poster reads the user row with
// every comment, and the session lookup reads it with every request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validateEmail } from '../../accounts/validate.js';
import {
  banReader,
  type ReaderActionResult,
  readerHistory,
  shadowBanReader,
  suspendReader,
  unbanReader,
  unshadowBanReader,
  unsuspendReader,
} from '../../comments/desk-readers.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import {
  answering,
  BadRequest,
  checkStaffPost,
  requireCan,
  sendStaffPage,
  staffOf,
  staffToken,
} from './guard.js';
import { guestUrl, type Notice, READERS_URL, readerUrl, StaffLayout } from './layout.js';
import { type Fields, isId, one, pageOf } from './params.js';
import { GuestSearch, ReaderPage, SUSPEND_DAYS } from './reader-view.js';

const DAY_MS = 86_400_000;
const READER_ACTIONS = ['suspend', 'unsuspend', 'ban', 'unban', 'shadow-ban', 'unshadow-ban'] as const;
type ReaderAction = (typeof READER_ACTIONS)[number];

function idOf(params: unknown, t: Messages): number {
  const raw = (params as { id?: string }).id ?? '';
  if (!isId(raw)) throw new BadRequest(t.desk.badNumber);
  return Number(raw);
}

function readerNotice(query: Fields, t: Messages): Notice | null {
  if (one(query, 'expired', t) === '1') return { kind: 'error', text: t.desk.actionExpired };
  const done = one(query, 'done', t);
  if (done === undefined) return null;
  const text = t.desk.readerDone[done];
  if (!text) throw new BadRequest(t.desk.badParam('done'));
  return { kind: 'ok', text };
}

export function readerRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const staff = { onRequest: requireCan(deps, 'comments.moderate') };

  async function showReader(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    notice: Notice | null,
    status = 200,
  ) {
    const f = buildFrame(deps, readerUrl(id), request);
    const history = await readerHistory(deps.db, { userId: id, page: pageOf(request.query as Fields, f.t) });
    if (!history) return sendError(deps, request, reply, 404, f.t.desk.readerMissing);
    const d = {
      history,
      csrf: staffToken(deps, request),
      notice,
      pageHref: (p: number) => `${readerUrl(id)}?page=${p}`,
    };
    return sendStaffPage(reply, <ReaderPage f={f} assets={deps.assets} d={d} />, status);
  }

  app.get(
    `${READERS_URL}/:id`,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, READERS_URL, request).t;
      const id = idOf(request.params, t);
      return showReader(request, reply, id, readerNotice(request.query as Fields, t));
    }),
  );

  // A guest is known only by the email given with their comments; an account's email leads to it.
  app.get(
    READERS_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, READERS_URL, request);
      const query = request.query as Fields;
      const raw = one(query, 'email', f.t);
      const page = pageOf(query, f.t);
      if (raw === undefined || raw.trim() === '') {
        const view = (
          <StaffLayout frame={f} assets={deps.assets} title={f.t.desk.guestSearch} section="readers">
            <GuestSearch f={f} value="" />
          </StaffLayout>
        );
        return sendStaffPage(reply, view);
      }
      const email = validateEmail(raw);
      if (!email.ok) throw new BadRequest(f.t.desk.badEmail);
      const history = await readerHistory(deps.db, { email: email.value, page });
      if (history?.profile) return reply.redirect(readerUrl(history.profile.id), 303);
      const empty = { approved: 0, pending: 0, rejected: 0, deleted: 0 };
      const d = {
        history: history ?? {
          profile: null,
          email: email.value,
          counts: empty,
          comments: { items: [], total: 0, page, pages: 1 },
          log: [],
        },
        csrf: '',
        notice: null,
        pageHref: (p: number) => `${guestUrl(email.value)}&page=${p}`,
      };
      return sendStaffPage(reply, <ReaderPage f={f} assets={deps.assets} d={d} />);
    }),
  );

  app.post(
    `${READERS_URL}/:id/action`,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, READERS_URL, request).t;
      const id = idOf(request.params, t);
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired') return reply.redirect(`${readerUrl(id)}?expired=1`, 303);
      const action = one(body, 'action', t);
      if (action === undefined || !(READER_ACTIONS as readonly string[]).includes(action))
        throw new BadRequest(t.desk.badAction);
      const result = await actOn(deps, request, id, action as ReaderAction, body, t);
      if (!result.ok) {
        if (result.reason === 'not-found') return sendError(deps, request, reply, 404, t.desk.readerMissing);
        return showReader(request, reply, id, { kind: 'error', text: t.desk.staff }, 403);
      }
      if (result.articleIds.length > 0)
        deps.bus.publish({ type: 'invalidate', tags: result.articleIds.map((a) => `article:${a}`) });
      return reply.redirect(`${readerUrl(id)}?done=${action}`, 303);
    }),
  );
}

function actOn(
  deps: SiteDeps,
  request: FastifyRequest,
  userId: number,
  action: ReaderAction,
  body: Fields,
  t: Messages,
): Promise<ReaderActionResult> {
  const input = { userId, actor: staffOf(request), now: deps.clock.now() };
  switch (action) {
    case 'suspend': {
      const days = Number(one(body, 'days', t));
      if (!(SUSPEND_DAYS as readonly number[]).includes(days)) throw new BadRequest(t.desk.badDays);
      return suspendReader(deps.db, { ...input, until: input.now + days * DAY_MS });
    }
    case 'unsuspend':
      return unsuspendReader(deps.db, input);
    case 'ban':
      return banReader(deps.db, { ...input, rejectPending: one(body, 'reject_pending', t) === '1' });
    case 'unban':
      return unbanReader(deps.db, input);
    case 'shadow-ban':
      return shadowBanReader(deps.db, input);
    case 'unshadow-ban':
      return unshadowBanReader(deps.db, input);
  }
}
