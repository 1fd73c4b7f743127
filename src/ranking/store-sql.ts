// Ranking data in SQL: hourly view buckets and comment counts over a window.
import { sql } from 'kysely';
import type { Db } from '../db/index.js';

export const HOUR_MS = 3_600_000;

export interface Ranked {
  articleId: number;
  value: number;
}

/** Adds buffered view counts: hourly buckets and the article totals, in one transaction. */
export async function addViews(db: Db, counts: Map<string, number>): Promise<void> {
  if (counts.size === 0) return;
  const buckets = [...counts].map(([key, views]) => {
    const [articleId, hour] = key.split(':').map(Number) as [number, number];
    return { article_id: articleId, hour, views };
  });
  const totals = new Map<number, number>();
  for (const b of buckets) totals.set(b.article_id, (totals.get(b.article_id) ?? 0) + b.views);
  await db.transaction().execute(async (trx) => {
    // Articles deleted since the view was counted are skipped rather than failing the batch.
    const live = new Set<number>();
    for (const ids of chunks([...totals.keys()], CHUNK)) {
      for (const r of await trx.selectFrom('articles').select('id').where('id', 'in', ids).execute())
        live.add(r.id);
    }
    const rows = buckets.filter((b) => live.has(b.article_id));
    // Parameters per statement are limited (SQLite: 32 766): write in slices.
    for (const slice of chunks(rows, CHUNK / 4)) {
      await trx
        .insertInto('article_view_hours')
        .values(slice)
        .onConflict((oc) =>
          oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({
            views: sql<number>`${eb.ref('article_view_hours.views')} + ${eb.ref('excluded.views')}`,
          })),
        )
        .execute();
    }
    for (const [articleId, n] of totals) {
      if (!live.has(articleId)) continue;
      await trx
        .updateTable('articles')
        .set((eb) => ({ view_count: eb('view_count', '+', n) }))
        .where('id', '=', articleId)
        .execute();
    }
  });
}

const CHUNK = 2000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function mostViewed(db: Db, since: number, now: number, limit: number): Promise<Ranked[]> {
  const rows = await db
    .selectFrom('article_view_hours as v')
    .innerJoin('articles as a', 'a.id', 'v.article_id')
    .where('v.hour', '>=', Math.floor(since / HOUR_MS))
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .groupBy('v.article_id')
    .select((eb) => ['v.article_id', eb.fn.sum<number>('v.views').as('total')])
    .orderBy('total', 'desc')
    .orderBy('v.article_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, value: Number(r.total) }));
}

export async function totalViewsSince(db: Db, since: number): Promise<number> {
  const row = await db
    .selectFrom('article_view_hours')
    .where('hour', '>=', Math.floor(since / HOUR_MS))
    .select((eb) => eb.fn.sum<number>('views').as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function mostCommented(db: Db, since: number, now: number, limit: number): Promise<Ranked[]> {
  const rows = await db
    .selectFrom('comments as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .where('m.status', '=', 'approved')
    .where('m.created_at', '>=', since)
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .groupBy('m.article_id')
    .select((eb) => ['m.article_id', eb.fn.countAll<number>().as('total')])
    .orderBy('total', 'desc')
    .orderBy('m.article_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, value: Number(r.total) }));
}
