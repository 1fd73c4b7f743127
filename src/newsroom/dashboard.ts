// What the back office's front page shows: today's output, the last day's traffic by hour, what
// is due to go out, the comment queues and a writer's own unfinished work. Plain queries, no HTTP.
import { queueCounts } from '../comments/desk.js';
import type { Db } from '../db/index.js';
import { HOUR_MS } from '../ranking/store-sql.js';
import { localParts } from '../text/dates.js';

export const HOURS_SHOWN = 24;
export const SCHEDULED_SHOWN = 20;
export const TODAY_SHOWN = 10;
export const MY_WORK_SHOWN = 20;

export interface DashboardArticle {
  id: number;
  title: string;
  slug: string;
  categorySlug: string;
  /** Published at, due at, or last changed at, depending on the list. */
  at: number;
}

export interface HourlyViews {
  /** Epoch hour (ms / 3 600 000) of the first bucket; the last one is the current hour. */
  firstHour: number;
  /** HOURS_SHOWN counts, oldest first, zero where nobody read anything. */
  views: number[];
}

export interface MyWork {
  drafts: DashboardArticle[];
  inReview: DashboardArticle[];
}

function articleList(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .select(['a.id', 'a.title', 'a.slug', 'c.slug as category_slug']);
}

type ListRow = { id: number; title: string; slug: string; category_slug: string };
const toArticle = (r: ListRow, at: number | null): DashboardArticle => ({
  id: r.id,
  title: r.title,
  slug: r.slug,
  categorySlug: r.category_slug,
  at: at ?? 0,
});

/** Articles out on today's calendar day in the site's time zone: how many, and the newest few. */
export async function publishedToday(
  db: Db,
  now: number,
  timeZone: string,
): Promise<{ count: number; latest: DashboardArticle[] }> {
  const today = localParts(now, timeZone).ymd;
  const base = db
    .selectFrom('articles')
    .where('status', '=', 'published')
    .where('published_ymd', '=', today)
    .where('published_at', '<=', now);
  const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await articleList(db)
    .select('a.published_at')
    .where('a.status', '=', 'published')
    .where('a.published_ymd', '=', today)
    .where('a.published_at', '<=', now)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(TODAY_SHOWN)
    .execute();
  return { count: Number(counted.n), latest: rows.map((r) => toArticle(r, r.published_at)) };
}

/** Views per hour over the last HOURS_SHOWN hours, the current (unfinished) hour last. */
export async function viewsPerHour(db: Db, now: number): Promise<HourlyViews> {
  const lastHour = Math.floor(now / HOUR_MS);
  const firstHour = lastHour - HOURS_SHOWN + 1;
  const rows = await db
    .selectFrom('article_view_hours')
    .where('hour', '>=', firstHour)
    .where('hour', '<=', lastHour)
    .groupBy('hour')
    .select((eb) => ['hour', eb.fn.sum<number>('views').as('total')])
    .execute();
  const views = new Array<number>(HOURS_SHOWN).fill(0);
  for (const r of rows) views[Number(r.hour) - firstHour] = Number(r.total);
  return { firstHour, views };
}

/** The next scheduled articles, soonest first. */
export async function scheduledNext(db: Db, limit = SCHEDULED_SHOWN): Promise<DashboardArticle[]> {
  const rows = await articleList(db)
    .select('a.scheduled_at')
    .where('a.status', '=', 'scheduled')
    .orderBy('a.scheduled_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => toArticle(r, r.scheduled_at));
}

/** Comments waiting for a moderator, and comments readers have reported. */
export async function commentQueue(db: Db): Promise<{ pending: number; reported: number }> {
  const counts = await queueCounts(db);
  return { pending: counts.pending, reported: counts.reported };
}

/** A writer's own drafts and what they have sent for review, most recently changed first. */
export async function myWork(db: Db, userId: number): Promise<MyWork> {
  const own = (status: 'draft' | 'review') =>
    articleList(db)
      .select('a.updated_at')
      .where('a.owner_id', '=', userId)
      .where('a.status', '=', status)
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(MY_WORK_SHOWN)
      .execute();
  const [drafts, inReview] = await Promise.all([own('draft'), own('review')]);
  return {
    drafts: drafts.map((r) => toArticle(r, r.updated_at)),
    inReview: inReview.map((r) => toArticle(r, r.updated_at)),
  };
}
