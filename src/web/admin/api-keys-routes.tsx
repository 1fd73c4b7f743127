// /admin/api-keys, for admins: issue Content API keys and Admin API tokens, see when each was last
// used, revoke them. A new secret is shown in the answer to the form that made it, once: only its
// hash is stored, so there is nothing to show later.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listUsers } from '../../accounts/user-directory.js';
import { CONTENT_SCOPES } from '../../integrations/api-keys.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import {
  API_KEYS_URL,
  type ApiKeysData,
  ApiKeysPage,
  type KeyErrors,
  type KeyForm,
} from './api-keys-view.js';
import {
  answering,
  BadRequest,
  checkStaffPost,
  requireCan,
  sendStaffPage,
  staffOf,
  staffToken,
} from './guard.js';
import { type Fields, isId, many, one } from './params.js';

/** Staff accounts a token may act as: every role but reader, not banned. */
async function staffAccounts(deps: SiteDeps): Promise<{ id: number; name: string }[]> {
  const list = await listUsers(deps.db, { search: '', role: 'staff', page: 1, pageSize: 1000 });
  const collator = new Intl.Collator('bg');
  return list.items
    .map((u) => ({ id: u.id, name: u.displayName }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export function apiKeysRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const admins = { onRequest: requireCan(deps, 'settings.manage') };

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    d: Pick<ApiKeysData, 'notice' | 'created' | 'failed'>,
    status = 200,
  ) => {
    const f = buildFrame(deps, API_KEYS_URL, request);
    const [keys, staff] = await Promise.all([deps.apiKeys.list(), staffAccounts(deps)]);
    const data: ApiKeysData = {
      ...d,
      keys,
      staff,
      viewerId: staffOf(request).id,
      csrf: staffToken(deps, request),
    };
    return sendStaffPage(reply, <ApiKeysPage f={f} assets={deps.assets} d={data} />, status);
  };

  app.get(
    API_KEYS_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, API_KEYS_URL, request).t;
      const revoked = one(request.query as Fields, 'revoked', t);
      if (revoked !== undefined && revoked !== '1') throw new BadRequest(t.staff.badQuery('revoked'));
      const notice = revoked ? { kind: 'ok' as const, text: t.ig.revoked } : null;
      return show(request, reply, { notice, created: null, failed: null });
    }),
  );

  app.post(
    API_KEYS_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, API_KEYS_URL, request).t;
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const kind = one(body, 'kind', t);
      if (kind !== 'content' && kind !== 'admin') throw new BadRequest(t.ig.badKind);
      const form: KeyForm = {
        name: one(body, 'name', t) ?? '',
        scopes: kind === 'content' ? [...CONTENT_SCOPES] : many(body, 'scopes', t),
        userId: kind === 'admin' ? (one(body, 'userId', t) ?? '') : '',
      };
      if (token === 'expired')
        return show(
          request,
          reply,
          {
            notice: { kind: 'error', text: t.formExpired },
            created: null,
            failed: { kind, form, errors: {} },
          },
          403,
        );
      const errors: KeyErrors = {};
      let userId: number | null = null;
      if (kind === 'admin') {
        const staff = await staffAccounts(deps);
        const chosen = isId(form.userId) ? staff.find((s) => s.id === Number(form.userId)) : undefined;
        if (chosen) userId = chosen.id;
        else errors.userId = form.userId === '' ? t.ig.errors['user-missing'] : t.ig.userUnknown;
      }
      const made =
        errors.userId === undefined
          ? await deps.apiKeys.create(
              { kind, name: form.name, scopes: form.scopes, userId, createdBy: staffOf(request).id },
              deps.clock.now(),
            )
          : null;
      if (made?.ok) {
        deps.log.info({ actorId: staffOf(request).id, keyId: made.key.id, kind }, 'API key created');
        return show(request, reply, {
          notice: null,
          created: { name: made.key.name, secret: made.secret },
          failed: null,
        });
      }
      if (made && !made.ok) errors[made.field] = t.ig.errors[made.problem];
      const notice = { kind: 'error' as const, text: t.ig.hasErrors };
      return show(request, reply, { notice, created: null, failed: { kind, form, errors } }, 422);
    }),
  );

  app.post<{ Params: { id: string } }>(
    `${API_KEYS_URL}/:id/revoke`,
    admins,
    answering(deps, async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const t = buildFrame(deps, API_KEYS_URL, request).t;
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired')
        return show(
          request,
          reply,
          { notice: { kind: 'error', text: t.formExpired }, created: null, failed: null },
          403,
        );
      const key = isId(request.params.id) ? await deps.apiKeys.get(Number(request.params.id)) : null;
      if (!key) return sendError(deps, request, reply, 404, t.ig.keyMissing);
      await deps.apiKeys.revoke(key.id, deps.clock.now());
      deps.log.info({ actorId: staffOf(request).id, keyId: key.id }, 'API key revoked');
      return reply.redirect(`${API_KEYS_URL}?revoked=1`, 303);
    }),
  );
}
