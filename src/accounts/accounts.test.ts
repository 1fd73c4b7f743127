import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import type { Mailer } from '../infra/mail.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from '../infra/mail-testing.js';
import type { Accounts } from './accounts.js';
import { buildAccounts, smtpTestMailer, tokenFromMail } from './testing.js';

describeEachDatabase('Accounts: sign-up and email verification', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  const HOUR = 3_600_000;
  let db: Db;
  let smtp: SmtpCapture;
  let mailer: Mailer;
  let accounts: Accounts;
  let n = 0;

  beforeAll(async () => {
    db = getDb().db;
    smtp = await startSmtpCapture();
    mailer = smtpTestMailer(smtp.url);
    accounts = buildAccounts(db, mailer).accounts;
  });
  afterAll(async () => {
    await mailer.close();
    await smtp.close();
  });

  const reader = () => {
    n++;
    return { email: `Chitatel${n}@Example.BG`, displayName: `  Читател ${n} `, password: 'зелен чай с мед' };
  };

  const userRow = (id: number) =>
    db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('reports every invalid field at once, as codes', async () => {
    expect(await accounts.register({ email: 'nope', displayName: 'Я', password: 'kratka' }, now)).toEqual({
      ok: false,
      errors: { email: 'email-invalid', displayName: 'name-too-short', password: 'password-too-short' },
    });
    expect(
      await accounts.register({ email: 'ivan@example.bg', displayName: 'Иван', password: 'parola1234' }, now),
    ).toEqual({ ok: false, errors: { password: 'password-too-common' } });
    expect(
      await accounts.register(
        { email: 'ivan@example.bg', displayName: 'Иван', password: 'Ivan@Example.bg' },
        now,
      ),
    ).toEqual({ ok: false, errors: { password: 'password-like-email' } });
    expect(await db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('creates an unverified reader, refuses the same address in any case, and mails a link', async () => {
    const input = reader();
    const result = await accounts.register(input, now);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const row = await userRow(result.userId);
    expect(row).toMatchObject({
      email: input.email.toLowerCase(),
      display_name: `Читател ${n}`,
      role: 'reader',
      email_verified_at: null,
    });
    expect(row.password_hash).toMatch(/^scrypt\$10\$8\$1\$/);

    const again = await accounts.register({ ...input, email: ` ${input.email.toUpperCase()} ` }, now);
    expect(again).toEqual({ ok: false, errors: { email: 'email-taken' } });

    const mail = await smtp.next();
    expect(mail.to).toEqual([input.email.toLowerCase()]);
    expect(parseMail(mail.raw).subject).toBe('Потвърдете имейла си за „Вестник“');
    const token = tokenFromMail(mail.raw, '/profil/potvarzhdenie');
    const stored = await db
      .selectFrom('user_tokens')
      .selectAll()
      .where('user_id', '=', result.userId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ purpose: 'verify-email', expires_at: now + 48 * HOUR, used_at: null });
    expect(stored[0]?.token_hash).not.toContain(token);
  });

  it('verifies with the mailed link once; a second click is "used"', async () => {
    const result = await accounts.register(reader(), now);
    if (!result.ok) throw new Error('not registered');
    const token = tokenFromMail((await smtp.next()).raw, '/profil/potvarzhdenie');
    expect(await accounts.verifyEmail(token, now + HOUR)).toEqual({ ok: true, userId: result.userId });
    expect((await userRow(result.userId)).email_verified_at).toBe(now + HOUR);
    expect(await accounts.verifyEmail(token, now + 2 * HOUR)).toEqual({ ok: false, reason: 'used' });
    expect((await userRow(result.userId)).email_verified_at).toBe(now + HOUR);
  });

  it('refuses an expired link and a made-up one', async () => {
    const result = await accounts.register(reader(), now);
    if (!result.ok) throw new Error('not registered');
    const token = tokenFromMail((await smtp.next()).raw, '/profil/potvarzhdenie');
    expect(await accounts.verifyEmail(token, now + 48 * HOUR)).toEqual({ ok: false, reason: 'expired' });
    expect(await accounts.verifyEmail('A'.repeat(43), now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await accounts.verifyEmail('../../etc', now)).toEqual({ ok: false, reason: 'invalid' });
    expect((await userRow(result.userId)).email_verified_at).toBeNull();
  });

  it('resends the link at most 3 times an hour, and a new link works', async () => {
    const result = await accounts.register(reader(), now);
    if (!result.ok) throw new Error('not registered');
    await smtp.next();
    const t = now + 10 * 60_000;
    for (let i = 0; i < 3; i++)
      expect(await accounts.resendVerification(result.userId, t)).toEqual({ ok: true, retryAfterMs: 0 });
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push(tokenFromMail((await smtp.next()).raw, '/profil/potvarzhdenie'));
    const before = smtp.received.length;
    expect(await accounts.resendVerification(result.userId, t)).toEqual({
      ok: false,
      retryAfterMs: 50 * 60_000,
    });
    expect(smtp.received.length).toBe(before);
    expect(await accounts.verifyEmail(tokens[2]!, t)).toEqual({ ok: true, userId: result.userId });
    // Verified: nothing more to send.
    expect(await accounts.resendVerification(result.userId, now + 2 * HOUR)).toEqual({
      ok: true,
      retryAfterMs: 0,
    });
    expect(smtp.received.length).toBe(before);
  });

  it('adds a verified user with any role, validated like a sign-up and sending no mail', async () => {
    const before = smtp.received.length;
    const added = await accounts.addUser(
      {
        email: 'redaktor@vestnik.example',
        displayName: 'Главен редактор',
        password: 'дълга-и-сигурна',
        role: 'editor',
      },
      now,
    );
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    expect(await userRow(added.userId)).toMatchObject({ role: 'editor', email_verified_at: now });
    expect(
      await accounts.addUser(
        {
          email: 'redaktor@vestnik.example',
          displayName: 'Друг',
          password: 'дълга-и-сигурна',
          role: 'admin',
        },
        now,
      ),
    ).toEqual({ ok: false, errors: { email: 'email-taken' } });
    expect(smtp.received.length).toBe(before);
  });
});
