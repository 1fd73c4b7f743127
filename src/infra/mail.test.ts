import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { createMailer } from './mail.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from './mail-testing.js';

function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info', base: undefined }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { log, lines };
}

const message = {
  to: 'иван@пример.бг',
  subject: 'Потвърдете имейла си в „Вестник“',
  text: `Здравейте, Иван!\n\nОтворете връзката:\n\nhttps://vestnik.example/profil/potvarzhdenie?token=${'a'.repeat(43)}\n`,
};

describe('mail through SMTP', () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers a UTF-8 Bulgarian subject and body to the relay', async () => {
    const { log } = memoryLog();
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: '"Вестник" <no-reply@vestnik.example>',
      outboxDir: '',
      log,
    });
    try {
      await mailer.send(message);
      await mailer.send({ ...message, subject: 'Второ писмо' });
      const first = await smtp.next();
      const second = await smtp.next();
      expect(first.to).toEqual(['иван@пример.бг']);
      const parsed = parseMail(first.raw);
      expect(parsed.subject).toBe(message.subject);
      expect(parsed.text).toBe(message.text);
      expect(parsed.headers.get('from')).toContain('no-reply@vestnik.example');
      expect(parseMail(second.raw).subject).toBe('Второ писмо');
    } finally {
      await mailer.close();
    }
  });

  it('refuses a line break in the recipient or the subject before sending anything', async () => {
    const { log } = memoryLog();
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'no-reply@vestnik.example', outboxDir: '', log });
    const before = smtp.received.length;
    try {
      await expect(mailer.send({ ...message, to: 'a@b.bg\r\nBcc: c@d.bg' })).rejects.toThrow(/recipient/);
      await expect(mailer.send({ ...message, subject: 'Здравейте\nBcc: c@d.bg' })).rejects.toThrow(/subject/);
      expect(smtp.received.length).toBe(before);
    } finally {
      await mailer.close();
    }
  });
});

describe('mail into the outbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-outbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a parseable .eml file and logs the message for the operator', async () => {
    const { log, lines } = memoryLog();
    const outboxDir = join(dir, 'outbox');
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 10, 0));
    const mailer = createMailer({
      smtpUrl: null,
      from: '"Вестник" <no-reply@vestnik.example>',
      outboxDir,
      log,
      clock,
    });
    await mailer.send(message);
    await mailer.send(message);
    await mailer.close();

    const files = readdirSync(outboxDir).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(new RegExp(`^${clock.now()}-[0-9a-f]{12}\\.eml$`));
    const raw = readFileSync(join(outboxDir, files[0]!), 'utf8');
    expect(raw).toContain('\r\n');
    const parsed = parseMail(raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text).toBe(message.text);
    expect(parsed.headers.get('to')).toBe('иван@пример.бг');
    expect(parsed.headers.get('content-type')).toMatch(/text\/plain; charset=utf-8/i);
    expect(parsed.headers.get('message-id')).toBeTruthy();

    const logged = lines.filter((l) => l.msg === 'mail written to the outbox');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 30, mail: message });
  });
});
