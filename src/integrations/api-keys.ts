// Keys for the Content API and tokens for the Admin API. A secret is shown once, when it is made;
// only its SHA-256 is stored (it is 256 random bits, so a slow password hash would add nothing but
// cost on every API request). Verified keys are remembered for a few seconds: an API request
// then costs no query, and a revoked key stops working within that time in every process.
import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/index.js';
import type { ApiKeyKind } from '../db/schema.js';

export const CONTENT_SCOPES = ['content:read'] as const;
export const ADMIN_SCOPES = ['articles:write', 'articles:publish', 'media:write'] as const;
export type ApiScope = (typeof CONTENT_SCOPES)[number] | (typeof ADMIN_SCOPES)[number];

export const SCOPES_OF: Record<ApiKeyKind, readonly ApiScope[]> = {
  content: CONTENT_SCOPES,
  admin: ADMIN_SCOPES,
};

const PREFIX: Record<ApiKeyKind, string> = { content: 'vk_content_', admin: 'vk_admin_' };
const NAME_MAX = 80;
/** How long a verified (or refused) key is remembered in this process. */
const REMEMBER_MS = 10_000;
/** last_used_at is written at most this often per key. */
const TOUCH_EVERY_MS = 60_000;

export interface ApiKey {
  id: number;
  kind: ApiKeyKind;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  userId: number | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface NewApiKey {
  kind: ApiKeyKind;
  name: string;
  scopes: string[];
  /** The staff member an admin token acts as. */
  userId: number | null;
  createdBy: number | null;
}

export type ApiKeyProblem =
  | 'name-missing'
  | 'name-too-long'
  | 'scopes-missing'
  | 'scope-unknown'
  | 'user-missing';

export type CreateKeyResult =
  | { ok: true; key: ApiKey; secret: string }
  | { ok: false; field: 'name' | 'scopes' | 'userId'; problem: ApiKeyProblem };

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

type Row = {
  id: number;
  kind: ApiKeyKind;
  name: string;
  prefix: string;
  scopes: string;
  user_id: number | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
};

function toKey(r: Row): ApiKey {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    prefix: r.prefix,
    scopes: JSON.parse(r.scopes) as ApiScope[],
    userId: r.user_id,
    createdAt: Number(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

const COLUMNS = [
  'id',
  'kind',
  'name',
  'prefix',
  'scopes',
  'user_id',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

export function checkNewKey(input: NewApiKey): CreateKeyResult | null {
  const name = input.name.trim();
  if (name === '') return { ok: false, field: 'name', problem: 'name-missing' };
  if ([...name].length > NAME_MAX) return { ok: false, field: 'name', problem: 'name-too-long' };
  if (input.scopes.length === 0) return { ok: false, field: 'scopes', problem: 'scopes-missing' };
  const allowed = SCOPES_OF[input.kind] as readonly string[];
  if (input.scopes.some((s) => !allowed.includes(s)))
    return { ok: false, field: 'scopes', problem: 'scope-unknown' };
  if (input.kind === 'admin' && input.userId === null)
    return { ok: false, field: 'userId', problem: 'user-missing' };
  return null;
}

export class ApiKeys {
  private readonly remembered = new LRUCache<string, { key: ApiKey | null; at: number }>({ max: 5000 });
  private readonly touched = new Map<number, number>();

  constructor(private readonly db: Db) {}

  async create(input: NewApiKey, now: number): Promise<CreateKeyResult> {
    const problem = checkNewKey(input);
    if (problem) return problem;
    const secret = `${PREFIX[input.kind]}${randomBytes(32).toString('base64url')}`;
    const scopes = [...new Set(input.scopes)].sort();
    const row = await this.db
      .insertInto('api_keys')
      .values({
        kind: input.kind,
        name: input.name.trim(),
        prefix: secret.slice(0, PREFIX[input.kind].length + 6),
        secret_hash: hashOf(secret),
        scopes: JSON.stringify(scopes),
        user_id: input.kind === 'admin' ? input.userId : null,
        created_by: input.createdBy,
        created_at: now,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return { ok: true, key: toKey(row as Row), secret };
  }

  async list(kind?: ApiKeyKind): Promise<ApiKey[]> {
    let q = this.db
      .selectFrom('api_keys')
      .select(COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc');
    if (kind) q = q.where('kind', '=', kind);
    return (await q.execute()).map((r) => toKey(r as Row));
  }

  async get(id: number): Promise<ApiKey | null> {
    const row = await this.db.selectFrom('api_keys').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toKey(row as Row) : null;
  }

  /** Revokes a key at once in this process; other processes stop accepting it within seconds. */
  async revoke(id: number, now: number): Promise<boolean> {
    const done = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    this.remembered.clear();
    return Number(done.numUpdatedRows) === 1;
  }

  /** The live key a secret belongs to, or null (unknown, revoked, malformed). */
  async verify(secret: string, now: number): Promise<ApiKey | null> {
    if (secret.length < 20 || secret.length > 200) return null;
    const hash = hashOf(secret);
    const seen = this.remembered.get(hash);
    if (seen && now - seen.at < REMEMBER_MS) {
      if (seen.key) this.touch(seen.key.id, now);
      return seen.key;
    }
    const row = await this.db
      .selectFrom('api_keys')
      .select(COLUMNS)
      .where('secret_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const key = row ? toKey(row as Row) : null;
    this.remembered.set(hash, { key, at: now });
    if (key) this.touch(key.id, now);
    return key;
  }

  private touch(id: number, now: number): void {
    const last = this.touched.get(id) ?? 0;
    if (now - last < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    void this.db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .execute()
      .catch(() => this.touched.delete(id));
  }
}
