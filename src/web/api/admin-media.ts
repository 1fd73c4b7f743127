// POST /api/v1/admin/media: an image upload into the media library, read as the back office reads
// it (admin/media-upload.ts: multipart, one file, the size capped by MEDIA_MAX_BYTES while it
// arrives), stored with its responsive variants. The answer has everything a client needs to use
// the image at once, as an article's cover (cover_media_id) or in its body.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { can } from '../../accounts/roles.js';
import type { VARIANT_EXTS } from '../../media/images.js';
import type { MediaItem } from '../../media/types.js';
import { variantUrl } from '../../media/urls.js';
import { readUpload, registerUploads, type UploadProblem } from '../admin/media-upload.js';
import type { ApiMessages } from '../i18n/api.js';
import { adminScope, tokenActor } from './admin-scope.js';
import { type ApiDeps, requireApiKey } from './auth.js';
import { ApiError, apiWords } from './errors.js';
import { ErrorResponses, ErrorSchema } from './schemas.js';

const Uri = Type.String({ format: 'uri' });

export const MediaSchema = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String({ format: 'uri', description: 'The middle-width JPEG, for a plain <img>.' }),
    width: Type.Integer(),
    height: Type.Integer(),
    format: Type.String(),
    bytes: Type.Integer(),
    alt: Type.String(),
    caption: Type.String(),
    credit: Type.String(),
    variants: Type.Array(
      Type.Object(
        { width: Type.Integer(), avif: Uri, webp: Uri, jpeg: Uri },
        { additionalProperties: false },
      ),
      { description: 'Every width made, smallest first, in each format.' },
    ),
  },
  { additionalProperties: false },
);

const UploadBody = Type.Object({
  file: Type.String({ format: 'binary', description: 'The image: JPEG, PNG, WebP, AVIF, GIF or TIFF.' }),
  alt: Type.Optional(Type.String({ maxLength: 250 })),
  caption: Type.Optional(Type.String({ maxLength: 500 })),
  credit: Type.Optional(Type.String({ maxLength: 120 })),
});

type Refusal = 'empty' | 'too-large' | 'unsupported-type' | 'too-many-pixels' | 'corrupt' | UploadProblem;

const STATUS: Record<Refusal, number> = {
  empty: 400,
  broken: 400,
  'too-large': 413,
  'too-many-parts': 413,
  'unsupported-type': 415,
  'not-multipart': 415,
  'too-many-pixels': 422,
  corrupt: 422,
};

function refusal(t: ApiMessages, deps: ApiDeps, why: Refusal): ApiError {
  const m = t.admin.media;
  const mb = Math.round((deps.config.mediaMaxBytes / 1024 / 1024) * 10) / 10;
  const mp = Math.round(deps.config.mediaMaxPixels / 100_000) / 10;
  const message =
    why === 'too-large' ? m.tooLarge(mb) : why === 'too-many-pixels' ? m.tooManyPixels(mp) : m[why];
  return new ApiError(STATUS[why], why, message, why === 'not-multipart' ? 'body' : 'file');
}

function present(deps: ApiDeps, item: MediaItem) {
  const site = deps.config.siteUrl;
  const url = (w: number, ext: (typeof VARIANT_EXTS)[number]) => site + variantUrl(item.key, w, ext);
  return {
    id: item.id,
    url: site + item.url,
    width: item.width,
    height: item.height,
    format: item.format,
    bytes: item.bytes,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    variants: item.widths.map((w) => ({
      width: w,
      avif: url(w, 'avif'),
      webp: url(w, 'webp'),
      jpeg: url(w, 'jpg'),
    })),
  };
}

export function adminMediaRoutes(api: FastifyInstance, deps: ApiDeps): void {
  adminScope(api, deps, async (scope) => {
    // Only this scope parses multipart bodies, with the media size limit.
    await registerUploads(scope, deps.config.mediaMaxBytes);
    scope.post(
      '/admin/media',
      {
        onRequest: requireApiKey(deps, 'admin', 'media:write'),
        schema: {
          tags: ['Admin'],
          security: [{ adminToken: [] }],
          summary: 'Upload an image',
          description: 'multipart/form-data with the image in the part named `file`.',
          body: { content: { 'multipart/form-data': { schema: UploadBody } } },
          response: {
            201: MediaSchema,
            413: ErrorSchema,
            415: ErrorSchema,
            422: ErrorSchema,
            ...ErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const t = apiWords(request, deps.config.locale);
        const { actor } = tokenActor(request);
        if (!can(actor.role, 'articles.write')) throw new ApiError(403, 'forbidden', t.admin.noWrite);
        const form = await readUpload(request);
        if (form.problem) throw refusal(t, deps, form.problem);
        if (!form.file) throw refusal(t, deps, 'empty');
        const result = await deps.media.upload(
          {
            data: form.file.data,
            originalName: form.file.name,
            alt: form.fields.alt ?? '',
            caption: form.fields.caption ?? '',
            credit: form.fields.credit ?? '',
          },
          actor.id,
          deps.clock.now(),
        );
        if (!result.ok) {
          if (result.error !== 'invalid-text') throw refusal(t, deps, result.error);
          const field = Object.keys(result.fields)[0] ?? 'alt';
          throw new ApiError(422, 'too-long', t.admin.media.textTooLong(field), field);
        }
        return reply.code(201).header('cache-control', 'no-store').send(present(deps, result.item));
      },
    );
  });
}
