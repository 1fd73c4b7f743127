// For the Admin API's tests: staff members with tokens, and requests made with them.
import type { Role } from '../../db/schema.js';
import type { ApiScope } from '../../integrations/api-keys.js';
import { addStaff } from '../../newsroom/testing.js';
import type { Actor } from '../../newsroom/types.js';
import type { TestSite } from '../testing.js';

export const ALL_ADMIN_SCOPES: ApiScope[] = ['articles:write', 'articles:publish', 'media:write'];

export interface TokenHolder {
  actor: Actor;
  token: string;
}

/** A staff member of `role` and an Admin API token named `name` acting as them. */
export async function staffWithToken(
  site: TestSite,
  role: Role,
  displayName: string,
  scopes: ApiScope[] = ALL_ADMIN_SCOPES,
  name = 'CMS',
): Promise<TokenHolder> {
  const now = site.clock.now();
  const actor = await addStaff(site.services.db, role, displayName, now);
  const made = await site.services.apiKeys.create(
    { kind: 'admin', name, scopes, userId: actor.id, createdBy: null },
    now,
  );
  if (!made.ok) throw new Error(`no token: ${made.problem}`);
  return { actor, token: made.secret };
}

/** A JSON request to the Admin API with a token. */
export function call(
  site: TestSite,
  token: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return site.app.inject({
    method,
    url: `/api/v1/admin${path}`,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
