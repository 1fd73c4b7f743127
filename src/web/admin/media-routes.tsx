// The media library under /admin/media: browse and search, upload (a plain form, or the editor's
// script asking for JSON), describe, delete. Everyone who writes articles may use it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UploadResult } from '../../media/library.js';
import type { MediaTexts } from '../../media/types.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import { wantsJson } from '../site/routes/request-checks.js';
import {
  answering,
  BadRequest,
  checkStaffPost,
  requireCan,
  sendStaffPage,
  staffOf,
  staffToken,
} from './guard.js';
import type { Notice } from './layout.js';
import { limitsText, MEDIA_JSON_URL, MEDIA_URL, textErrorMessages } from './media-fields.js';
import { mediaItemRoutes } from './media-item-routes.js';
import { readUpload, registerUploads, type UploadProblem } from './media-upload.js';
import { MediaLibraryPage } from './media-view.js';
import { type Fields, one, pageOf, searchOf } from './params.js';

export const MEDIA_PAGE_SIZE = 24;
const NO_TEXTS: MediaTexts = { alt: '', caption: '', credit: '' };
const DONE = ['uploaded', 'deleted'] as const;

type Refusal = Exclude<UploadResult, { ok: true }>['error'] | UploadProblem;

const STATUS: Record<Refusal, number> = {
  empty: 400,
  'too-large': 413,
  'unsupported-type': 415,
  'too-many-pixels': 422,
  corrupt: 422,
  'invalid-text': 422,
  'not-multipart': 415,
  'too-many-parts': 413,
  broken: 400,
};

function refusalText(
  t: Messages,
  deps: SiteDeps,
  refusal: Refusal,
  f: ReturnType<typeof buildFrame>,
): string {
  const e = t.media.errors;
  const limits = limitsText(f, {
    maxBytes: deps.config.mediaMaxBytes,
    maxPixels: deps.config.mediaMaxPixels,
  });
  switch (refusal) {
    case 'too-large':
      return e['too-large'](limits.mb);
    case 'too-many-pixels':
      return e['too-many-pixels'](limits.mp);
    case 'invalid-text':
      return e.haveErrors;
    case 'not-multipart':
      return e.notMultipart;
    case 'too-many-parts':
      return e.tooManyParts;
    case 'broken':
      return e.broken;
    default:
      return e[refusal];
  }
}

export function mediaRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const staff = { onRequest: requireCan(deps, 'articles.write') };

  /** The library page; after a refused upload, with the notice and what was typed. */
  async function libraryPage(
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      query: string;
      page: number;
      notice: Notice | null;
      status?: number;
      values?: MediaTexts;
      errors?: Fields;
    },
  ) {
    const f = buildFrame(deps, MEDIA_URL, request);
    const list = await deps.media.search(o.query, o.page, MEDIA_PAGE_SIZE);
    if (o.page > list.pages) return sendError(deps, request, reply, 404);
    const limits = limitsText(f, {
      maxBytes: deps.config.mediaMaxBytes,
      maxPixels: deps.config.mediaMaxPixels,
    });
    const d = {
      list,
      query: o.query,
      csrf: staffToken(deps, request),
      notice: o.notice,
      values: o.values ?? NO_TEXTS,
      errors: (o.errors ?? {}) as Record<string, string>,
      limits,
    };
    return sendStaffPage(reply, <MediaLibraryPage f={f} assets={deps.assets} d={d} />, o.status);
  }

  // Its own scope: only the upload route parses multipart bodies, with the media size limit.
  app.register(async (scope) => {
    await registerUploads(scope, deps.config.mediaMaxBytes);

    scope.post(
      MEDIA_URL,
      staff,
      answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
        const f = buildFrame(deps, MEDIA_URL, request);
        const json = wantsJson(request);
        const form = await readUpload(request);
        const header = request.headers['x-csrf-token'];
        const token = checkStaffPost(deps, request, typeof header === 'string' ? header : form.fields._csrf);
        const values: MediaTexts = {
          alt: form.fields.alt ?? '',
          caption: form.fields.caption ?? '',
          credit: form.fields.credit ?? '',
        };
        const refuse = (refusal: Refusal | 'expired', errors: Fields = {}) => {
          const status = refusal === 'expired' ? 403 : STATUS[refusal];
          const text = refusal === 'expired' ? f.t.formExpired : refusalText(f.t, deps, refusal, f);
          if (json) return reply.code(status).send({ error: text, fields: errors });
          const notice = { kind: 'error' as const, text };
          return libraryPage(request, reply, { query: '', page: 1, notice, status, values, errors });
        };
        if (token === 'invalid') {
          return json ? reply.code(403).send({ error: f.t.forbidden }) : sendError(deps, request, reply, 403);
        }
        if (token === 'expired') return refuse('expired');
        if (form.problem) return refuse(form.problem);
        if (!form.file) return refuse('empty');
        const result = await deps.media.upload(
          { data: form.file.data, originalName: form.file.name, ...values },
          staffOf(request).id,
          deps.clock.now(),
        );
        if (!result.ok) {
          return result.error === 'invalid-text'
            ? refuse('invalid-text', textErrorMessages(f.t, result.fields))
            : refuse(result.error);
        }
        if (json) return reply.code(201).send({ item: result.item });
        return reply.redirect(`${MEDIA_URL}?done=uploaded`, 303);
      }),
    );
  });

  app.get(
    MEDIA_URL,
    staff,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, MEDIA_URL, request);
      const query = request.query as Fields;
      const done = one(query, 'done', f.t);
      if (done !== undefined && !(DONE as readonly string[]).includes(done))
        throw new BadRequest(f.t.media.errors.badDone);
      const notice = done
        ? { kind: 'ok' as const, text: f.t.media.done[done as (typeof DONE)[number]] }
        : null;
      return libraryPage(request, reply, { query: searchOf(query, f.t), page: pageOf(query, f.t), notice });
    }),
  );

  // The editor's image picker.
  app.get(MEDIA_JSON_URL, staff, async (request: FastifyRequest, reply: FastifyReply) => {
    const t = buildFrame(deps, MEDIA_JSON_URL, request).t;
    const query = request.query as Fields;
    let q: string;
    let page: number;
    try {
      q = searchOf(query, t);
      page = pageOf(query, t);
    } catch (err) {
      if (err instanceof BadRequest) return reply.code(400).send({ error: err.message });
      throw err;
    }
    const list = await deps.media.search(q, page, MEDIA_PAGE_SIZE);
    return reply.send({ items: list.items, page: list.page, pages: list.pages, total: list.total });
  });

  mediaItemRoutes(app, deps);
}
