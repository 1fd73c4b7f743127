// Sending the site's mail: through an SMTP relay when SMTP_URL is set, otherwise into an outbox
// folder as .eml files and into the log, so an operator without a relay can still read (and
// forward) a verification or reset link.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { type Clock, systemClock } from './clock.js';
import type { Logger } from './log.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(m: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export interface MailerOptions {
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
  log: Logger;
  clock?: Clock;
}

// nodemailer encodes headers itself; refusing line breaks here as well means a bug upstream
// can never turn a reader's input into extra headers or recipients.
function checkHeaders(m: MailMessage): void {
  if (/[\r\n]/.test(m.to)) throw new Error('mail: line break in the recipient');
  if (/[\r\n]/.test(m.subject)) throw new Error('mail: line break in the subject');
  if (!m.to.includes('@')) throw new Error('mail: the recipient is not an address');
}

function smtpMailer(smtpUrl: string, from: string, log: Logger): Mailer {
  // Pooled: a burst of reply notices reuses a few connections instead of one per message.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 3 }, { from });
  return {
    async send(m) {
      checkHeaders(m);
      await transport.sendMail({ to: m.to, subject: m.subject, text: m.text });
      log.debug({ to: m.to, subject: m.subject }, 'mail sent');
    },
    async close() {
      transport.close();
    },
  };
}

function outboxMailer(outboxDir: string, from: string, log: Logger, clock: Clock): Mailer {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(m) {
      checkHeaders(m);
      const built = await composer.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      await mkdir(outboxDir, { recursive: true });
      const file = join(outboxDir, `${clock.now()}-${randomBytes(6).toString('hex')}.eml`);
      await writeFile(file, built.message as Buffer, { flag: 'wx' });
      log.info({ mail: { to: m.to, subject: m.subject, text: m.text }, file }, 'mail written to the outbox');
    },
    async close() {},
  };
}

export function createMailer(opts: MailerOptions): Mailer {
  return opts.smtpUrl
    ? smtpMailer(opts.smtpUrl, opts.from, opts.log)
    : outboxMailer(opts.outboxDir, opts.from, opts.log, opts.clock ?? systemClock);
}
