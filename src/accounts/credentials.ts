// Signing in and passwords: log-in with back-off against guessing, the mailed reset link, and
// changing a password. Answers never tell whether an address has an account.
import type { Db } from '../db/index.js';
import type { Logger } from '../infra/log.js';
import { type RateLimiter, windowStart } from '../infra/rate-limit.js';
import type { Locale } from '../text/locale.js';
import { type MailText, mailTexts } from './mail-texts.js';
import { hashPassword, type PasswordError, validatePassword, verifyPassword } from './passwords.js';
import {
  deleteUserSessions,
  SESSION_USER_COLUMNS,
  type SessionStore,
  type SessionUser,
  toSessionUser,
} from './sessions.js';
import { checkToken, consumeToken, issueToken, spendTokens, type TokenProblem } from './tokens.js';
import { validateEmail } from './validate.js';

export interface CredentialsDeps {
  db: Db;
  limiter: RateLimiter;
  sessions: SessionStore;
  siteUrl: string;
  siteName: string;
  locale: Locale;
  passwordCost: number;
  log: Logger;
}

export type LogInResult =
  | { ok: true; token: string; user: SessionUser }
  | { ok: false; reason: 'invalid' | 'throttled'; retryAfterMs: number };

export type ResetResult =
  | { ok: true; userId: number }
  | { ok: false; reason: TokenProblem }
  | { ok: false; reason: 'weak'; error: PasswordError };

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-password' | 'throttled'; retryAfterMs: number }
  | { ok: false; reason: 'weak'; error: PasswordError };

const HOUR_MS = 3_600_000;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const FAILURES_PER_EMAIL = 5;
export const FAILURES_PER_NETWORK = 20;
export const RESET_TOKEN_TTL_MS = HOUR_MS;
const RESET_MAILS_PER_HOUR = 3;

type Send = (to: string, mail: MailText) => Promise<void>;

export class Credentials {
  private dummyHash: Promise<string> | null = null;
  private readonly background = new Set<Promise<void>>();

  constructor(
    private readonly deps: CredentialsDeps,
    private readonly send: Send,
  ) {}

  async logIn(
    input: { email: string; password: string; ipKey: string; userAgent: string },
    now: number,
  ): Promise<LogInResult> {
    const { db, limiter, passwordCost } = this.deps;
    const email = input.email.normalize('NFC').trim().toLowerCase().slice(0, 320);
    const emailKey = `login-fail:e:${email}`;
    const networkKey = `login-fail:ip:${input.ipKey}`;
    // Checked before the password, so a refused guess costs the attacker nothing to learn from
    // and the server no scrypt run.
    const wait = await this.throttled(
      [
        [emailKey, FAILURES_PER_EMAIL],
        [networkKey, FAILURES_PER_NETWORK],
      ],
      now,
    );
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };

    const user = await db
      .selectFrom('users')
      .select(['users.password_hash', ...SESSION_USER_COLUMNS])
      .where('users.email', '=', email)
      .executeTakeFirst();
    // An unknown address costs one scrypt run as well, so timing does not reveal accounts.
    const verdict = await verifyPassword(
      input.password,
      user?.password_hash ?? (await this.dummy()),
      passwordCost,
    );
    if (!user || !verdict.ok) {
      await limiter.hit(emailKey, FAILURES_PER_EMAIL, FAILURE_WINDOW_MS, now);
      await limiter.hit(networkKey, FAILURES_PER_NETWORK, FAILURE_WINDOW_MS, now);
      return { ok: false, reason: 'invalid', retryAfterMs: 0 };
    }
    await limiter.reset(emailKey, FAILURE_WINDOW_MS, now);
    if (verdict.needsRehash) {
      const rehashed = await hashPassword(input.password, passwordCost);
      await db.updateTable('users').set({ password_hash: rehashed }).where('id', '=', user.id).execute();
    }
    // Banned readers may sign in: the pages tell them they are banned.
    const token = await this.deps.sessions.create(user.id, input.userAgent, now);
    return { ok: true, token, user: toSessionUser(user) };
  }

  async requestPasswordReset(rawEmail: string, now: number): Promise<{ ok: true }> {
    const email = validateEmail(rawEmail);
    if (!email.ok) return { ok: true };
    const rate = await this.deps.limiter.hit(
      `reset-mail:e:${email.value}`,
      RESET_MAILS_PER_HOUR,
      HOUR_MS,
      now,
    );
    if (!rate.allowed) return { ok: true };
    // The look-up and the mail run after the answer, so its timing is the same for every address.
    this.inBackground(this.mailResetLink(email.value, now));
    return { ok: true };
  }

  async resetPassword(token: string, newPassword: string, now: number): Promise<ResetResult> {
    const { db } = this.deps;
    const checked = await checkToken(db, token, 'reset-password', now);
    if (!checked.ok) return checked;
    const user = await db
      .selectFrom('users')
      .select(['email', 'display_name'])
      .where('id', '=', checked.userId)
      .executeTakeFirstOrThrow();
    const weak = validatePassword(newPassword, { email: user.email, displayName: user.display_name });
    if (weak) return { ok: false, reason: 'weak', error: weak };
    const passwordHash = await hashPassword(newPassword, this.deps.passwordCost);

    const result = await db.transaction().execute(async (trx): Promise<ResetResult> => {
      const used = await consumeToken(trx, token, 'reset-password', now);
      if (!used.ok) return used;
      const userId = used.userId;
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: now })
        .where('id', '=', userId)
        .execute();
      // The link reached them, so the mailbox is theirs.
      await trx
        .updateTable('users')
        .set({ email_verified_at: now })
        .where('id', '=', userId)
        .where('email_verified_at', 'is', null)
        .execute();
      await spendTokens(trx, userId, 'reset-password', now);
      // Whoever knew the old password is signed out everywhere.
      await deleteUserSessions(trx, userId);
      return { ok: true, userId };
    });
    if (result.ok) await this.deps.limiter.reset(`login-fail:e:${user.email}`, FAILURE_WINDOW_MS, now);
    return result;
  }

  async changePassword(
    userId: number,
    current: string,
    next: string,
    now: number,
  ): Promise<PasswordChangeResult> {
    const { db, limiter, passwordCost } = this.deps;
    const key = `password-change-fail:u:${userId}`;
    const wait = await this.throttled([[key, FAILURES_PER_EMAIL]], now);
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
    const user = await db
      .selectFrom('users')
      .select(['email', 'display_name', 'password_hash'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) return { ok: false, reason: 'wrong-password', retryAfterMs: 0 };
    const weak = validatePassword(next, { email: user.email, displayName: user.display_name });
    if (weak) return { ok: false, reason: 'weak', error: weak };
    if (!(await verifyPassword(current, user.password_hash, passwordCost)).ok) {
      await limiter.hit(key, FAILURES_PER_EMAIL, FAILURE_WINDOW_MS, now);
      return { ok: false, reason: 'wrong-password', retryAfterMs: 0 };
    }
    const passwordHash = await hashPassword(next, passwordCost);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: now })
        .where('id', '=', userId)
        .execute();
      await spendTokens(trx, userId, 'reset-password', now);
    });
    await limiter.reset(key, FAILURE_WINDOW_MS, now);
    return { ok: true };
  }

  /** Waits for background work (reset mail) to finish. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  private async mailResetLink(email: string, now: number): Promise<void> {
    const user = await this.deps.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('email', '=', email)
      .executeTakeFirst();
    if (!user) return;
    const token = await issueToken(this.deps.db, user.id, 'reset-password', RESET_TOKEN_TTL_MS, now);
    const url = `${this.deps.siteUrl}/profil/nova-parola?token=${token}`;
    const { siteName } = this.deps;
    await this.send(
      email,
      mailTexts(this.deps.locale).passwordReset({ siteName, readerName: user.display_name, url }),
    );
  }

  private inBackground(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((err: unknown) => this.deps.log.error({ err }, 'password reset mail failed'))
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  /** How long until every counter is under its limit; 0 when none is at it. */
  private async throttled(counters: [key: string, limit: number][], now: number): Promise<number> {
    const counts = await Promise.all(
      counters.map(([key]) => this.deps.limiter.peek(key, FAILURE_WINDOW_MS, now)),
    );
    const blocked = counters.some(([, limit], i) => (counts[i] ?? 0) >= limit);
    return blocked ? windowStart(FAILURE_WINDOW_MS, now) + FAILURE_WINDOW_MS - now : 0;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(`no account ${Math.random()}`, this.deps.passwordCost);
    return this.dummyHash;
  }
}
