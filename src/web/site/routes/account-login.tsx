// Signing in (/profil/vhod?next=…) and out (/profil/izhod).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkFormToken, clearSessionCookie, setSessionCookie } from '../../session.js';
import type { SiteDeps } from '../deps.js';
import { urls } from '../urls.js';
import { LoginPage } from '../views/account-auth.js';
import { type AccountForm, emptyForm } from '../views/account-form.js';
import {
  checkGuestToken,
  errorNotice,
  type FormBody,
  field,
  formSchema,
  frameFor,
  GUEST_PURPOSE,
  minutesOf,
  safeNext,
  secureCookies,
  sendAccountPage,
  setRetryAfter,
} from './account-common.js';
import { PROFILE_PURPOSE, showProfile } from './account-profile.js';
import { sendError } from './errors.js';
import { sameOrigin } from './request-checks.js';

function showLogin(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: AccountForm,
  next: string,
  status = 200,
  noAdmin = false,
) {
  const f = frameFor(deps, request, urls.login());
  const token = deps.formTokens.create(GUEST_PURPOSE.login);
  return sendAccountPage(
    deps,
    request,
    reply,
    <LoginPage f={f} token={token} form={form} next={next} noAdmin={noAdmin} />,
    status,
  );
}

export function accountLoginRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Querystring: { next?: string } }>(urls.login(), async (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.viewer) return reply.redirect(next, 303);
    const t = frameFor(deps, request, urls.login()).t;
    const form = emptyForm();
    if (request.sessionExpired) form.notice = errorNotice(t.account.sessionExpired);
    // The sign-in page is never cached, so asking costs one short query per visit to it.
    return showLogin(deps, request, reply, form, next, 200, !(await deps.accounts.hasAdmin()));
  });

  app.post<{ Body: FormBody }>(
    urls.login(),
    {
      schema: { body: formSchema('_csrf', 'next', 'email', 'password') },
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const t = frameFor(deps, request, urls.login()).t;
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const body = request.body;
      const next = safeNext(body?.next);
      const form = emptyForm({ email: field(body, 'email') });
      const token = checkGuestToken(deps, body, GUEST_PURPOSE.login);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired') {
        return showLogin(deps, request, reply, { ...form, notice: errorNotice(t.formExpired) }, next, 403);
      }
      const now = deps.clock.now();
      const result = await deps.accounts.logIn(
        {
          email: form.values.email ?? '',
          password: field(body, 'password'),
          ipKey: deps.visitors.hash(request.ip, '', now),
          userAgent: request.headers['user-agent'] ?? '',
        },
        now,
      );
      if (!result.ok) {
        if (result.reason === 'throttled') {
          setRetryAfter(reply, result.retryAfterMs);
          form.notice = errorNotice(t.account.signInThrottled(minutesOf(result.retryAfterMs)));
          return showLogin(deps, request, reply, form, next, 429);
        }
        // One message for both: which of the two was wrong would tell who has an account.
        form.notice = errorNotice(t.account.signInFailed);
        return showLogin(deps, request, reply, form, next, 401);
      }
      // Signing in as someone else ends the session this browser had.
      if (request.sessionToken) await deps.accounts.logOut(request.sessionToken);
      setSessionCookie(reply, result.token, secureCookies(deps));
      return reply.redirect(next, 303);
    },
  );

  app.post<{ Body: FormBody }>(
    urls.logout(),
    { schema: { body: formSchema('_csrf') }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const token = request.sessionToken;
      if (!request.viewer || !token) {
        clearSessionCookie(reply, secureCookies(deps));
        return reply.redirect(urls.home(), 303);
      }
      const check = checkFormToken(deps.formTokens, request, request.body?._csrf, PROFILE_PURPOSE);
      if (check === 'invalid') return sendError(deps, request, reply, 403);
      if (check === 'expired') {
        const t = frameFor(deps, request, urls.profile()).t;
        return showProfile(deps, request, reply, request.viewer, { notice: errorNotice(t.formExpired) }, 403);
      }
      await deps.accounts.logOut(token);
      clearSessionCookie(reply, secureCookies(deps));
      return reply.redirect(urls.home(), 303);
    },
  );
}
