// Intake of view beacons. Bots are dropped by user agent; a visitor counts once per article
// per 30 minutes; counts are buffered in memory and written in batches.
import { isbot } from 'isbot';
import type { Db } from '../db/index.js';
import type { Logger } from '../infra/log.js';
import type { VisitorHasher } from '../privacy/visitor.js';
import { addViews, HOUR_MS } from './store-sql.js';

export const DEDUPE_WINDOW_MS = 30 * 60_000;
// Bounds memory under a flood of distinct visitors; the oldest entries go first.
const MAX_SEEN = 500_000;
// Article-hour buckets between flushes; ids that do not exist are only dropped at flush time,
// so a flood of made-up ids must not grow the buffer without bound.
export const MAX_BUCKETS = 50_000;

export type ViewOutcome = 'counted' | 'repeat' | 'bot' | 'dropped';

export interface ViewRequest {
  articleId: number;
  ip: string;
  userAgent: string;
}

export class ViewCounter {
  private buffer = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly visitors: VisitorHasher,
    private readonly log: Logger,
  ) {}

  record(view: ViewRequest, now: number): ViewOutcome {
    if (view.userAgent === '' || isbot(view.userAgent)) return 'bot';
    const key = `${this.visitors.hash(view.ip, view.userAgent, now)}:${view.articleId}`;
    const last = this.seen.get(key);
    if (last !== undefined && now - last < DEDUPE_WINDOW_MS) return 'repeat';
    this.seen.delete(key); // re-insert so Map order stays oldest-first
    this.seen.set(key, now);
    if (this.seen.size > MAX_SEEN) this.forgetOldest(now);
    const bucket = `${view.articleId}:${Math.floor(now / HOUR_MS)}`;
    if (this.buffer.size >= MAX_BUCKETS && !this.buffer.has(bucket)) return 'dropped';
    this.buffer.set(bucket, (this.buffer.get(bucket) ?? 0) + 1);
    return 'counted';
  }

  get buffered(): number {
    let n = 0;
    for (const v of this.buffer.values()) n += v;
    return n;
  }

  private forgetOldest(now: number): void {
    for (const [key, at] of this.seen) {
      if (this.seen.size <= MAX_SEEN * 0.9 && now - at < DEDUPE_WINDOW_MS) break;
      this.seen.delete(key);
    }
  }

  /** Drops dedupe entries older than the window; run on a timer. */
  sweep(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at < DEDUPE_WINDOW_MS) break;
      this.seen.delete(key);
    }
  }

  /** Writes the buffer; on failure the counts go back into the buffer for the next try. */
  async flush(): Promise<number> {
    if (this.flushing) await this.flushing;
    const batch = this.buffer;
    if (batch.size === 0) return 0;
    this.buffer = new Map();
    let written = 0;
    this.flushing = addViews(this.db, batch)
      .then(() => {
        for (const v of batch.values()) written += v;
      })
      .catch((err: unknown) => {
        for (const [k, v] of batch) this.buffer.set(k, (this.buffer.get(k) ?? 0) + v);
        this.log.warn({ err }, 'view counts not written; kept for the next flush');
      })
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
    return written;
  }
}
