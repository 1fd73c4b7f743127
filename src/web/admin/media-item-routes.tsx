// One image of the library: its page, saving its texts, deleting it when no article shows it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MediaUses } from '../../media/library.js';
import type { MediaItem, MediaTexts } from '../../media/types.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import { articleCount } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { answering, BadRequest, checkStaffPost, requireCan, sendStaffPage, staffToken } from './guard.js';
import type { Notice } from './layout.js';
import { MEDIA_URL, mediaItemUrl, textErrorMessages } from './media-fields.js';
import { type MediaItemData, MediaItemPage } from './media-item-view.js';
import { type Fields, isId, one } from './params.js';

const ITEM_URL = `${MEDIA_URL}/:id`;

function idOf(request: FastifyRequest, f: Frame): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!isId(raw)) throw new BadRequest(f.t.media.errors.badId);
  return Number(raw);
}

function textsOf(body: Fields, f: Frame): MediaTexts {
  return {
    alt: one(body, 'alt', f.t) ?? '',
    caption: one(body, 'caption', f.t) ?? '',
    credit: one(body, 'credit', f.t) ?? '',
  };
}

function usesText(f: Frame, uses: MediaUses): string {
  const e = f.t.media.errors;
  const where = [
    uses.covers > 0 ? e.asCover(articleCount(f, uses.covers)) : '',
    uses.bodies > 0 ? e.inBody(articleCount(f, uses.bodies)) : '',
  ].filter(Boolean);
  return e.inUse(where.join(f.locale === 'bg' ? ' и ' : ' and '));
}

export function mediaItemRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const staff = { onRequest: requireCan(deps, 'articles.write') };

  function page(
    request: FastifyRequest,
    reply: FastifyReply,
    f: Frame,
    item: MediaItem,
    o: Partial<Pick<MediaItemData, 'values' | 'errors'>> & { notice: Notice | null; status?: number },
  ) {
    const d: MediaItemData = {
      item,
      csrf: staffToken(deps, request),
      notice: o.notice,
      values: o.values ?? { alt: item.alt, caption: item.caption, credit: item.credit },
      errors: o.errors ?? {},
    };
    return sendStaffPage(reply, <MediaItemPage f={f} assets={deps.assets} d={d} />, o.status);
  }

  app.get(
    ITEM_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, request.url.split('?')[0] ?? MEDIA_URL, request);
      const item = await deps.media.get(idOf(request, f));
      if (!item) return sendError(deps, request, reply, 404, f.t.media.errors.notFound);
      const done = one(request.query as Fields, 'done', f.t);
      if (done !== undefined && done !== 'saved') throw new BadRequest(f.t.media.errors.badDone);
      return page(request, reply, f, item, {
        notice: done ? { kind: 'ok', text: f.t.media.done.saved } : null,
      });
    }),
  );

  app.post(
    ITEM_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, request.url, request);
      const id = idOf(request, f);
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const values = textsOf(body, f);
      const item = await deps.media.get(id);
      if (!item) return sendError(deps, request, reply, 404, f.t.media.errors.notFound);
      if (token === 'expired')
        return page(request, reply, f, item, {
          values,
          notice: { kind: 'error', text: f.t.formExpired },
          status: 403,
        });
      const saved = await deps.media.update(id, values);
      if (saved.ok) return reply.redirect(`${mediaItemUrl(id)}?done=saved`, 303);
      if (saved.error === 'not-found') return sendError(deps, request, reply, 404, f.t.media.errors.notFound);
      return page(request, reply, f, item, {
        values,
        errors: textErrorMessages(f.t, saved.fields),
        notice: { kind: 'error', text: f.t.media.errors.haveErrors },
        status: 422,
      });
    }),
  );

  app.post(
    `${ITEM_URL}/delete`,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, request.url, request);
      const id = idOf(request, f);
      const token = checkStaffPost(deps, request, ((request.body ?? {}) as Fields)._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const item = await deps.media.get(id);
      if (!item) return sendError(deps, request, reply, 404, f.t.media.errors.notFound);
      if (token === 'expired')
        return page(request, reply, f, item, {
          notice: { kind: 'error', text: f.t.formExpired },
          status: 403,
        });
      const removed = await deps.media.remove(id);
      if (removed.ok) return reply.redirect(`${MEDIA_URL}?done=deleted`, 303);
      if (removed.reason === 'not-found')
        return sendError(deps, request, reply, 404, f.t.media.errors.notFound);
      return page(request, reply, f, item, {
        notice: { kind: 'error', text: usesText(f, removed.uses) },
        status: 409,
      });
    }),
  );
}
