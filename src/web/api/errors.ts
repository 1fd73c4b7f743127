// How the JSON APIs answer a problem: one shape for every error, the message in the client's
// language, the offending field named. Also the API's own conditional-GET JSON responses.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../infra/config.js';
import { type ApiMessages, apiMessages } from '../i18n/api.js';
import { matchesEtag } from '../page-cache.js';

export interface ApiErrorBody {
  error: { status: number; code: string; message: string; field?: string };
}

/** The language an API client asked for (Accept-Language), else the site's. */
export function apiLocale(request: FastifyRequest, fallback: Locale): Locale {
  const accept = request.headers['accept-language'];
  if (typeof accept !== 'string') return fallback;
  for (const part of accept.split(',')) {
    const lang = part.trim().slice(0, 2).toLowerCase();
    if (lang === 'bg' || lang === 'en') return lang;
  }
  return fallback;
}

export function apiWords(request: FastifyRequest, fallback: Locale): ApiMessages {
  return apiMessages[apiLocale(request, fallback)];
}

/** An error a route throws to answer with a status, a code and a message naming a field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function sendApiError(reply: FastifyReply, err: ApiError): FastifyReply {
  const body: ApiErrorBody = { error: { status: err.status, code: err.code, message: err.message } };
  if (err.field !== undefined) body.error.field = err.field;
  return reply.code(err.status).header('cache-control', 'no-store').send(body);
}

/**
 * JSON with a strong ETag; a matching If-None-Match gets 304. Private: responses depend on the
 * key, so shared caches must not keep them, but clients revalidate cheaply.
 */
export function sendApiJson(request: FastifyRequest, reply: FastifyReply, value: unknown): FastifyReply {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply
    .header('etag', etag)
    .header('cache-control', 'private, max-age=0, must-revalidate')
    .header('content-type', 'application/json; charset=utf-8');
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.send(body);
}
