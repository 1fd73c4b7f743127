// The site settings page, for admins. A save reaches every process through the bus ('settings'),
// where the newsroom settings are read again and the feeds (tagged 'settings') are made anew.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFeedContent, type SlugStyle } from '../../newsroom/settings.js';
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
import { type Fields, one } from './params.js';
import {
  SITE_SETTINGS_URL,
  type SiteSettingsData,
  SiteSettingsPage,
  SLUG_STYLES,
} from './site-settings-view.js';

const isSlugStyle = (s: string): s is SlugStyle => (SLUG_STYLES as readonly string[]).includes(s);

export function siteSettingsRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const admins = { onRequest: requireCan(deps, 'settings.manage') };

  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    d: Omit<SiteSettingsData, 'csrf'>,
    status = 200,
  ) => {
    const f = buildFrame(deps, SITE_SETTINGS_URL, request);
    const page = (
      <SiteSettingsPage f={f} assets={deps.assets} d={{ ...d, csrf: staffToken(deps, request) }} />
    );
    return sendStaffPage(reply, page, status);
  };

  app.get(
    SITE_SETTINGS_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, SITE_SETTINGS_URL, request).t;
      const saved = one(request.query as Fields, 'saved', t);
      if (saved !== undefined && saved !== '1') throw new BadRequest(t.staff.badQuery('saved'));
      const notice = saved ? { kind: 'ok' as const, text: t.staff.settingsSaved } : null;
      const { slugStyle, feedContent } = deps.newsroomSettings.get();
      return show(request, reply, { slugStyle, feedContent, error: null, notice });
    }),
  );

  app.post(
    SITE_SETTINGS_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, SITE_SETTINGS_URL, request).t;
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const slugStyle = one(body, 'slugStyle', t) ?? '';
      // Radio buttons send one of the choices (a post without the field keeps the current one);
      // any other value is not this form's doing.
      const feedContent = one(body, 'feedContent', t) ?? deps.newsroomSettings.get().feedContent;
      if (!isFeedContent(feedContent)) throw new BadRequest(t.staff.badQuery(t.staff.feedContent));
      if (token === 'expired')
        return show(
          request,
          reply,
          { slugStyle, feedContent, error: null, notice: { kind: 'error', text: t.formExpired } },
          403,
        );
      if (!isSlugStyle(slugStyle)) {
        const notice = { kind: 'error' as const, text: t.staff.hasErrors };
        return show(request, reply, { slugStyle, feedContent, error: t.staff.slugStyleChoice, notice }, 422);
      }
      const before = deps.newsroomSettings.get();
      await deps.newsroomSettings.save({ ...before, slugStyle, feedContent });
      deps.bus.publish({ type: 'invalidate', tags: ['settings'] });
      if (before.slugStyle !== slugStyle)
        deps.log.info(
          { actorId: staffOf(request).id, from: before.slugStyle, to: slugStyle },
          'slug style changed',
        );
      return reply.redirect(`${SITE_SETTINGS_URL}?saved=1`, 303);
    }),
  );
}
