// Publishes scheduled articles when their time comes, from inside the process: never from page
// visits. Missed ones (the site was down) go out at start. With several processes each due article
// is published exactly once: the update applies only while the row is still 'scheduled'.
import type { Db } from '../db/index.js';
import type { Clock } from '../infra/clock.js';
import type { Logger } from '../infra/log.js';
import { syncSearchDoc } from '../search/index-sync.js';
import { recordRevision } from './revisions.js';
import { publishColumns } from './workflow.js';

export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  timeZone: string;
  /** How often the database is asked for due articles. */
  tickMs: number;
  /** Called with the ids this process published, after their transactions committed. */
  onPublished: (ids: number[]) => void;
}

const BATCH = 100;

export class Scheduler {
  private tick: NodeJS.Timeout | null = null;
  private exact: NodeJS.Timeout | null = null;
  private running: Promise<number[]> | null = null;

  constructor(private readonly o: SchedulerOptions) {}

  /** Publishes every article due at `now`; returns the ids this process published. */
  async publishDue(now = this.o.clock.now()): Promise<number[]> {
    const { db } = this.o;
    const due = await db
      .selectFrom('articles')
      .select(['id', 'published_at', 'version'])
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', now)
      .orderBy('scheduled_at')
      .limit(BATCH)
      .execute();
    const published: number[] = [];
    for (const a of due) {
      const won = await db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable('articles')
          .set({
            ...publishColumns(a.published_at === null ? null : Number(a.published_at), now, this.o.timeZone),
            updated_at: now,
          })
          .where('id', '=', a.id)
          .where('status', '=', 'scheduled')
          .where('scheduled_at', '<=', now)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) return false;
        await recordRevision(trx, { articleId: a.id, version: a.version, kind: 'status', actor: null, now });
        await syncSearchDoc(trx, a.id);
        return true;
      });
      if (won) published.push(a.id);
    }
    if (published.length > 0) {
      this.o.log.info({ ids: published }, 'scheduled articles published');
      this.o.onPublished(published);
    }
    return published;
  }

  /** Runs publishDue unless a run is in progress, then arms an exact timer for the next due item. */
  async run(): Promise<number[]> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const ids = await this.publishDue();
        await this.armNext();
        return ids;
      } catch (err) {
        this.o.log.error({ err }, 'scheduler run failed');
        return [];
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Something was (re)scheduled in this process: look again at once. */
  poke(): void {
    void this.run();
  }

  async start(): Promise<void> {
    this.tick = setInterval(() => void this.run(), this.o.tickMs);
    this.tick.unref();
    await this.run();
  }

  stop(): void {
    if (this.tick) clearInterval(this.tick);
    if (this.exact) clearTimeout(this.exact);
    this.tick = null;
    this.exact = null;
  }

  // Between ticks, an article due sooner than the next tick gets a timer of its own: it goes out
  // on the second rather than up to a tick late.
  private async armNext(): Promise<void> {
    if (this.exact) clearTimeout(this.exact);
    this.exact = null;
    if (!this.tick) return;
    const next = await this.o.db
      .selectFrom('articles')
      .select('scheduled_at')
      .where('status', '=', 'scheduled')
      .orderBy('scheduled_at')
      .limit(1)
      .executeTakeFirst();
    if (!next?.scheduled_at) return;
    const wait = Number(next.scheduled_at) - this.o.clock.now();
    if (wait >= this.o.tickMs) return;
    this.exact = setTimeout(() => void this.run(), Math.max(0, wait) + 5);
    this.exact.unref();
  }
}
