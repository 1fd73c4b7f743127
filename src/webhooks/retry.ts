// When a failed delivery is tried again. Delays grow (30 s, 2 min, 10 min, 1 h, 6 h) with ±20 %
// jitter, so receivers coming back after an outage are not hit by every retry at once.

export const RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];
/** The first try and one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A Retry-After beyond this is not waited for: the last regular delay is the longest wait. */
export const RETRY_AFTER_MAX_MS = 21_600_000;

export type Outcome =
  | { kind: 'answer'; status: number; retryAfter: string | null }
  | { kind: 'timeout' }
  | { kind: 'network' };

/** 2xx delivers; 408, 429, 5xx, timeouts and network errors are worth another try; the rest is final. */
export function verdictOf(outcome: Outcome): 'delivered' | 'retry' | 'final' {
  if (outcome.kind !== 'answer') return 'retry';
  const s = outcome.status;
  if (s >= 200 && s < 300) return 'delivered';
  if (s === 408 || s === 429 || s >= 500) return 'retry';
  return 'final';
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * When to try again after `attempts` tries (1 = the first failed), or null when that was the last.
 * A receiver's Retry-After is honoured when it asks for longer than our delay, up to 6 hours.
 */
export function nextAttemptAt(
  attempts: number,
  now: number,
  retryAfter: number | null,
  random: () => number = Math.random,
): number | null {
  const base = RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined || attempts >= MAX_ATTEMPTS) return null;
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  const asked = retryAfter === null ? 0 : Math.min(retryAfter, RETRY_AFTER_MAX_MS);
  return now + Math.max(jittered, asked);
}
