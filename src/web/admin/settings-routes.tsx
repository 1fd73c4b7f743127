// The site's comment settings. Moderators manage them (docs/roles.md): they are the ones who see
// what the word lists and thresholds let through. A save reaches every process through the bus.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { logModeration } from '../../comments/log.js';
import { validateSettings } from '../../comments/settings.js';
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
import { SETTINGS_URL } from './layout.js';
import { type Fields, one } from './params.js';
import { describeChanges, errorTexts, formValues, readSettingsForm } from './settings-form.js';
import { SettingsPage, type SettingsPageData } from './settings-view.js';

export function settingsRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const staff = { onRequest: requireCan(deps, 'comments.moderate') };

  app.get(
    SETTINGS_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, SETTINGS_URL, request);
      const saved = one(request.query as Fields, 'saved', f.t);
      if (saved !== undefined && saved !== '1') throw new BadRequest(f.t.desk.badParam('saved'));
      const d: SettingsPageData = {
        values: formValues(deps.commentSettings.get()),
        errors: {},
        csrf: staffToken(deps, request),
        notice: saved ? { kind: 'ok', text: f.t.desk.saved } : null,
      };
      return sendStaffPage(reply, <SettingsPage f={f} assets={deps.assets} d={d} />);
    }),
  );

  app.post(
    SETTINGS_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, SETTINGS_URL, request);
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const { typed, input } = readSettingsForm(body, f.t);
      const again = (status: number, d: Omit<SettingsPageData, 'values' | 'csrf'>) =>
        sendStaffPage(
          reply,
          <SettingsPage
            f={f}
            assets={deps.assets}
            d={{ ...d, values: typed, csrf: staffToken(deps, request) }}
          />,
          status,
        );
      // What was typed is kept; only the token is new.
      if (token === 'expired')
        return again(403, { errors: {}, notice: { kind: 'error', text: f.t.formExpired } });
      const checked = validateSettings(input);
      if (!checked.ok) {
        const notice = { kind: 'error' as const, text: f.t.desk.settingsHaveErrors };
        return again(422, { errors: errorTexts(f.t, checked.errors), notice });
      }
      const before = deps.commentSettings.get();
      await deps.commentSettings.save(checked.value);
      deps.bus.publish({ type: 'invalidate', tags: ['settings'] });
      await logModeration(deps.db, {
        actor: staffOf(request),
        action: 'settings',
        detail: describeChanges(before, checked.value),
        now: deps.clock.now(),
      });
      return reply.redirect(`${SETTINGS_URL}?saved=1`, 303);
    }),
  );
}
