// Reading an image upload (multipart/form-data): one file, a few short fields, and the plugin's
// limits turned into reasons the library page can state. The file is held in memory; its size is
// capped at MEDIA_MAX_BYTES by the parser before it is ever complete.

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const UPLOAD_FIELDS = ['_csrf', 'alt', 'caption', 'credit'] as const;
type UploadField = (typeof UPLOAD_FIELDS)[number];

// Long enough for any valid caption in Cyrillic (two bytes a letter); a longer one is refused
// by the length checks anyway, as a cut value is still too long.
const FIELD_BYTES = 4096;

/** The multipart parser, for the routes of one plugin scope only. */
export async function registerUploads(scope: FastifyInstance, maxBytes: number): Promise<void> {
  await scope.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12, fieldSize: FIELD_BYTES },
  });
}

export type UploadProblem = 'too-large' | 'not-multipart' | 'too-many-parts' | 'broken';

export interface UploadForm {
  /** null when no file part came (or it was cut off by a problem). */
  file: { data: Buffer; name: string } | null;
  fields: Partial<Record<UploadField, string>>;
  /** Set when the upload could not be read whole; the fields read before it are still there. */
  problem: UploadProblem | null;
}

function problemOf(err: unknown): UploadProblem {
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return 'too-large';
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return 'too-many-parts';
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return 'not-multipart';
  // Busboy's own complaints: a body cut short, a malformed part header, a field named __proto__.
  return 'broken';
}

export async function readUpload(request: FastifyRequest): Promise<UploadForm> {
  const form: UploadForm = { file: null, fields: {}, problem: null };
  if (!request.isMultipart()) {
    // A plain form post still brings its token, so the answer can say what is wrong with it.
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const name of UPLOAD_FIELDS) {
      const value = body[name];
      if (typeof value === 'string') form.fields[name] = value;
    }
    return { ...form, problem: 'not-multipart' };
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') form.file = { data, name: part.filename ?? '' };
        continue;
      }
      const name = part.fieldname as UploadField;
      if (!UPLOAD_FIELDS.includes(name) || typeof part.value !== 'string') continue;
      // A repeated field is not something the form sends: the first one counts.
      if (form.fields[name] === undefined) form.fields[name] = part.value;
    }
  } catch (err) {
    form.problem = problemOf(err);
    if (form.problem === 'too-large') form.file = null;
  }
  return form;
}
