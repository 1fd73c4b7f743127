import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import type { SqlRateLimiter } from '../db/rate-limits.js';
import { describeEachDatabase } from '../db/testing.js';
import type { Mailer } from '../infra/mail.js';
import { type SmtpCapture, startSmtpCapture } from '../infra/mail-testing.js';
import type { Accounts } from './accounts.js';
import { hashPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import { buildAccounts, smtpTestMailer, tokenFromMail } from './testing.js';

describeEachDatabase('Accounts: signing in and passwords', (getDb) => {
  // 10:00 sharp: the 15-minute failure windows start here.
  const now = Date.UTC(2026, 10, 25, 10, 0);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const password = 'зелен чай с мед';
  let db: Db;
  let smtp: SmtpCapture;
  let mailer: Mailer;
  let accounts: Accounts;
  let sessions: SessionStore;
  let limiter: SqlRateLimiter;
  let n = 0;

  beforeAll(async () => {
    db = getDb().db;
    smtp = await startSmtpCapture();
    mailer = smtpTestMailer(smtp.url);
    ({ accounts, sessions, limiter } = buildAccounts(db, mailer));
  });
  afterAll(async () => {
    await accounts.settled();
    await mailer.close();
    await smtp.close();
  });

  async function newReader(): Promise<{ id: number; email: string }> {
    n++;
    const email = `login${n}@example.bg`;
    const added = await accounts.addUser(
      { email, displayName: `Читател ${n}`, password, role: 'reader' },
      now,
    );
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    return { id: added.userId, email };
  }

  const logIn = (email: string, pw: string, t: number, ipKey = 'ip-a') =>
    accounts.logIn({ email, password: pw, ipKey, userAgent: 'Firefox' }, t);

  it('signs in with the right password, whatever the case of the address', async () => {
    const { id, email } = await newReader();
    const result = await logIn(` ${email.toUpperCase()}`, password, now);
    if (!result.ok) throw new Error(result.reason);
    expect(result.user).toMatchObject({ id, email, role: 'reader', emailVerified: true, banned: false });
    const found = await sessions.lookup(result.token, now);
    expect(found.status === 'valid' && found.user.id).toBe(id);
    await accounts.logOut(result.token);
    expect((await sessions.lookup(result.token, now)).status).toBe('none');
  });

  it('gives the same answer for a wrong password and an unknown address', async () => {
    const { email } = await newReader();
    expect(await logIn(email, 'грешна-парола', now)).toEqual({
      ok: false,
      reason: 'invalid',
      retryAfterMs: 0,
    });
    expect(await logIn('nobody@example.bg', password, now)).toEqual({
      ok: false,
      reason: 'invalid',
      retryAfterMs: 0,
    });
    expect(await logIn('not an email', password, now)).toEqual({
      ok: false,
      reason: 'invalid',
      retryAfterMs: 0,
    });
  });

  it('after 5 failures refuses even the right password until the window passes, without counting', async () => {
    const { email } = await newReader();
    const t = now + 3 * MIN;
    for (let i = 0; i < 5; i++) expect((await logIn(email, `грешна-${i}`, t, `ip-${i}`)).ok).toBe(false);
    expect(await logIn(email, password, t, 'ip-new')).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMs: 12 * MIN,
    });
    // A refused attempt is not checked and not counted.
    expect(await limiter.peek('login-fail:ip:ip-new', 15 * MIN, t)).toBe(0);
    expect((await logIn(email, password, now + 15 * MIN, 'ip-new')).ok).toBe(true);
  });

  it('a successful sign-in clears the failures counted for the address', async () => {
    const { email } = await newReader();
    for (let i = 0; i < 4; i++) await logIn(email, 'грешна-парола', now, 'ip-b');
    expect((await logIn(email, password, now, 'ip-b')).ok).toBe(true);
    for (let i = 0; i < 4; i++) await logIn(email, 'грешна-парола', now, 'ip-b');
    // Without the reset this would be the ninth failure in the window.
    expect((await logIn(email, password, now, 'ip-b')).ok).toBe(true);
  });

  it('after 20 failures from one network refuses every address from it', async () => {
    const t = now + 20 * MIN;
    for (let i = 0; i < 20; i++) await logIn(`guess${i}@example.bg`, 'грешна-парола', t, 'ip-bot');
    const { email } = await newReader();
    expect(await logIn(email, password, t, 'ip-bot')).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMs: 10 * MIN,
    });
    expect((await logIn(email, password, t, 'ip-home')).ok).toBe(true);
  });

  it('lets a banned reader sign in, and rehashes an old, cheaper hash', async () => {
    const { id, email } = await newReader();
    await db
      .updateTable('users')
      .set({ banned_at: now, password_hash: await hashPassword(password, 9) })
      .where('id', '=', id)
      .execute();
    const result = await logIn(email, password, now);
    expect(result.ok && result.user.banned).toBe(true);
    const row = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$10\$/);
    expect((await logIn(email, password, now)).ok).toBe(true);
  });

  it('answers a reset request the same for any address, and mails only real ones', async () => {
    const before = smtp.received.length;
    expect(await accounts.requestPasswordReset('nobody@example.bg', now)).toEqual({ ok: true });
    expect(await accounts.requestPasswordReset('garbage', now)).toEqual({ ok: true });
    await accounts.settled();
    expect(smtp.received.length).toBe(before);
  });

  it('resets the password with the mailed link once, verifying the address and ending every session', async () => {
    const registered = await accounts.register(
      { email: 'zabravih@example.bg', displayName: 'Забравих', password },
      now,
    );
    if (!registered.ok) throw new Error('not registered');
    await smtp.next();
    const session = await sessions.create(registered.userId, 'old browser', now);

    expect(await accounts.requestPasswordReset('Zabravih@example.bg', now)).toEqual({ ok: true });
    const mail = await smtp.next();
    expect(mail.to).toEqual(['zabravih@example.bg']);
    const token = tokenFromMail(mail.raw, '/profil/nova-parola');

    expect(await accounts.checkResetToken(token, now)).toEqual({ ok: true, userId: registered.userId });
    expect(await accounts.resetPassword(token, 'parola123', now + MIN)).toEqual({
      ok: false,
      reason: 'weak',
      error: 'password-too-short',
    });
    // A weak choice does not use up the link.
    expect(await accounts.resetPassword(token, 'нова-дълга-парола', now + MIN)).toEqual({
      ok: true,
      userId: registered.userId,
    });
    expect(await accounts.resetPassword(token, 'още-една-парола', now + 2 * MIN)).toEqual({
      ok: false,
      reason: 'used',
    });
    expect((await sessions.lookup(session, now + 2 * MIN)).status).toBe('none');
    const row = await db
      .selectFrom('users')
      .select('email_verified_at')
      .where('id', '=', registered.userId)
      .executeTakeFirstOrThrow();
    expect(row.email_verified_at).toBe(now + MIN);
    expect((await logIn('zabravih@example.bg', password, now + 3 * MIN)).ok).toBe(false);
    expect((await logIn('zabravih@example.bg', 'нова-дълга-парола', now + 3 * MIN)).ok).toBe(true);
  });

  it('refuses an expired or unknown reset link, and mails at most 3 links an hour', async () => {
    const { email } = await newReader();
    const t = now + 2 * HOUR;
    await accounts.requestPasswordReset(email, t);
    const token = tokenFromMail((await smtp.next()).raw, '/profil/nova-parola');
    expect(await accounts.resetPassword(token, 'нова-дълга-парола', t + HOUR)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await accounts.resetPassword('B'.repeat(43), 'нова-дълга-парола', t)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    await accounts.requestPasswordReset(email, t);
    await accounts.requestPasswordReset(email, t);
    await accounts.settled();
    const before = smtp.received.length;
    expect(await accounts.requestPasswordReset(email, t)).toEqual({ ok: true });
    await accounts.settled();
    expect(smtp.received.length).toBe(before);
  });

  it('changes the password only with the current one, and throttles guessing it', async () => {
    const { id, email } = await newReader();
    expect(await accounts.changePassword(id, 'грешна-парола', 'нова-дълга-парола', now)).toEqual({
      ok: false,
      reason: 'wrong-password',
      retryAfterMs: 0,
    });
    expect(await accounts.changePassword(id, password, email, now)).toEqual({
      ok: false,
      reason: 'weak',
      error: 'password-like-email',
    });
    expect(await accounts.changePassword(id, password, 'нова-дълга-парола', now)).toEqual({ ok: true });
    expect((await logIn(email, 'нова-дълга-парола', now)).ok).toBe(true);

    for (let i = 0; i < 5; i++) await accounts.changePassword(id, `грешна-${i}`, 'трета-дълга-парола', now);
    expect(await accounts.changePassword(id, 'нова-дълга-парола', 'трета-дълга-парола', now)).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });
});
