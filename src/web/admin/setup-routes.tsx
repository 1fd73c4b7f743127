// The first-run setup page. It exists only while no account is an admin (a 404 otherwise, for
// every visitor, so nobody learns more than that there is nothing here), is rate limited, and
// signs the new admin in. The domain makes sure that two forms sent at once make one admin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AccountErrors, checkNewUser } from '../../accounts/new-user.js';
import type { Messages } from '../i18n.js';
import { formPurpose, setSessionCookie } from '../session.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { errorNotice, secureCookies, sendAccountPage } from '../site/routes/account-common.js';
import { sendError } from '../site/routes/errors.js';
import { sameOrigin } from '../site/routes/request-checks.js';
import { urls } from '../site/urls.js';
import { type AccountForm, emptyForm } from '../site/views/account-form.js';
import { answering, staffHeaders } from './guard.js';
import { type Fields, one } from './params.js';
import { SETUP_URL, SetupPage } from './setup-view.js';

/** A signed-in visitor's token is bound to their session, a guest's to this form. */
const GUEST_PURPOSE = 'setup';

function errorTexts(t: Messages, e: AccountErrors): Record<string, string> {
  const out: Record<string, string> = {};
  if (e.email) out.email = t.account.fieldErrors[e.email];
  if (e.displayName) out.display_name = t.account.fieldErrors[e.displayName];
  if (e.password) out.password = t.account.fieldErrors[e.password];
  return out;
}

export function setupRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const show = (request: FastifyRequest, reply: FastifyReply, form: AccountForm, status = 200) => {
    const f = buildFrame(deps, SETUP_URL, request);
    const token = deps.formTokens.create(formPurpose(request, GUEST_PURPOSE));
    return sendAccountPage(
      deps,
      request,
      staffHeaders(reply),
      <SetupPage f={f} token={token} form={form} />,
      status,
    );
  };
  const gone = (request: FastifyRequest, reply: FastifyReply) =>
    sendError(deps, request, staffHeaders(reply), 404);

  app.get(
    SETUP_URL,
    { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      if (await deps.accounts.hasAdmin()) return gone(request, reply);
      return show(request, reply, emptyForm());
    }),
  );

  app.post(
    SETUP_URL,
    { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      if (await deps.accounts.hasAdmin()) return gone(request, reply);
      const t = buildFrame(deps, SETUP_URL, request).t;
      if (!sameOrigin(request, deps.config.siteUrl))
        return sendError(deps, request, staffHeaders(reply), 403);
      const body = (request.body ?? {}) as Fields;
      const check = deps.formTokens.check(body._csrf, formPurpose(request, GUEST_PURPOSE));
      if (check === 'invalid') return sendError(deps, request, staffHeaders(reply), 403);
      const input = {
        displayName: one(body, 'display_name', t) ?? '',
        email: one(body, 'email', t) ?? '',
        password: one(body, 'password', t) ?? '',
      };
      const password2 = one(body, 'password2', t) ?? '';
      // What was typed comes back, the passwords never.
      const form = emptyForm({ display_name: input.displayName, email: input.email });
      if (check === 'expired')
        return show(request, reply, { ...form, notice: errorNotice(t.formExpired) }, 403);
      const refuse = (errors: Record<string, string>) =>
        show(request, reply, { ...form, errors, notice: errorNotice(t.account.formHasErrors) }, 422);
      if (input.password !== password2) {
        // Nothing is made; every other problem is reported along with this one.
        const checked = checkNewUser(input);
        const errors = checked.ok ? {} : errorTexts(t, checked.errors);
        if (!errors.password) errors.password2 = t.staff.passwordMismatch;
        return refuse(errors);
      }
      const now = deps.clock.now();
      const result = await deps.accounts.createFirstAdmin(input, now);
      if (!result.ok)
        return result.reason === 'has-admin' ? gone(request, reply) : refuse(errorTexts(t, result.errors));
      if (request.sessionToken) await deps.accounts.logOut(request.sessionToken);
      const session = await deps.sessions.create(result.userId, request.headers['user-agent'] ?? '', now);
      setSessionCookie(reply, session, secureCookies(deps));
      deps.log.info({ userId: result.userId }, 'first admin created through the setup page');
      return reply.redirect(urls.admin(), 303);
    }),
  );
}
