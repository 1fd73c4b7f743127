// One HTTP attempt of one delivery: a signed POST with Node's fetch, redirects not followed (a
// redirect could lead anywhere, the signature was meant for this URL), a hard time limit, and at
// most a few kilobytes of the answer kept for the log.
import { type Outcome, verdictOf } from './retry.js';
import { SIGNATURE_HEADER, signatureHeader } from './signing.js';
import { refusedTarget } from './targets.js';

export const USER_AGENT = 'Vestnik-Webhooks/1';
export const EXCERPT_MAX = 1000;
const READ_MAX_BYTES = 4096;

export interface Attempt {
  outcome: Outcome;
  verdict: 'delivered' | 'retry' | 'final';
  /** HTTP status; null when there was no answer. */
  status: number | null;
  error: string | null;
  excerpt: string | null;
  durationMs: number;
}

export interface SendRequest {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  body: string;
  /** Epoch milliseconds: the signature's timestamp. */
  now: number;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < READ_MAX_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(
    Buffer.concat(chunks).subarray(0, READ_MAX_BYTES),
  );
  return [...text].slice(0, EXCERPT_MAX).join('');
}

const isTimeout = (err: unknown) =>
  err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return `${err.message}${detail}`.slice(0, 500);
}

export async function sendDelivery(req: SendRequest, options: SendOptions): Promise<Attempt> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const refused = await refusedTarget(req.url, options.allowPrivate);
    if (refused) {
      const outcome: Outcome = { kind: 'answer', status: 0, retryAfter: null };
      return { outcome, verdict: 'final', status: null, error: refused, excerpt: null, durationMs: took() };
    }
    const response = await fetch(req.url, {
      method: 'POST',
      body: req.body,
      redirect: 'manual',
      signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'vestnik-event': req.event,
        'vestnik-delivery': req.deliveryId,
        [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(req.secret, req.body, Math.floor(req.now / 1000)),
      },
    });
    const outcome: Outcome = {
      kind: 'answer',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
    };
    const excerpt = await readExcerpt(response).catch(() => '');
    const verdict = verdictOf(outcome);
    const redirect = response.status >= 300 && response.status < 400;
    const error =
      verdict === 'delivered'
        ? null
        : redirect
          ? `redirect not followed (HTTP ${response.status})`
          : `HTTP ${response.status}`;
    return { outcome, verdict, status: response.status, error, excerpt, durationMs: took() };
  } catch (err) {
    const timedOut = isTimeout(err) || signal.aborted;
    const outcome: Outcome = timedOut ? { kind: 'timeout' } : { kind: 'network' };
    const error = timedOut ? `no answer within ${options.timeoutMs} ms` : describe(err);
    return { outcome, verdict: 'retry', status: null, error, excerpt: null, durationMs: took() };
  }
}
