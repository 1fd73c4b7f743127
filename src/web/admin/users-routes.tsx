// Users, for admins: the list, a new newsroom member (invited by mail), and one account's role,
// name and byline. Role changes are logged with the app logger; sessions read the role from the
// users row on every request, so a change applies from the person's next click.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountFieldError } from '../../accounts/new-user.js';
import { isRole } from '../../accounts/roles.js';
import type { InviteErrors } from '../../accounts/staff-invite.js';
import { findUser, listUsers, type RoleFilter } from '../../accounts/user-directory.js';
import {
  bylineOf,
  changeStaffMember,
  type StaffChangeErrors,
  writesArticles,
} from '../../newsroom/staff-members.js';
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
import { type Fields, isId, one, pageOf, searchOf } from './params.js';
import { NewUserPage, type NewUserPageData, UserPage, type UserPageData } from './users-edit-view.js';
import { NEW_USER_URL, USERS_URL, UsersPage, userUrl } from './users-view.js';

const PAGE_SIZE = 50;

function roleFilterOf(query: Fields, t: Messages): RoleFilter {
  const raw = one(query, 'role', t) ?? 'staff';
  if (raw === 'staff' || raw === 'all' || isRole(raw)) return raw;
  throw new BadRequest(t.staff.badQuery('role'));
}

function idOf(request: FastifyRequest, t: Messages): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!isId(raw)) throw new BadRequest(t.staff.badId);
  return Number(raw);
}

const accountError = (t: Messages, e: AccountFieldError | undefined) =>
  e === undefined ? undefined : e === 'email-taken' ? t.staff.emailTaken : t.account.fieldErrors[e];

function inviteErrorTexts(t: Messages, e: InviteErrors): Record<string, string> {
  const out: Record<string, string> = {};
  const email = accountError(t, e.email);
  const name = accountError(t, e.displayName);
  if (email) out.email = email;
  if (name) out.display_name = name;
  if (e.role) out.role = t.staff.roleChoice;
  return out;
}

function changeErrorTexts(t: Messages, e: StaffChangeErrors): Record<string, string> {
  const out: Record<string, string> = {};
  const name = accountError(t, e.displayName);
  if (name) out.display_name = name;
  if (e.role) out.role = t.staff.roleChoice;
  if (e.bylineName) out.byline_name = t.staff.bylineErrors[e.bylineName];
  if (e.bylineTitle) out.byline_title = t.staff.bylineErrors[e.bylineTitle];
  if (e.bylineBio) out.byline_bio = t.staff.bylineErrors[e.bylineBio];
  return out;
}

const DONE = ['invited', 'saved', 'resent'] as const;

export function usersRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const admins = { onRequest: requireCan(deps, 'users.manage') };

  app.get(
    USERS_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, USERS_URL, request);
      const query = request.query as Fields;
      const search = searchOf(query, f.t);
      const role = roleFilterOf(query, f.t);
      const page = pageOf(query, f.t);
      const list = await listUsers(deps.db, { search, role, page, pageSize: PAGE_SIZE });
      return sendStaffPage(reply, <UsersPage f={f} assets={deps.assets} d={{ list, search, role }} />);
    }),
  );

  const showNew = (
    request: FastifyRequest,
    reply: FastifyReply,
    d: Omit<NewUserPageData, 'csrf'>,
    status = 200,
  ) => {
    const f = buildFrame(deps, NEW_USER_URL, request);
    const page = <NewUserPage f={f} assets={deps.assets} d={{ ...d, csrf: staffToken(deps, request) }} />;
    return sendStaffPage(reply, page, status);
  };

  app.get(
    NEW_USER_URL,
    admins,
    answering(deps, async (request, reply) =>
      showNew(request, reply, { values: {}, errors: {}, existingId: null, notice: null }),
    ),
  );

  app.post(
    USERS_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, USERS_URL, request).t;
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const values = {
        email: one(body, 'email', t) ?? '',
        display_name: one(body, 'display_name', t) ?? '',
        role: one(body, 'role', t) ?? '',
      };
      const base = { values, errors: {}, existingId: null };
      if (token === 'expired')
        return showNew(request, reply, { ...base, notice: { kind: 'error', text: t.formExpired } }, 403);
      const actor = staffOf(request);
      const now = deps.clock.now();
      const made = await deps.accounts.inviteStaff(
        { email: values.email, displayName: values.display_name, role: values.role },
        actor.name,
        now,
      );
      if (!made.ok) {
        const errors = inviteErrorTexts(t, made.errors);
        const notice = { kind: 'error' as const, text: t.staff.hasErrors };
        return showNew(request, reply, { ...base, errors, existingId: made.existingId ?? null, notice }, 422);
      }
      deps.log.info(
        { actorId: actor.id, userId: made.userId, role: made.role },
        'staff account created by an admin',
      );
      return reply.redirect(`${userUrl(made.userId)}?done=invited`, 303);
    }),
  );

  async function showUser(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: {
      values?: Record<string, string>;
      errors?: Record<string, string>;
      notice?: UserPageData['notice'];
    },
    status = 200,
  ) {
    const f = buildFrame(deps, userUrl(id), request);
    const user = await findUser(deps.db, id);
    if (!user) return sendError(deps, request, reply, 404, f.t.staff.userMissing);
    const byline = await bylineOf(deps.db, id);
    const values = form.values ?? {
      display_name: user.displayName,
      role: user.role,
      byline_name: byline?.name ?? user.displayName,
      byline_title: byline?.title ?? '',
      byline_bio: byline?.bio ?? '',
    };
    const d: UserPageData = {
      user,
      self: staffOf(request).id === id,
      showByline: writesArticles(user.role) || byline !== null,
      bylineIdle: !writesArticles(user.role),
      values,
      errors: form.errors ?? {},
      csrf: staffToken(deps, request),
      notice: form.notice ?? null,
    };
    return sendStaffPage(reply, <UserPage f={f} assets={deps.assets} d={d} />, status);
  }

  app.get(
    `${USERS_URL}/:id`,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, USERS_URL, request).t;
      const id = idOf(request, t);
      const done = one(request.query as Fields, 'done', t);
      if (done !== undefined && !(DONE as readonly string[]).includes(done))
        throw new BadRequest(t.staff.badQuery('done'));
      let notice: UserPageData['notice'] = null;
      if (done) {
        const user = await findUser(deps.db, id);
        const email = user?.email ?? '';
        const text =
          done === 'invited'
            ? t.staff.doneInvited(email)
            : done === 'resent'
              ? t.staff.doneResent(email)
              : t.staff.doneSaved;
        notice = { kind: 'ok', text };
      }
      return showUser(request, reply, id, { notice });
    }),
  );

  app.post(
    `${USERS_URL}/:id`,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, USERS_URL, request).t;
      const id = idOf(request, t);
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const user = await findUser(deps.db, id);
      if (!user) return sendError(deps, request, reply, 404, t.staff.userMissing);
      const field = (name: string) => one(body, name, t);
      // A disabled select (one's own role) is not sent at all: the role then stays as it is.
      const values = {
        display_name: field('display_name') ?? '',
        role: field('role') ?? user.role,
        byline_name: field('byline_name') ?? '',
        byline_title: field('byline_title') ?? '',
        byline_bio: field('byline_bio') ?? '',
      };
      if (token === 'expired')
        return showUser(request, reply, id, { values, notice: { kind: 'error', text: t.formExpired } }, 403);
      const hasByline = ['byline_name', 'byline_title', 'byline_bio'].some((n) => field(n) !== undefined);
      const actor = staffOf(request);
      const result = await changeStaffMember(
        deps.db,
        actor.id,
        id,
        {
          role: values.role,
          displayName: values.display_name,
          byline: hasByline
            ? { name: values.byline_name, title: values.byline_title, bio: values.byline_bio }
            : null,
        },
        deps.clock.now(),
      );
      if (!result.ok) {
        if (result.reason === 'not-found') return sendError(deps, request, reply, 404, t.staff.userMissing);
        if (result.reason === 'invalid') {
          const notice = { kind: 'error' as const, text: t.staff.hasErrors };
          return showUser(
            request,
            reply,
            id,
            { values, errors: changeErrorTexts(t, result.errors), notice },
            422,
          );
        }
        const text = result.reason === 'own-role' ? t.staff.ownRole : t.staff.lastAdmin;
        return showUser(request, reply, id, { values, notice: { kind: 'error', text } }, 409);
      }
      if (result.before !== result.after)
        deps.log.info(
          { actorId: actor.id, actorName: actor.name, userId: id, from: result.before, to: result.after },
          'role changed',
        );
      // A byline shows on article pages of every kind; every cached page carries 'categories'.
      if (result.authorId !== null)
        deps.bus.publish({ type: 'invalidate', tags: ['categories', `author:${result.authorId}`] });
      return reply.redirect(`${userUrl(id)}?done=saved`, 303);
    }),
  );

  app.post(
    `${USERS_URL}/:id/invite`,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, USERS_URL, request).t;
      const id = idOf(request, t);
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired')
        return showUser(request, reply, id, { notice: { kind: 'error', text: t.formExpired } }, 403);
      const sent = await deps.accounts.resendInvite(id, staffOf(request).name, deps.clock.now());
      if (!sent) return sendError(deps, request, reply, 404, t.staff.userMissing);
      return reply.redirect(`${userUrl(id)}?done=resent`, 303);
    }),
  );
}
