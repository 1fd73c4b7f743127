import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSecret, signatureHeader, verifySignature } from './signing.js';

const now = Date.UTC(2026, 10, 25, 10, 0);
const t = Math.floor(now / 1000);
const body = JSON.stringify({ event: 'article.published', id: 'x', data: { title: 'Ново' } });

describe('webhook signatures', () => {
  const secret = newSecret();

  it('signs "{t}.{body}" with HMAC-SHA256, as receivers recompute it', () => {
    const header = signatureHeader(secret, body, t);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifySignature(secret, header, body, now)).toBe(true);
    expect(verifySignature(secret, header, body, now + 299_000)).toBe(true);
  });

  it('refuses a wrong secret, a tampered body and an old or future timestamp', () => {
    const header = signatureHeader(secret, body, t);
    expect(verifySignature(newSecret(), header, body, now)).toBe(false);
    expect(verifySignature(secret, header, body.replace('Ново', 'Старо'), now)).toBe(false);
    expect(verifySignature(secret, header, `${body} `, now)).toBe(false);
    expect(verifySignature(secret, header, body, now + 301_000)).toBe(false);
    expect(verifySignature(secret, header, body, now - 301_000)).toBe(false);
    expect(verifySignature(secret, header, body, now + 3_600_000, 7200)).toBe(true);
  });

  it('refuses a replayed signature under a new timestamp', () => {
    const old = signatureHeader(secret, body, t - 3600);
    const v1 = old.split('v1=')[1];
    expect(verifySignature(secret, `t=${t},v1=${v1}`, body, now)).toBe(false);
  });

  it('refuses malformed headers', () => {
    const good = signatureHeader(secret, body, t);
    for (const header of [
      '',
      'garbage',
      `t=${t}`,
      good.replace(/^t=\d+,/, ''),
      `t=abc,${good.split(',')[1]}`,
      `${good.slice(0, -2)}zz`,
    ]) {
      expect(verifySignature(secret, header, body, now), header).toBe(false);
    }
  });

  it('makes long, different secrets', () => {
    const a = newSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(newSecret());
  });
});
