// What the account routes share: reading form fields, where to go after signing in, the form
// token checks, and answers for throttled requests.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { TokenCheck } from '../../form-tokens.js';
import type { SiteDeps } from '../deps.js';
import { buildFrame, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { nextQuery } from '../views/account-auth.js';
import { type FormNotice, MessagePage, type PageLink } from '../views/account-form.js';
import type { Frame } from '../views/frame.js';

export type FormBody = Record<string, string | undefined>;

/** A form body of optional strings: anything else (arrays, huge values) is a 400, not a crash. */
export function formSchema(...fields: string[]) {
  return Type.Object(
    Object.fromEntries(fields.map((name) => [name, Type.Optional(Type.String({ maxLength: 2000 }))])),
  );
}

export const field = (body: FormBody | undefined, name: string): string => {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
};

/**
 * Where to send the reader after signing in: a path on this site only. "//host" and "/\host"
 * are read by browsers as other sites, so they and anything not starting with "/" become "/".
 */
export function safeNext(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 1000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Control characters (a tab or newline inside "/\t/host") are dropped by URL parsers.
  if (/\p{Cc}/u.test(raw)) return '/';
  // Whatever else a browser might read as another host, resolving against a dummy one shows;
  // the resolved form is also percent-encoded, as a Location header must be.
  try {
    const url = new URL(raw, 'http://here.invalid');
    if (url.host !== 'here.invalid') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

export const loginUrl = (next: string) => `${urls.login()}${nextQuery(next)}`;

export const secureCookies = (deps: SiteDeps) => deps.config.siteUrl.startsWith('https://');

export const GUEST_PURPOSE = {
  register: 'account:register',
  login: 'account:login',
  forgot: 'account:forgot',
  reset: 'account:reset',
} as const;

/** Minutes, rounded up, for "try again in N minutes". */
export const minutesOf = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export function setRetryAfter(reply: FastifyReply, ms: number): void {
  reply.header('retry-after', String(Math.max(1, Math.ceil(ms / 1000))));
}

export const errorNotice = (text: string): FormNotice => ({ kind: 'error', text });
export const okNotice = (text: string): FormNotice => ({ kind: 'ok', text });

/** 'invalid' (forged, missing) is refused outright; 'expired' shows the form again. */
export function checkGuestToken(deps: SiteDeps, body: FormBody | undefined, purpose: string): TokenCheck {
  return deps.formTokens.check(body?._csrf, purpose);
}

export function frameFor(deps: SiteDeps, request: FastifyRequest, path: string): Frame {
  return buildFrame(deps, path, request);
}

export function sendAccountPage(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  view: VNode,
  status = 200,
) {
  // Forms with tokens, per-reader notices: nothing here is shared with caches.
  return sendPage(deps, request, reply, view, { status, cacheable: false });
}

export function sendMessage(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: { path: string; title: string; notice: FormNotice; hint?: string; links: PageLink[] },
  status = 200,
) {
  const f = frameFor(deps, request, page.path);
  return sendAccountPage(
    deps,
    request,
    reply,
    <MessagePage f={f} title={page.title} notice={page.notice} hint={page.hint} links={page.links} />,
    status,
  );
}
