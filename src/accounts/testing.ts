// For tests: Accounts over a test database with the real rate-limit store, real sessions and a
// real mailer (see src/infra/mail-testing.ts), at a cost low enough for many hashes per test.
import pino from 'pino';
import type { Db } from '../db/index.js';
import { SqlRateLimiter } from '../db/rate-limits.js';
import { createMailer, type Mailer } from '../infra/mail.js';
import { parseMail } from '../infra/mail-testing.js';
import type { Locale } from '../text/locale.js';
import { Accounts } from './accounts.js';
import { SessionStore } from './sessions.js';

export const TEST_SITE_URL = 'https://vestnik.example';
export const TEST_PASSWORD_COST = 10;

const silent = pino({ level: 'silent' });

/** A real mailer sending to a test SMTP server (startSmtpCapture). */
export function smtpTestMailer(smtpUrl: string): Mailer {
  return createMailer({ smtpUrl, from: '"Вестник" <no-reply@vestnik.example>', outboxDir: '', log: silent });
}

export function buildAccounts(
  db: Db,
  mailer: Mailer,
  options: { locale?: Locale; passwordCost?: number } = {},
): { accounts: Accounts; sessions: SessionStore; limiter: SqlRateLimiter } {
  const sessions = new SessionStore(db);
  const limiter = new SqlRateLimiter(db);
  const accounts = new Accounts({
    db,
    mailer,
    limiter,
    sessions,
    siteUrl: TEST_SITE_URL,
    siteName: 'Вестник',
    locale: options.locale ?? 'bg',
    passwordCost: options.passwordCost ?? TEST_PASSWORD_COST,
    log: silent,
  });
  return { accounts, sessions, limiter };
}

/** The token of the link to `path` in a received message; the link must stand on its own line. */
export function tokenFromMail(raw: string, path: string): string {
  const { text } = parseMail(raw);
  const link = `${TEST_SITE_URL}${path}?token=`.replace(/[.?/]/g, '\\$&');
  const match = new RegExp(`^${link}([A-Za-z0-9_-]{43})$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${text}`);
  return match[1];
}
