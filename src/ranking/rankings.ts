// The three sidebar lists: Най-ново, Най-четени, Най-коментирани. Recomputed on a timer and
// soon after a change is announced — never per request — and held in memory for the pages.
import { listPublished, summariesByIds } from '../content/lists.js';
import type { ArticleSummary } from '../content/types.js';
import type { Db } from '../db/index.js';
import type { CacheBus } from '../infra/cache-bus.js';
import type { Clock } from '../infra/clock.js';
import type { Logger } from '../infra/log.js';
import { dayRange, localParts } from '../text/dates.js';
import { mostCommented, mostViewed, type Ranked, totalViewsSince } from './store-sql.js';

export const RANKING_SIZE = 8;
const DAY_MS = 86_400_000;
/** Below this many views in 24 hours the most-read list looks at the last 7 days. */
export const THIN_TRAFFIC_VIEWS = 200;

export interface RankedArticle {
  article: ArticleSummary;
  value: number;
}

export interface Rankings {
  latest: ArticleSummary[];
  mostRead: RankedArticle[];
  mostReadWindow: '24h' | '7d';
  mostCommented: RankedArticle[];
  /** Published on today's calendar day in earlier years (the rubric "На днешната дата"). */
  onThisDay: ArticleSummary[];
  computedAt: number;
}

const EMPTY: Rankings = {
  latest: [],
  mostRead: [],
  mostReadWindow: '24h',
  mostCommented: [],
  onThisDay: [],
  computedAt: 0,
};

export class RankingService {
  private current: Rankings = EMPTY;
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: CacheBus,
    private readonly log: Logger,
    private readonly refreshMs: number,
    private readonly timeZone: string,
  ) {}

  get lists(): Rankings {
    return this.current;
  }

  /** Article ids shown in the lists, so pages can be tagged with them. */
  get articleIds(): number[] {
    const c = this.current;
    return [
      ...c.latest.map((a) => a.id),
      ...c.mostRead.map((r) => r.article.id),
      ...c.mostCommented.map((r) => r.article.id),
    ];
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
    this.unsubscribe = this.bus.subscribe((event) => {
      if (event.type === 'rankings-stale') this.refreshSoon();
    });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.unsubscribe?.();
    this.timer = this.soon = null;
  }

  /** Coalesces bursts of changes (a flood of comments) into one recomputation. */
  refreshSoon(delayMs = 250): void {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.refresh();
    }, delayMs);
    this.soon.unref();
  }

  async refresh(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.compute()
      .catch((err: unknown) => this.log.error({ err }, 'rankings not recomputed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async compute(): Promise<void> {
    const now = this.clock.now();
    const latest = await listPublished(this.db, now, {}, RANKING_SIZE);
    const thin = (await totalViewsSince(this.db, now - DAY_MS)) < THIN_TRAFFIC_VIEWS;
    const readSince = now - (thin ? 7 * DAY_MS : DAY_MS);
    const [read, commented] = await Promise.all([
      mostViewed(this.db, readSince, now, RANKING_SIZE),
      mostCommented(this.db, now - 7 * DAY_MS, now, RANKING_SIZE),
    ]);
    const today = localParts(now, this.timeZone);
    const onThisDay = await listPublished(
      this.db,
      now,
      { monthDay: today.md, range: [0, dayRange(today.ymd, this.timeZone)[0]] },
      RANKING_SIZE,
    );
    const summaries = await summariesByIds(
      this.db,
      now,
      [...read, ...commented].map((r) => r.articleId),
    );
    const attach = (list: Ranked[]) =>
      list.flatMap((r) => {
        const article = summaries.get(r.articleId);
        return article ? [{ article, value: r.value }] : [];
      });
    const next: Rankings = {
      latest,
      mostRead: attach(read),
      mostReadWindow: thin ? '7d' : '24h',
      mostCommented: attach(commented),
      onThisDay,
      computedAt: now,
    };
    const changed = fingerprint(next) !== fingerprint(this.current);
    this.current = next;
    if (changed) this.bus.publish({ type: 'invalidate', tags: ['rankings'] });
  }
}

// What the pages show of the lists: order, titles, comment counts. View totals are not shown,
// so a view alone does not invalidate every page.
function fingerprint(r: Rankings): string {
  const s = (a: ArticleSummary) => `${a.id}:${a.title}:${a.commentCount}:${a.category.slug}/${a.slug}`;
  return JSON.stringify([
    r.latest.map(s),
    r.mostRead.map((x) => s(x.article)),
    r.mostReadWindow,
    r.mostCommented.map((x) => `${s(x.article)}:${x.value}`),
    r.onThisDay.map(s),
  ]);
}
