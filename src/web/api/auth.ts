// Who is calling the API: the key from the Authorization header (or, for the read-only Content
// API, ?key= as feed-like clients and static sites send it), checked for its kind and scope, and
// counted against the key's rate limit. Admin tokens act as their staff member, whose role still
// bounds what they may do.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../db/schema.js';
import type { ApiKey, ApiScope } from '../../integrations/api-keys.js';
import type { Actor } from '../../newsroom/types.js';
import type { SiteDeps } from '../site/deps.js';
import { ApiError, apiWords } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKey | null;
    /** For Admin API calls: the staff member the token acts as. */
    apiActor: Actor | null;
  }
}

export type ApiDeps = SiteDeps;

function secretOf(request: FastifyRequest, allowQuery: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return m ? (m[1] ?? null) : header.trim() || null;
  }
  if (allowQuery) {
    const key = (request.query as Record<string, unknown> | undefined)?.key;
    if (typeof key === 'string' && key !== '') return key;
  }
  return null;
}

async function staffActor(deps: ApiDeps, userId: number, now: number): Promise<Actor | null> {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'role', 'display_name', 'banned_at', 'suspended_until'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.banned_at !== null) return null;
  if (user.suspended_until !== null && Number(user.suspended_until) > now) return null;
  if (user.role === 'reader') return null;
  return { id: user.id, role: user.role as Role, displayName: user.display_name };
}

/**
 * An onRequest hook for routes of one API: the kind of key it takes and the scope the route needs.
 * Unknown key → 401; a key of the other kind or without the scope → 403; over the limit → 429.
 */
export function requireApiKey(deps: ApiDeps, kind: ApiKey['kind'], scope: ApiScope) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const t = apiWords(request, deps.config.locale);
    const now = deps.clock.now();
    const secret = secretOf(request, kind === 'content');
    if (secret === null) throw new ApiError(401, 'unauthorized', t.keyMissing);
    const key = await deps.apiKeys.verify(secret, now);
    if (!key) throw new ApiError(401, 'unauthorized', t.keyUnknown);
    if (key.kind !== kind) throw new ApiError(403, 'forbidden', t.wrongKind);
    if (!key.scopes.includes(scope)) throw new ApiError(403, 'forbidden', t.scopeMissing(scope));
    const decision = await deps.limiter.hit(`api:${key.id}`, deps.config.apiPerMinute, 60_000, now);
    reply.header('x-ratelimit-limit', deps.config.apiPerMinute);
    reply.header('x-ratelimit-remaining', Math.max(0, deps.config.apiPerMinute - decision.count));
    if (!decision.allowed) {
      reply.header('retry-after', Math.ceil(decision.retryAfterMs / 1000));
      throw new ApiError(429, 'too-many-requests', t.tooMany);
    }
    request.apiKey = key;
    if (kind === 'admin') {
      const actor = key.userId === null ? null : await staffActor(deps, key.userId, now);
      if (!actor) throw new ApiError(403, 'forbidden', t.userGone);
      request.apiActor = actor;
    }
  };
}
