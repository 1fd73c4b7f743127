// Signed-in sessions. The browser keeps a random token; the database keeps only its SHA-256, so
// a copy of the database opens no sessions. Sessions slide: each visit (at most every few
// minutes, to spare the writes) pushes the expiry out again.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { UserRow } from '../db/schema.js';
import type { Role } from './roles.js';

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
  suspendedUntil: number | null;
  banned: boolean;
  shadowBanned: boolean;
  notifyReplies: boolean;
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'valid'; user: SessionUser; sessionId: string };

export interface SessionOptions {
  ttlMs?: number;
  touchEveryMs?: number;
}

const DAY_MS = 86_400_000;
const USER_AGENT_MAX = 200;
/** 32 random bytes in base64url: 43 characters, no padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === 'string' && TOKEN_SHAPE.test(token);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type UserFields = Pick<
  UserRow,
  | 'id'
  | 'email'
  | 'display_name'
  | 'role'
  | 'email_verified_at'
  | 'suspended_until'
  | 'banned_at'
  | 'shadow_banned'
  | 'notify_replies'
>;

export const SESSION_USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.display_name',
  'users.role',
  'users.email_verified_at',
  'users.suspended_until',
  'users.banned_at',
  'users.shadow_banned',
  'users.notify_replies',
] as const;

export function toSessionUser(row: UserFields): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
    suspendedUntil: row.suspended_until,
    banned: row.banned_at !== null,
    shadowBanned: Number(row.shadow_banned) === 1,
    notifyReplies: Number(row.notify_replies) === 1,
  };
}

/** Ends every session of a user but one; usable inside a caller's transaction. */
export async function deleteUserSessions(db: Db, userId: number, exceptToken?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken !== undefined) query = query.where('id', '!=', hashToken(exceptToken));
  await query.execute();
}

export class SessionStore {
  private readonly ttlMs: number;
  private readonly touchEveryMs: number;

  constructor(
    private readonly db: Db,
    opts: SessionOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 30 * DAY_MS;
    this.touchEveryMs = opts.touchEveryMs ?? 5 * 60_000;
  }

  async create(userId: number, userAgent: string, now: number): Promise<string> {
    const token = newToken();
    await this.db
      .insertInto('sessions')
      .values({
        id: hashToken(token),
        user_id: userId,
        created_at: now,
        expires_at: now + this.ttlMs,
        last_seen_at: now,
        user_agent: [...userAgent].slice(0, USER_AGENT_MAX).join(''),
      })
      .execute();
    return token;
  }

  async lookup(token: string | undefined, now: number): Promise<SessionLookup> {
    // Garbage in the cookie costs no query.
    if (!isWellFormedToken(token)) return { status: 'none' };
    const id = hashToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.expires_at', 'sessions.last_seen_at', ...SESSION_USER_COLUMNS])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return { status: 'none' };
    if (row.expires_at <= now) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      return { status: 'expired' };
    }
    if (now - row.last_seen_at >= this.touchEveryMs) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: now + this.ttlMs })
        .where('id', '=', id)
        .execute();
    }
    return { status: 'valid', user: toSessionUser(row), sessionId: id };
  }

  async destroy(token: string): Promise<void> {
    if (!isWellFormedToken(token)) return;
    await this.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  }

  async destroyAllFor(userId: number, exceptToken?: string): Promise<void> {
    await deleteUserSessions(this.db, userId, exceptToken);
  }

  async sweep(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
