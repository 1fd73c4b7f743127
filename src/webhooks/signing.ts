// Signatures on deliveries, Stripe-style: the receiver recomputes an HMAC over the timestamp and
// the raw body with the subscription's secret. The timestamp is signed too, so a captured delivery
// cannot be replayed later than the receiver's tolerance.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Vestnik-Signature';

/** A new secret: 32 random bytes, prefixed so people recognise what it is. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The Vestnik-Signature header for this body at this time (unix seconds). */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, unixSeconds, body)}`;
}

/**
 * Whether a delivery is genuine: the header's v1 matches the HMAC of "{t}.{body}" and t is within
 * `toleranceSec` of `now` (epoch milliseconds, as Date.now()). Any malformed header is false.
 * Receivers can copy this function as it is; it needs only node:crypto.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  now: number,
  toleranceSec = 300,
): boolean {
  let t: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t === null || signatures.length === 0) return false;
  if (Math.abs(now / 1000 - t) > toleranceSec) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
}
