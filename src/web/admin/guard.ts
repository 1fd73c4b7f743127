// The door of the staff area: who may come in, what every staff answer carries, and the checks on
// every form sent from it. Staff pages are per person and never cached or indexed.
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { can, type Permission } from '../../accounts/roles.js';
import type { TokenCheck } from '../form-tokens.js';
import { messages } from '../i18n.js';
import { checkFormToken, formPurpose } from '../session.js';
import type { SiteDeps } from '../site/deps.js';
import { sendError } from '../site/routes/errors.js';
import { sameOrigin } from '../site/routes/request-checks.js';
import { urls } from '../site/urls.js';

export function staffHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
}

/**
 * An onRequest hook (it runs before the body is even parsed, so nobody without the right learns
 * anything from validation errors): anonymous visitors are sent to sign in and come back, signed-in
 * accounts whose role lacks the permission get a 403 page. Every staff route has one.
 */
export function requireCan(deps: SiteDeps, permission: Permission): onRequestHookHandler {
  return async (request, reply) => {
    staffHeaders(reply);
    const viewer = request.viewer;
    if (!viewer) {
      // After signing in the browser comes back with a GET: a form's URL would be a 404.
      const back = request.method === 'GET' ? request.url : urls.admin();
      return reply.redirect(`${urls.login()}?next=${encodeURIComponent(back)}`, 303);
    }
    if (!can(viewer.role, permission)) {
      return sendError(deps, request, reply, 403, messages(deps.config.locale).desk.noRight);
    }
  };
}

/** The signed-in viewer of a staff route; requireCan has made sure there is one. */
export function staffOf(request: FastifyRequest): { id: number; name: string } {
  const viewer = request.viewer;
  if (!viewer) throw new Error('staff route without requireCan');
  return { id: viewer.id, name: viewer.displayName };
}

/** The form token of staff forms: bound to the session, useless to anybody else. */
export function staffToken(deps: SiteDeps, request: FastifyRequest): string {
  return deps.formTokens.create(formPurpose(request, ''));
}

/** A cross-site post is 'invalid' whatever its token says. */
export function checkStaffPost(deps: SiteDeps, request: FastifyRequest, token: unknown): TokenCheck {
  if (!sameOrigin(request, deps.config.siteUrl)) return 'invalid';
  return checkFormToken(deps.formTokens, request, token, '');
}

export function sendStaffPage(reply: FastifyReply, view: VNode, status = 200): FastifyReply {
  return staffHeaders(reply)
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .send(`<!doctype html>${renderToString(view)}`);
}

/** A request the desk cannot make sense of: answered with a 400 page that says why. */
export class BadRequest extends Error {}

/** Runs a staff handler; a BadRequest thrown while reading the request becomes the 400 page. */
export function answering<R extends FastifyRequest>(
  deps: SiteDeps,
  handler: (request: R, reply: FastifyReply) => Promise<unknown>,
): (request: R, reply: FastifyReply) => Promise<unknown> {
  return async (request, reply) => {
    try {
      return await handler(request, reply);
    } catch (err) {
      if (!(err instanceof BadRequest)) throw err;
      return sendError(deps, request, staffHeaders(reply), 400, err.message);
    }
  };
}
