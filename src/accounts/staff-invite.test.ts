import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import type { Mailer } from '../infra/mail.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from '../infra/mail-testing.js';
import type { Accounts } from './accounts.js';
import { INVITE_TOKEN_TTL_MS } from './staff-invite.js';
import { buildAccounts, smtpTestMailer, tokenFromMail } from './testing.js';

const now = Date.UTC(2026, 10, 25, 10, 0);

describeEachDatabase('inviting a newsroom member', (getDb) => {
  let db: Db;
  let smtp: SmtpCapture;
  let mailer: Mailer;
  let accounts: Accounts;

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

  it('makes the account and mails a link with which its owner chooses the password', async () => {
    const made = await accounts.inviteStaff(
      { email: ' Petya@Example.BG ', displayName: 'Петя Петрова', role: 'author' },
      'Главния редактор',
      now,
    );
    expect(made).toMatchObject({ ok: true, email: 'petya@example.bg', role: 'author' });
    if (!made.ok) return;
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', made.userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'author', email_verified_at: null, display_name: 'Петя Петрова' });

    const mail = await smtp.next();
    expect(mail.to).toEqual(['petya@example.bg']);
    const { subject, text } = parseMail(mail.raw);
    expect(subject).toBe('Покана за редакцията на „Вестник“');
    expect(text).toContain('Главния редактор ви откри профил в редакцията на „Вестник“ с роля „автор“.');
    const token = tokenFromMail(mail.raw, '/profil/nova-parola');

    // Nobody can sign in before the link is used: the password is random and unknown.
    expect((await accounts.checkResetToken(token, now + INVITE_TOKEN_TTL_MS - 1)).ok).toBe(true);
    expect(await accounts.resetPassword(token, 'моята нова парола', now + 60_000)).toEqual({
      ok: true,
      userId: made.userId,
    });
    const signedIn = await accounts.logIn(
      { email: 'petya@example.bg', password: 'моята нова парола', ipKey: 'k', userAgent: 'test' },
      now + 120_000,
    );
    expect(signedIn).toMatchObject({ ok: true, user: { role: 'author', emailVerified: true } });
  });

  it('refuses a taken address, naming the account that has it, and bad fields, sending nothing', async () => {
    const taken = await accounts.inviteStaff(
      { email: 'petya@example.bg', displayName: 'Друга Петя', role: 'editor' },
      'Админ',
      now,
    );
    expect(taken).toMatchObject({ ok: false, errors: { email: 'email-taken' } });
    expect(taken.ok ? null : taken.existingId).toBeGreaterThan(0);
    const bad = await accounts.inviteStaff({ email: 'не', displayName: 'А', role: 'reader' }, 'Админ', now);
    expect(bad).toEqual({
      ok: false,
      errors: { email: 'email-invalid', displayName: 'name-too-short', role: 'choice' },
    });
    expect(smtp.received).toHaveLength(1);
  });

  it('an expired invitation can be sent again', async () => {
    const made = await accounts.inviteStaff(
      { email: 'kiril@example.bg', displayName: 'Кирил Кирилов', role: 'contributor' },
      'Админ',
      now,
    );
    if (!made.ok) throw new Error('not made');
    const first = tokenFromMail((await smtp.next()).raw, '/profil/nova-parola');
    const later = now + INVITE_TOKEN_TTL_MS + 1;
    expect(await accounts.checkResetToken(first, later)).toEqual({ ok: false, reason: 'expired' });
    expect(await accounts.resendInvite(made.userId, 'Админ', later)).toBe(true);
    const second = tokenFromMail((await smtp.next()).raw, '/profil/nova-parola');
    expect((await accounts.checkResetToken(second, later + 1)).ok).toBe(true);
    expect(await accounts.resendInvite(999_999, 'Админ', later)).toBe(false);
  });
});
