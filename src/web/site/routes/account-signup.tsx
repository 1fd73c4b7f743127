// Signing up (/profil/registratsiya) and opening the mailed confirmation link
// (/profil/potvarzhdenie?token=…).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountField } from '../../../accounts/new-user.js';
import type { SiteDeps } from '../deps.js';
import { urls } from '../urls.js';
import { RegisterPage } from '../views/account-auth.js';
import { type AccountForm, emptyForm } from '../views/account-form.js';
import {
  checkGuestToken,
  errorNotice,
  type FormBody,
  field,
  formSchema,
  frameFor,
  GUEST_PURPOSE,
  loginUrl,
  okNotice,
  safeNext,
  sendAccountPage,
  sendMessage,
} from './account-common.js';
import { sendError } from './errors.js';
import { sameOrigin } from './request-checks.js';

/** The form's field names for the domain's. */
const FORM_FIELD: Record<AccountField, string> = {
  email: 'email',
  displayName: 'display_name',
  password: 'password',
};

function showRegister(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: AccountForm,
  next: string,
  status = 200,
) {
  const f = frameFor(deps, request, urls.register());
  const token = deps.formTokens.create(GUEST_PURPOSE.register);
  return sendAccountPage(
    deps,
    request,
    reply,
    <RegisterPage f={f} token={token} form={form} next={next} />,
    status,
  );
}

export function accountSignupRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Querystring: { next?: string } }>(urls.register(), async (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.viewer) return reply.redirect(urls.profile(), 303);
    return showRegister(deps, request, reply, emptyForm(), next);
  });

  app.post<{ Body: FormBody }>(
    urls.register(),
    {
      schema: { body: formSchema('_csrf', 'next', 'email', 'display_name', 'password') },
      config: { rateLimit: { max: 20, timeWindow: 3_600_000 } },
    },
    async (request, reply) => {
      const t = frameFor(deps, request, urls.register()).t;
      if (!sameOrigin(request, deps.config.siteUrl)) return sendError(deps, request, reply, 403);
      const body = request.body;
      const next = safeNext(body?.next);
      const form = emptyForm({ email: field(body, 'email'), display_name: field(body, 'display_name') });
      const token = checkGuestToken(deps, body, GUEST_PURPOSE.register);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired') {
        return showRegister(deps, request, reply, { ...form, notice: errorNotice(t.formExpired) }, next, 403);
      }
      const result = await deps.accounts.register(
        {
          email: form.values.email ?? '',
          displayName: form.values.display_name ?? '',
          password: field(body, 'password'),
        },
        deps.clock.now(),
      );
      if (!result.ok) {
        for (const [name, code] of Object.entries(result.errors)) {
          if (code) form.errors[FORM_FIELD[name as AccountField]] = t.account.fieldErrors[code];
        }
        form.notice = errorNotice(t.account.formHasErrors);
        return showRegister(deps, request, reply, form, next, 422);
      }
      return sendMessage(deps, request, reply, {
        path: urls.register(),
        title: t.account.checkMailTitle,
        notice: okNotice(t.account.checkMailText(form.values.email?.trim().toLowerCase() ?? '')),
        hint: t.account.checkMailHint,
        links: [{ href: loginUrl(next), label: t.account.signIn }],
      });
    },
  );

  app.get<{ Querystring: { token?: string } }>(
    urls.verifyEmail(),
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const t = frameFor(deps, request, urls.verifyEmail()).t;
      const a = t.account;
      const raw = request.query.token;
      const result = await deps.accounts.verifyEmail(typeof raw === 'string' ? raw : '', deps.clock.now());
      const onward = request.viewer
        ? { href: urls.profile(), label: a.toProfile }
        : { href: urls.login(), label: a.signIn };
      if (result.ok) {
        return sendMessage(deps, request, reply, {
          path: urls.verifyEmail(),
          title: a.verifiedTitle,
          notice: okNotice(a.verifiedText),
          links: [onward],
        });
      }
      const [status, text] =
        result.reason === 'used'
          ? [410, a.verifyUsed]
          : result.reason === 'expired'
            ? [410, a.verifyExpired]
            : [400, a.linkInvalid];
      return sendMessage(
        deps,
        request,
        reply,
        { path: urls.verifyEmail(), title: a.badLinkTitle, notice: errorNotice(text), links: [onward] },
        status,
      );
    },
  );
}
