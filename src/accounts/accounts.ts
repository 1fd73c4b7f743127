// Reader and staff accounts: sign-up with a mailed confirmation link, profile changes, deletion
// and export. Signing in and passwords are in credentials.ts; this class is the one door to both.
import type { Db } from '../db/index.js';
import type { Logger } from '../infra/log.js';
import type { Mailer } from '../infra/mail.js';
import type { RateLimiter } from '../infra/rate-limit.js';
import type { Locale } from '../text/locale.js';
import { countAdmins, hasAdmin } from './admin-lock.js';
import { Credentials, type LogInResult, type PasswordChangeResult, type ResetResult } from './credentials.js';
import { exportReader, type ReaderExport } from './export.js';
import { createFirstAdmin, type FirstAdminResult } from './first-admin.js';
import { type MailText, mailTexts } from './mail-texts.js';
import {
  type AccountErrors,
  checkNewUser,
  emailTaken,
  insertUser,
  type NewUserInput,
  orEmailTaken,
} from './new-user.js';
import { hashPassword } from './passwords.js';
import { DELETED_USER_LABEL, type DeleteMode, removeAccount } from './removal.js';
import { isRole, type Role } from './roles.js';
import type { SessionStore } from './sessions.js';
import {
  createInvitedUser,
  type InviteInput,
  type InviteResult,
  reissueInvite,
  type StaffRole,
} from './staff-invite.js';
import { checkToken, consumeToken, issueToken, type TokenProblem } from './tokens.js';
import { type NameError, validateDisplayName } from './validate.js';

export interface AccountsDeps {
  db: Db;
  mailer: Mailer;
  limiter: RateLimiter;
  sessions: SessionStore;
  siteUrl: string;
  siteName: string;
  locale: Locale;
  passwordCost: number;
  log: Logger;
}

export type CreateUserResult = { ok: true; userId: number } | { ok: false; errors: AccountErrors };
export type TokenResult = { ok: true; userId: number } | { ok: false; reason: TokenProblem };

const HOUR_MS = 3_600_000;
export const VERIFY_TOKEN_TTL_MS = 48 * HOUR_MS;
const VERIFY_MAILS_PER_HOUR = 3;

export class Accounts {
  private readonly credentials: Credentials;

  constructor(private readonly deps: AccountsDeps) {
    this.credentials = new Credentials(deps, (to, mail) => this.mail(to, mail));
  }

  /** A new reader: unverified until they open the link mailed to them. */
  async register(input: NewUserInput, now: number): Promise<CreateUserResult> {
    const created = await this.create(input, 'reader', null, now);
    if (!created.ok) return created;
    await this.sendVerification(created.userId, now);
    return created;
  }

  /** A verified user with any role, for the `vestnik users add` command and for tests. */
  async addUser(input: NewUserInput & { role: Role }, now: number): Promise<CreateUserResult> {
    if (!isRole(input.role)) throw new Error(`unknown role: ${String(input.role)}`);
    return this.create(input, input.role, now, now);
  }

  /** Whether any account is an admin: the first-run setup page exists only while none is. */
  hasAdmin(): Promise<boolean> {
    return hasAdmin(this.deps.db);
  }

  /** The first admin, from the setup page; 'has-admin' once there is one, however close the race. */
  createFirstAdmin(input: NewUserInput, now: number): Promise<FirstAdminResult> {
    return createFirstAdmin(this.deps.db, input, this.deps.passwordCost, now);
  }

  /** A staff account made by an admin; the new person is mailed a link to choose a password. */
  async inviteStaff(input: InviteInput, inviterName: string, now: number): Promise<InviteResult> {
    const made = await createInvitedUser(this.deps.db, input, this.deps.passwordCost, now);
    if (made.ok) await this.mailInvite(made, inviterName);
    return made;
  }

  /** A new invitation link for a staff account; false when there is no such staff account. */
  async resendInvite(userId: number, inviterName: string, now: number): Promise<boolean> {
    const again = await reissueInvite(this.deps.db, userId, now);
    if (again) await this.mailInvite(again, inviterName);
    return again !== null;
  }

  async verifyEmail(token: string, now: number): Promise<TokenResult> {
    return this.deps.db.transaction().execute(async (trx): Promise<TokenResult> => {
      const used = await consumeToken(trx, token, 'verify-email', now);
      if (!used.ok) return used;
      await trx
        .updateTable('users')
        .set({ email_verified_at: now, updated_at: now })
        .where('id', '=', used.userId)
        .where('email_verified_at', 'is', null)
        .execute();
      return { ok: true, userId: used.userId };
    });
  }

  /** A fresh link, at most 3 an hour. A reader already verified gets no mail and an ok. */
  async resendVerification(userId: number, now: number): Promise<{ ok: boolean; retryAfterMs: number }> {
    const user = await this.deps.db
      .selectFrom('users')
      .select(['email', 'email_verified_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) return { ok: false, retryAfterMs: 0 };
    if (user.email_verified_at !== null) return { ok: true, retryAfterMs: 0 };
    const rate = await this.deps.limiter.hit(`verify-mail:u:${userId}`, VERIFY_MAILS_PER_HOUR, HOUR_MS, now);
    if (!rate.allowed) return { ok: false, retryAfterMs: rate.retryAfterMs };
    await this.sendVerification(userId, now);
    return { ok: true, retryAfterMs: 0 };
  }

  logIn(
    input: { email: string; password: string; ipKey: string; userAgent: string },
    now: number,
  ): Promise<LogInResult> {
    return this.credentials.logIn(input, now);
  }

  async logOut(token: string): Promise<void> {
    await this.deps.sessions.destroy(token);
  }

  /** Always { ok: true }: whether the address has an account is nobody's business. */
  requestPasswordReset(email: string, now: number): Promise<{ ok: true }> {
    return this.credentials.requestPasswordReset(email, now);
  }

  resetPassword(token: string, newPassword: string, now: number): Promise<ResetResult> {
    return this.credentials.resetPassword(token, newPassword, now);
  }

  /** Other sessions stay signed in; the web layer ends them with sessions.destroyAllFor. */
  changePassword(userId: number, current: string, next: string, now: number): Promise<PasswordChangeResult> {
    return this.credentials.changePassword(userId, current, next, now);
  }

  /** Whether a reset link is still good, so the form is shown only for a usable link. */
  async checkResetToken(token: string, now: number): Promise<TokenResult> {
    const checked = await checkToken(this.deps.db, token, 'reset-password', now);
    return checked.ok ? { ok: true, userId: checked.userId } : checked;
  }

  async changeName(
    userId: number,
    name: string,
    now: number,
  ): Promise<{ ok: true; name: string } | { ok: false; error: NameError }> {
    const checked = validateDisplayName(name);
    if (!checked.ok) return checked;
    await this.deps.db
      .updateTable('users')
      .set({ display_name: checked.value, updated_at: now })
      .where('id', '=', userId)
      .execute();
    return { ok: true, name: checked.value };
  }

  async setNotifyReplies(userId: number, on: boolean, now: number): Promise<void> {
    await this.deps.db
      .updateTable('users')
      .set({ notify_replies: on ? 1 : 0, updated_at: now })
      .where('id', '=', userId)
      .execute();
  }

  /** The site must keep an admin: the last one cannot delete their own account. */
  async isLastAdmin(userId: number): Promise<boolean> {
    const user = await this.deps.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', userId)
      .executeTakeFirst();
    return user?.role === 'admin' && (await countAdmins(this.deps.db, userId)) === 0;
  }

  /** Returns the articles whose visible comments changed, for the page cache. */
  deleteAccount(userId: number, mode: DeleteMode, _now: number): Promise<{ articleIds: number[] }> {
    return removeAccount(this.deps.db, userId, mode, DELETED_USER_LABEL[this.deps.locale]);
  }

  exportData(userId: number, now: number): Promise<ReaderExport | null> {
    return exportReader(this.deps.db, userId, now);
  }

  /** Waits for mail still being composed in the background (tests and shut-down). */
  settled(): Promise<void> {
    return this.credentials.settled();
  }

  private async create(
    input: NewUserInput,
    role: Role,
    verifiedAt: number | null,
    now: number,
  ): Promise<CreateUserResult> {
    const checked = checkNewUser(input);
    if (!checked.ok) return checked;
    const { email, displayName } = checked;
    if (await emailTaken(this.deps.db, email)) return { ok: false, errors: { email: 'email-taken' } };
    const passwordHash = await hashPassword(input.password, this.deps.passwordCost);
    const userId = await orEmailTaken(this.deps.db, email, () =>
      insertUser(this.deps.db, { email, displayName, passwordHash, role, verifiedAt }, now),
    );
    if (userId === 'email-taken') return { ok: false, errors: { email: 'email-taken' } };
    return { ok: true, userId };
  }

  private async sendVerification(userId: number, now: number): Promise<void> {
    const user = await this.deps.db
      .selectFrom('users')
      .select(['email', 'display_name'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const token = await issueToken(this.deps.db, userId, 'verify-email', VERIFY_TOKEN_TTL_MS, now);
    const url = `${this.deps.siteUrl}/profil/potvarzhdenie?token=${token}`;
    const text = mailTexts(this.deps.locale).verifyEmail({
      siteName: this.deps.siteName,
      readerName: user.display_name,
      url,
    });
    await this.mail(user.email, text);
  }

  private async mailInvite(
    to: { email: string; displayName: string; role: StaffRole; token: string },
    inviterName: string,
  ): Promise<void> {
    const text = mailTexts(this.deps.locale).staffInvite({
      siteName: this.deps.siteName,
      readerName: to.displayName,
      inviterName,
      role: to.role,
      url: `${this.deps.siteUrl}/profil/nova-parola?token=${to.token}`,
    });
    await this.mail(to.email, text);
  }

  // A relay that is down must not lose the account or the reset request: the reader can ask for
  // the link again, and the operator sees the error in the log.
  private async mail(to: string, mail: MailText): Promise<void> {
    try {
      await this.deps.mailer.send({ to, subject: mail.subject, text: mail.text });
    } catch (err) {
      this.deps.log.error({ err, to, subject: mail.subject }, 'mail could not be sent');
    }
  }
}
