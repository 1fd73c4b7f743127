// /admin/home: editors place articles in the home page's slots and set the banner. Every change
// is a form post answered with a 303 back to the page, and announced on the bus so cached pages
// showing the old arrangement are dropped.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validateBanner } from '../../newsroom/banner.js';
import { BANNER_TAG, HOME_TAG } from '../../newsroom/expiry.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import type { Frame } from '../site/views/frame.js';
import { BANNER_URL, type BannerFormField, type BannerFormState } from './banner-form.js';
import {
  answering,
  BadRequest,
  checkStaffPost,
  requireCan,
  sendStaffPage,
  staffOf,
  staffToken,
} from './guard.js';
import { articleIdField, localInputs, readLocalDateTime, slotField, textField } from './home-form.js';
import { HOME_URL, HomeCurationPage, type HomePageData, type PickState } from './home-view.js';
import type { Notice } from './layout.js';
import { type Fields, one } from './params.js';

type Done = keyof Messages['cur']['done'];
const DONE: readonly Done[] = ['slot', 'cleared', 'banner', 'banner-removed'];

function doneNotice(query: Fields, t: Messages): Notice | null {
  const done = one(query, 'done', t);
  if (done === undefined) return null;
  if (!(DONE as readonly string[]).includes(done)) throw new BadRequest(t.desk.badParam('done'));
  return { kind: 'ok', text: t.cur.done[done as Done] };
}

function bannerValues(deps: SiteDeps): BannerFormState {
  const b = deps.banner.get();
  const at = localInputs(b?.expiresAt ?? null, deps.config.timeZone);
  return {
    values: { text: b?.text ?? '', link: b?.link ?? '', level: b?.level ?? 'breaking', ...at },
    errors: {},
  };
}

export function homeRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const staff = { onRequest: requireCan(deps, 'home.curate') };
  const tz = deps.config.timeZone;

  /** The whole page; the parts a failed post re-shows replace the defaults. */
  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    f: Frame,
    parts: {
      pick?: Partial<PickState>;
      bannerForm?: BannerFormState;
      notice?: Notice | null;
      status?: number;
    },
  ) {
    const now = deps.clock.now();
    const slot = parts.pick?.slot ?? 0;
    const term = parts.pick?.term ?? '';
    const d: HomePageData = {
      slots: await deps.curation.list(now),
      pick: {
        slot,
        term,
        results: await deps.curation.search(term),
        until: parts.pick?.until ?? { date: '', time: '' },
        errors: parts.pick?.errors ?? {},
      },
      banner: deps.banner.get(),
      bannerActive: deps.banner.active(now) !== null,
      bannerForm: parts.bannerForm ?? bannerValues(deps),
      csrf: staffToken(deps, request),
      notice: parts.notice ?? null,
    };
    return sendStaffPage(reply, <HomeCurationPage f={f} assets={deps.assets} d={d} />, parts.status ?? 200);
  }

  /** The post's token: 'invalid' has been answered with a 403 (null), 'expired' re-shows the form. */
  function tokenOf(request: FastifyRequest, reply: FastifyReply, body: Fields) {
    const token = checkStaffPost(deps, request, body._csrf);
    if (token === 'invalid') {
      sendError(deps, request, reply, 403);
      return null;
    }
    return token;
  }

  app.get(
    HOME_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, HOME_URL, request);
      const query = request.query as Fields;
      const notice = doneNotice(query, f.t);
      const pick = { slot: slotField(query, f.t) ?? 0, term: textField(query, 'q', 200, f.t).trim() };
      return page(request, reply, f, { pick, notice });
    }),
  );

  app.post(
    `${HOME_URL}/slot`,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, HOME_URL, request);
      const body = (request.body ?? {}) as Fields;
      const token = tokenOf(request, reply, body);
      if (token === null) return reply;
      const t = f.t.cur;
      const slot = slotField(body, f.t);
      if (slot === undefined) throw new BadRequest(t.badSlot);
      const term = textField(body, 'q', 200, f.t).trim();
      const until = {
        date: textField(body, 'until_date', 40, f.t),
        time: textField(body, 'until_time', 40, f.t),
      };
      const again = (status: number, errors: PickState['errors'], text: string) =>
        page(request, reply, f, {
          pick: { slot, term, until, errors },
          notice: { kind: 'error', text },
          status,
        });
      if (token === 'expired') return again(403, {}, f.t.formExpired);
      const articleId = articleIdField(body, f.t);
      const now = deps.clock.now();
      const time = readLocalDateTime(until.date, until.time, tz, now);
      if (!time.ok) return again(400, { until: t.timeErrors[time.error] }, t.timeErrors[time.error]);
      const result = await deps.curation.set(slot, articleId, time.value, staffOf(request).id, now);
      if (!result.ok) {
        const text = t.slotErrors[result.error];
        return again(400, result.error === 'until-past' ? { until: text } : { article: text }, text);
      }
      deps.bus.publish({ type: 'invalidate', tags: [HOME_TAG] });
      return reply.redirect(`${HOME_URL}?done=slot`, 303);
    }),
  );

  app.post(
    `${HOME_URL}/clear`,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, HOME_URL, request);
      const body = (request.body ?? {}) as Fields;
      const token = tokenOf(request, reply, body);
      if (token === null) return reply;
      const slot = slotField(body, f.t);
      if (slot === undefined) throw new BadRequest(f.t.cur.badSlot);
      if (token === 'expired') return page(request, reply, f, { notice: expired(f), status: 403 });
      await deps.curation.clear(slot);
      deps.bus.publish({ type: 'invalidate', tags: [HOME_TAG] });
      return reply.redirect(`${HOME_URL}?done=cleared`, 303);
    }),
  );

  app.post(
    BANNER_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, HOME_URL, request);
      const body = (request.body ?? {}) as Fields;
      const token = tokenOf(request, reply, body);
      if (token === null) return reply;
      const t = f.t.cur;
      const values = {
        text: textField(body, 'text', 2000, f.t),
        link: textField(body, 'link', 2000, f.t),
        level: textField(body, 'level', 40, f.t),
        date: textField(body, 'expires_date', 40, f.t),
        time: textField(body, 'expires_time', 40, f.t),
      };
      const again = (status: number, errors: BannerFormState['errors'], text: string) =>
        page(request, reply, f, { bannerForm: { values, errors }, notice: { kind: 'error', text }, status });
      if (token === 'expired') return again(403, {}, f.t.formExpired);
      const now = deps.clock.now();
      const time = readLocalDateTime(values.date, values.time, tz, now);
      const input = { text: values.text, link: values.link, level: values.level };
      const checked = validateBanner({ ...input, expiresAt: time.ok ? time.value : null }, now);
      const errors: BannerFormState['errors'] = {};
      if (!time.ok) errors.expires = t.timeErrors[time.error];
      if (!checked.ok)
        for (const e of checked.errors) {
          const field: BannerFormField = e.field === 'expiresAt' ? 'expires' : e.field;
          errors[field] ??= t.bannerErrors[`${e.field}-${e.problem}`] ?? t.notSaved;
        }
      if (!time.ok || !checked.ok)
        return again(400, errors, [t.notSaved, ...Object.values(errors)].join(' '));
      await deps.banner.save({ ...input, expiresAt: time.value }, now);
      deps.bus.publish({ type: 'invalidate', tags: [BANNER_TAG] });
      return reply.redirect(`${HOME_URL}?done=banner#banner`, 303);
    }),
  );

  app.post(
    `${BANNER_URL}/remove`,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, HOME_URL, request);
      const body = (request.body ?? {}) as Fields;
      const token = tokenOf(request, reply, body);
      if (token === null) return reply;
      if (token === 'expired') return page(request, reply, f, { notice: expired(f), status: 403 });
      await deps.banner.remove();
      deps.bus.publish({ type: 'invalidate', tags: [BANNER_TAG] });
      return reply.redirect(`${HOME_URL}?done=banner-removed#banner`, 303);
    }),
  );
}

const expired = (f: Frame): Notice => ({ kind: 'error', text: f.t.formExpired });
