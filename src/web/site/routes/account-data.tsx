// The reader's own data: downloading all of it (/profil/danni.json) and deleting the account
// (/profil/iztrivane), with a page to land on afterwards (/profil/iztrit).
import type { FastifyInstance } from 'fastify';
import type { DeleteMode } from '../../../accounts/removal.js';
import { messages } from '../../i18n.js';
import { clearSessionCookie } from '../../session.js';
import type { SiteDeps } from '../deps.js';
import { urls } from '../urls.js';
import { type ProfileState, profileUrls } from '../views/account-profile.js';
import {
  errorNotice,
  type FormBody,
  field,
  formSchema,
  loginUrl,
  minutesOf,
  okNotice,
  secureCookies,
  sendMessage,
  setRetryAfter,
} from './account-common.js';
import { profilePost, showProfile } from './account-profile.js';
import { sendError } from './errors.js';

const DELETE_MODES: readonly DeleteMode[] = ['remove-comments', 'keep-comments'];
const isDeleteMode = (s: string): s is DeleteMode => (DELETE_MODES as readonly string[]).includes(s);

export function accountDataRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const a = messages(deps.config.locale).account;

  app.get(
    profileUrls.exportData,
    { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (request, reply) => {
      const viewer = request.viewer;
      if (!viewer) return reply.redirect(loginUrl(profileUrls.exportData), 303);
      const now = deps.clock.now();
      const data = await deps.accounts.exportData(viewer.id, now);
      if (!data) return sendError(deps, request, reply, 404);
      const day = new Date(now).toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="vestnik-data-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.post<{ Body: FormBody }>(
    profileUrls.remove,
    {
      schema: { body: formSchema('_csrf', 'mode', 'password') },
      config: { rateLimit: { max: 10, timeWindow: 15 * 60_000 } },
    },
    profilePost(
      deps,
      (body) => ({ deleteMode: field(body, 'mode') }),
      async ({ request, reply, viewer, body, now }) => {
        const mode = field(body, 'mode');
        const password = field(body, 'password');
        const refuse = (state: Partial<ProfileState>, status: number) =>
          showProfile(deps, request, reply, viewer, { deleteMode: mode, ...state }, status);
        const errors: ProfileState['errors'] = {};
        if (!isDeleteMode(mode)) errors.mode = a.deleteChoiceRequired;
        if (password === '') errors.password = a.passwordRequired;
        if (!isDeleteMode(mode) || password === '') {
          return refuse({ errors, notice: errorNotice(a.formHasErrors) }, 422);
        }
        // The password is checked the way signing in checks it, back-off against guessing
        // included; the session that check opens goes with the account a moment later.
        const check = await deps.accounts.logIn(
          {
            email: viewer.email,
            password,
            ipKey: deps.visitors.hash(request.ip, '', now),
            userAgent: request.headers['user-agent'] ?? '',
          },
          now,
        );
        if (!check.ok) {
          if (check.reason === 'throttled') {
            setRetryAfter(reply, check.retryAfterMs);
            return refuse({ notice: errorNotice(a.attemptsThrottled(minutesOf(check.retryAfterMs))) }, 429);
          }
          return refuse({ errors: { password: a.wrongPassword }, notice: errorNotice(a.formHasErrors) }, 422);
        }
        if (await deps.accounts.isLastAdmin(viewer.id)) {
          await deps.accounts.logOut(check.token);
          return refuse({ notice: errorNotice(a.lastAdmin) }, 409);
        }
        let articleIds: number[];
        try {
          ({ articleIds } = await deps.accounts.deleteAccount(viewer.id, mode, now));
        } catch (err) {
          await deps.accounts.logOut(check.token);
          throw err;
        }
        if (articleIds.length > 0) {
          deps.bus.publish({ type: 'invalidate', tags: articleIds.map((id) => `article:${id}`) });
          deps.bus.publish({ type: 'rankings-stale', reason: 'comment' });
        }
        clearSessionCookie(reply, secureCookies(deps));
        return reply.redirect(profileUrls.removed, 303);
      },
    ),
  );

  app.get(profileUrls.removed, async (request, reply) =>
    sendMessage(deps, request, reply, {
      path: profileUrls.removed,
      title: a.deletedTitle,
      notice: okNotice(a.deletedText),
      links: [{ href: urls.home(), label: messages(deps.config.locale).home }],
    }),
  );
}
