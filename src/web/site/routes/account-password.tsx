// A forgotten password: asking for a link (/profil/zabravena-parola) and choosing a new password
// from it (/profil/nova-parola?token=…).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenProblem } from '../../../accounts/tokens.js';
import { clearSessionCookie } from '../../session.js';
import type { SiteDeps } from '../deps.js';
import { urls } from '../urls.js';
import { ForgotPage, ResetPage } from '../views/account-auth.js';
import { type AccountForm, emptyForm } from '../views/account-form.js';
import {
  checkGuestToken,
  errorNotice,
  type FormBody,
  field,
  formSchema,
  frameFor,
  GUEST_PURPOSE,
  okNotice,
  secureCookies,
  sendAccountPage,
  sendMessage,
} from './account-common.js';
import { sendError } from './errors.js';
import { sameOrigin } from './request-checks.js';

function showForgot(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: AccountForm,
  status = 200,
) {
  const f = frameFor(deps, request, urls.forgotPassword());
  const token = deps.formTokens.create(GUEST_PURPOSE.forgot);
  return sendAccountPage(deps, request, reply, <ForgotPage f={f} token={token} form={form} />, status);
}

function showReset(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  resetToken: string,
  form: AccountForm,
  status = 200,
) {
  const f = frameFor(deps, request, urls.resetPassword());
  const token = deps.formTokens.create(GUEST_PURPOSE.reset);
  const view = <ResetPage f={f} token={token} resetToken={resetToken} form={form} />;
  return sendAccountPage(deps, request, reply, view, status);
}

/** Why the link cannot be used, distinctly: a used link may mean someone else used it. */
function sendBadResetLink(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  reason: TokenProblem,
) {
  const a = frameFor(deps, request, urls.resetPassword()).t.account;
  const [status, text] =
    reason === 'used'
      ? [410, a.resetUsed]
      : reason === 'expired'
        ? [410, a.resetExpired]
        : [400, a.linkInvalid];
  return sendMessage(
    deps,
    request,
    reply,
    {
      path: urls.resetPassword(),
      title: a.badLinkTitle,
      notice: errorNotice(text),
      links: [{ href: urls.forgotPassword(), label: a.askAgain }],
    },
    status,
  );
}

export function accountPasswordRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(urls.forgotPassword(), async (request, reply) => showForgot(deps, request, reply, emptyForm()));

  app.post<{ Body: FormBody }>(
    urls.forgotPassword(),
    {
      schema: { body: formSchema('_csrf', 'email') },
      config: { rateLimit: { max: 10, timeWindow: 15 * 60_000 } },
    },
    async (request, reply) => {
      const t = frameFor(deps, request, urls.forgotPassword()).t;
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const body = request.body;
      const form = emptyForm({ email: field(body, 'email') });
      const token = checkGuestToken(deps, body, GUEST_PURPOSE.forgot);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired') {
        return showForgot(deps, request, reply, { ...form, notice: errorNotice(t.formExpired) }, 403);
      }
      const email = form.values.email?.trim() ?? '';
      if (email === '') {
        form.errors.email = t.account.fieldErrors['email-required'];
        return showForgot(
          deps,
          request,
          reply,
          { ...form, notice: errorNotice(t.account.formHasErrors) },
          422,
        );
      }
      // The same answer whether or not the address has an account (the domain sees to the timing).
      await deps.accounts.requestPasswordReset(email, deps.clock.now());
      return showForgot(deps, request, reply, { ...form, notice: okNotice(t.account.forgotSent) });
    },
  );

  app.get<{ Querystring: { token?: string } }>(
    urls.resetPassword(),
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const raw = typeof request.query.token === 'string' ? request.query.token : '';
      const checked = await deps.accounts.checkResetToken(raw, deps.clock.now());
      if (!checked.ok) return sendBadResetLink(deps, request, reply, checked.reason);
      return showReset(deps, request, reply, raw, emptyForm());
    },
  );

  app.post<{ Body: FormBody }>(
    urls.resetPassword(),
    {
      schema: { body: formSchema('_csrf', 'token', 'password') },
      config: { rateLimit: { max: 20, timeWindow: 15 * 60_000 } },
    },
    async (request, reply) => {
      const t = frameFor(deps, request, urls.resetPassword()).t;
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const body = request.body;
      const resetToken = field(body, 'token');
      const token = checkGuestToken(deps, body, GUEST_PURPOSE.reset);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const form = emptyForm();
      if (token === 'expired') {
        return showReset(
          deps,
          request,
          reply,
          resetToken,
          { ...form, notice: errorNotice(t.formExpired) },
          403,
        );
      }
      const result = await deps.accounts.resetPassword(resetToken, field(body, 'password'), deps.clock.now());
      if (!result.ok) {
        if (result.reason !== 'weak') return sendBadResetLink(deps, request, reply, result.reason);
        form.errors.password = t.account.fieldErrors[result.error];
        return showReset(
          deps,
          request,
          reply,
          resetToken,
          { ...form, notice: errorNotice(t.account.formHasErrors) },
          422,
        );
      }
      // Every session of the account has just ended; this browser's cookie may be one of them.
      if (request.viewer?.id === result.userId) {
        clearSessionCookie(reply, secureCookies(deps));
        request.viewer = null;
      }
      return sendMessage(deps, request, reply, {
        path: urls.resetPassword(),
        title: t.account.resetDoneTitle,
        notice: okNotice(t.account.resetDoneText),
        links: [{ href: urls.login(), label: t.account.signIn }],
      });
    },
  );
}
