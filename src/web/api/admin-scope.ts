// The Admin API's own route scope, with stricter request checks than Fastify's defaults. Those drop
// unknown properties silently and coerce types (5 becomes "5", "true" becomes true); a client that
// writes articles must learn instead that a field is misspelt or of the wrong type. So bodies are
// checked by TypeBox's compiler exactly as their schemas say, path parameters after converting
// them from text, and an unknown property is refused by name before anything else.
import { FormatRegistry, type TObject, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../newsroom/types.js';
import type { ApiDeps } from './auth.js';
import { ApiError, apiWords } from './errors.js';

/** An ISO 8601 date and time with its offset (or Z), as the OpenAPI format 'date-time' means. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export function parseDateTime(s: string): number | null {
  if (!DATE_TIME.test(s)) return null;
  const ms = Date.parse(s.replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : null;
}

// TypeBox checks formats through its registry; only the one the Admin API's requests use.
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (s) => parseDateTime(s) !== null);

/** The part of a schema's body the request came with: the JSON one, or the only one. */
function bodySchemaOf(request: FastifyRequest): TObject | null {
  const body = request.routeOptions.schema?.body as
    | (TSchema & { content?: Record<string, { schema: TSchema }> })
    | undefined;
  if (!body) return null;
  const schema = body.content ? body.content[request.mediaType ?? '']?.schema : body;
  return schema && schema.type === 'object' ? (schema as TObject) : null;
}

function compile(schema: TSchema, httpPart: string | undefined, contentType: string | undefined) {
  // A multipart body is read part by part by its handler, which checks every part as it arrives.
  if (contentType === 'multipart/form-data') return () => true;
  const check = TypeCompiler.Compile(schema);
  const convert = httpPart === 'params' || httpPart === 'querystring';
  return (data: unknown) => {
    const value = convert ? Value.Convert(schema, data) : data;
    if (check.Check(value)) return { value };
    const issue = check.Errors(value).First();
    // The shape the API's error handler reads (register.ts): the path names the field.
    const path = issue?.path ?? '';
    return {
      error: [{ keyword: 'type', instancePath: path, schemaPath: path, message: issue?.message, params: {} }],
    };
  };
}

/** Registers `routes` in a scope of their own with the strict checks. */
export function adminScope(
  api: FastifyInstance,
  deps: ApiDeps,
  routes: (scope: FastifyInstance) => void | Promise<void>,
): void {
  api.register(async (scope) => {
    scope.setValidatorCompiler(({ schema, httpPart, ...rest }) =>
      compile(schema as TSchema, httpPart, (rest as { contentType?: string }).contentType),
    );
    scope.addHook('preValidation', async (request) => {
      const schema = bodySchemaOf(request);
      const body = request.body;
      if (schema?.additionalProperties !== false) return;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
      const unknown = Object.keys(body).filter((key) => !Object.hasOwn(schema.properties, key));
      const first = unknown[0];
      if (first === undefined) return;
      const t = apiWords(request, deps.config.locale);
      throw new ApiError(400, 'unknown-field', t.badFields(unknown.join(', ')), first);
    });
    await routes(scope);
  });
}

/**
 * The staff member an Admin API token acts as, twice: as they are (rights, bylines) and as the
 * revisions name them, so the history shows the change came through the API and by which token.
 */
export function tokenActor(request: FastifyRequest): { actor: Actor; signed: Actor } {
  const actor = request.apiActor;
  const key = request.apiKey;
  if (!actor || !key) throw new Error('an Admin API route without requireApiKey');
  return { actor, signed: { ...actor, displayName: `${actor.displayName} (API: ${key.name})` } };
}
