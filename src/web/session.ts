// Who is asking: the session cookie, looked up once per request and only when it is there, so
// anonymous readers (the cached majority) cost nothing. Signed-in pages are rendered per reader
// and never cached; forms of a signed-in reader carry a token bound to their session.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionStore, SessionUser } from '../accounts/sessions.js';
import type { Clock } from '../infra/clock.js';
import type { FormTokens, TokenCheck } from './form-tokens.js';

export const SESSION_COOKIE = 'vestnik_session';
const SESSION_MAX_AGE_S = 30 * 86_400;

declare module 'fastify' {
  interface FastifyRequest {
    viewer: SessionUser | null;
    /** The session's id (the hash of its token), for binding form tokens. */
    sessionId: string | null;
    sessionToken: string | null;
    /** The browser sent a session that has expired: pages tell the reader to sign in again. */
    sessionExpired: boolean;
  }
}

/** True when the raw request carries a session cookie: the page cache must not answer it. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return cookieHeader?.includes(`${SESSION_COOKIE}=`) === true;
}

export async function registerSessions(
  app: FastifyInstance,
  deps: { sessions: SessionStore; clock: Clock; secure: boolean },
): Promise<void> {
  await app.register(cookie, { hook: false });
  app.decorateRequest('viewer', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request, reply) => {
    if (!hasSessionCookie(request.headers.cookie)) return;
    const token = app.parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
    const found = await deps.sessions.lookup(token, deps.clock.now());
    if (found.status === 'valid') {
      request.viewer = found.user;
      request.sessionId = found.sessionId;
      request.sessionToken = token ?? null;
      return;
    }
    request.sessionExpired = found.status === 'expired';
    clearSessionCookie(reply, deps.secure);
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_MAX_AGE_S,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * The form token purpose: a signed-in reader's forms are bound to their session, so a token
 * read from a public page is useless against them; a guest's to what the form acts on.
 */
export function formPurpose(request: FastifyRequest, guestPurpose: string): string {
  return request.sessionId ? `session:${request.sessionId}` : guestPurpose;
}

export function formToken(tokens: FormTokens, request: FastifyRequest, guestPurpose: string): string {
  return tokens.create(formPurpose(request, guestPurpose));
}

export function checkFormToken(
  tokens: FormTokens,
  request: FastifyRequest,
  token: unknown,
  guestPurpose: string,
): TokenCheck {
  return tokens.check(token, formPurpose(request, guestPurpose));
}
