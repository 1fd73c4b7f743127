// The signed-in reader's profile (/profil) and its small forms: name, password, reply notices,
// a new confirmation link. Each form posts, then redirects back with a notice (?done=…), so a
// reload never sends it twice.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../../accounts/sessions.js';
import { messages } from '../../i18n.js';
import { checkFormToken, formToken } from '../../session.js';
import type { SiteDeps } from '../deps.js';
import { urls } from '../urls.js';
import { ProfilePage, type ProfileState, profileUrls } from '../views/account-profile.js';
import {
  errorNotice,
  type FormBody,
  field,
  formSchema,
  frameFor,
  loginUrl,
  minutesOf,
  okNotice,
  sendAccountPage,
  setRetryAfter,
} from './account-common.js';
import { sendError } from './errors.js';
import { sameOrigin } from './request-checks.js';

/** Signed in, formPurpose binds this to the session: a token from another session is refused. */
export const PROFILE_PURPOSE = 'account:profile';

const DONE = ['name', 'password', 'notify', 'resent'] as const;
type Done = (typeof DONE)[number];

export function showProfile(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  viewer: SessionUser,
  state: Partial<ProfileState>,
  status = 200,
) {
  const f = frameFor(deps, request, urls.profile());
  const token = formToken(deps.formTokens, request, PROFILE_PURPOSE);
  const full: ProfileState = {
    notice: null,
    name: viewer.displayName,
    deleteMode: '',
    errors: {},
    ...state,
  };
  return sendAccountPage(
    deps,
    request,
    reply,
    <ProfilePage f={f} viewer={viewer} token={token} state={full} />,
    status,
  );
}

export interface ProfilePost {
  request: FastifyRequest<{ Body: FormBody }>;
  reply: FastifyReply;
  viewer: SessionUser;
  body: FormBody;
  now: number;
}

/**
 * The checks every profile form needs before it acts: same origin, signed in, the session's
 * form token. `typed` is what the reader typed, shown again if the token has gone stale.
 */
export function profilePost(
  deps: SiteDeps,
  typed: (body: FormBody) => Partial<ProfileState>,
  act: (post: ProfilePost) => Promise<FastifyReply>,
) {
  return async (request: FastifyRequest<{ Body: FormBody }>, reply: FastifyReply) => {
    if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
    const viewer = request.viewer;
    if (!viewer) return reply.redirect(loginUrl(urls.profile()), 303);
    const body = request.body ?? {};
    const check = checkFormToken(deps.formTokens, request, body._csrf, PROFILE_PURPOSE);
    if (check === 'invalid') return sendError(deps, request, reply, 403);
    if (check === 'expired') {
      const t = frameFor(deps, request, urls.profile()).t;
      const state = { ...typed(body), notice: errorNotice(t.formExpired) };
      return showProfile(deps, request, reply, viewer, state, 403);
    }
    return act({ request, reply, viewer, body, now: deps.clock.now() });
  };
}

const backTo = (reply: FastifyReply, done: Done) => reply.redirect(`${urls.profile()}?done=${done}`, 303);

export function accountProfileRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const a = messages(deps.config.locale).account;
  const limit = { rateLimit: { max: 30, timeWindow: 60_000 } };

  app.get<{ Querystring: { done?: string } }>(urls.profile(), async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer) return reply.redirect(loginUrl(urls.profile()), 303);
    const done = DONE.find((d) => d === request.query.done);
    const texts: Record<Done, string> = {
      name: a.nameSaved,
      password: a.passwordChanged,
      notify: a.notifySaved,
      resent: a.resent,
    };
    return showProfile(deps, request, reply, viewer, { notice: done ? okNotice(texts[done]) : null });
  });

  app.post<{ Body: FormBody }>(
    profileUrls.name,
    { schema: { body: formSchema('_csrf', 'display_name') }, config: limit },
    profilePost(
      deps,
      (body) => ({ name: field(body, 'display_name') }),
      async ({ request, reply, viewer, body, now }) => {
        const name = field(body, 'display_name');
        const result = await deps.accounts.changeName(viewer.id, name, now);
        if (result.ok) return backTo(reply, 'name');
        const state = {
          name,
          errors: { name: a.fieldErrors[result.error] },
          notice: errorNotice(a.formHasErrors),
        };
        return showProfile(deps, request, reply, viewer, state, 422);
      },
    ),
  );

  app.post<{ Body: FormBody }>(
    profileUrls.password,
    { schema: { body: formSchema('_csrf', 'username', 'current_password', 'new_password') }, config: limit },
    profilePost(
      deps,
      () => ({}),
      async ({ request, reply, viewer, body, now }) => {
        const result = await deps.accounts.changePassword(
          viewer.id,
          field(body, 'current_password'),
          field(body, 'new_password'),
          now,
        );
        if (result.ok) {
          // Whoever else was signed in with the old password is signed out; this browser stays.
          await deps.sessions.destroyAllFor(viewer.id, request.sessionToken ?? undefined);
          return backTo(reply, 'password');
        }
        if (result.reason === 'throttled') {
          setRetryAfter(reply, result.retryAfterMs);
          const notice = errorNotice(a.attemptsThrottled(minutesOf(result.retryAfterMs)));
          return showProfile(deps, request, reply, viewer, { notice }, 429);
        }
        const errors =
          result.reason === 'weak' ? { new: a.fieldErrors[result.error] } : { current: a.wrongPassword };
        return showProfile(
          deps,
          request,
          reply,
          viewer,
          { errors, notice: errorNotice(a.formHasErrors) },
          422,
        );
      },
    ),
  );

  app.post<{ Body: FormBody }>(
    profileUrls.notify,
    { schema: { body: formSchema('_csrf', 'notify') }, config: limit },
    profilePost(
      deps,
      () => ({}),
      async ({ reply, viewer, body, now }) => {
        await deps.accounts.setNotifyReplies(viewer.id, field(body, 'notify') === '1', now);
        return backTo(reply, 'notify');
      },
    ),
  );

  app.post<{ Body: FormBody }>(
    profileUrls.resend,
    { schema: { body: formSchema('_csrf') }, config: { rateLimit: { max: 10, timeWindow: 3_600_000 } } },
    profilePost(
      deps,
      () => ({}),
      async ({ request, reply, viewer, now }) => {
        const result = await deps.accounts.resendVerification(viewer.id, now);
        if (result.ok) return backTo(reply, 'resent');
        if (result.retryAfterMs <= 0) return reply.redirect(urls.profile(), 303);
        setRetryAfter(reply, result.retryAfterMs);
        const notice = errorNotice(a.resendThrottled(minutesOf(result.retryAfterMs)));
        return showProfile(deps, request, reply, viewer, { notice }, 429);
      },
    ),
  );
}
