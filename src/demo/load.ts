// Loads the demo newsroom into an empty database, all in one transaction: sections, authors,
// tags, ~60 articles timed relative to now, their comments and a week of view history.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertArticle } from '../content/articles.js';
import { RESERVED_SLUGS } from '../content/categories.js';
import type { Db } from '../db/index.js';
import type { CacheBus } from '../infra/cache-bus.js';
import type { Clock } from '../infra/clock.js';
import type { Config } from '../infra/config.js';
import { HOUR_MS } from '../ranking/store-sql.js';
import { indexArticles } from '../search/index-sync.js';
import { localParts, zonedTimeToEpoch } from '../text/dates.js';
import { slugify } from '../text/slug.js';
import { demoArticles1 } from './articles-1.js';
import { demoArticles2 } from './articles-2.js';
import { demoArticles3 } from './articles-3.js';
import { demoArticles4 } from './articles-4.js';
import { demoAuthors } from './authors.js';
import { coverSvg, seededRandom } from './covers.js';
import { bodyHtml, insertComments } from './parts.js';
import { demoTags } from './tags.js';
import type { DemoArticle, DemoCategoryKey } from './types.js';

export const demoArticles: DemoArticle[] = [
  ...demoArticles1,
  ...demoArticles2,
  ...demoArticles3,
  ...demoArticles4,
];

const SECTIONS: { key: DemoCategoryKey; bg: string; en: string; description: string }[] = [
  {
    key: 'bulgaria',
    bg: 'България',
    en: 'Bulgaria',
    description: 'Новини от страната: политика, общество, регионите.',
  },
  { key: 'svyat', bg: 'Свят', en: 'World', description: 'Събитията по света, Европа и Балканите.' },
  { key: 'ikonomika', bg: 'Икономика', en: 'Economy', description: 'Бизнес, пазари, финанси и енергетика.' },
  {
    key: 'tehnologii',
    bg: 'Технологии',
    en: 'Technology',
    description: 'Наука, технологии и дигитален свят.',
  },
  { key: 'sport', bg: 'Спорт', en: 'Sport', description: 'Футбол, волейбол, тенис и всичко в спорта.' },
  { key: 'kultura', bg: 'Култура', en: 'Culture', description: 'Театър, кино, книги, музика и изкуство.' },
  { key: 'vremeto', bg: 'Времето', en: 'Weather', description: 'Прогнози и предупреждения за времето.' },
];

export interface DemoDeps {
  db: Db;
  clock: Clock;
  bus: CacheBus;
  config: Pick<Config, 'timeZone' | 'dataDir' | 'locale'>;
}

export interface DemoResult {
  articles: number;
  comments: number;
  views: number;
}

export function publishedAtFor(article: DemoArticle, now: number, timeZone: string): number {
  if ('hoursAgo' in article.when) return Math.round(now - article.when.hoursAgo * HOUR_MS);
  const today = localParts(now, timeZone);
  const year = today.year - article.when.yearsAgo;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = today.month === 2 && today.day === 29 && !leap ? 28 : today.day;
  return zonedTimeToEpoch(year, today.month, day, article.when.hour, article.when.minute ?? 0, timeZone);
}

async function clearContent(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of [
      'article_view_hours',
      'comments',
      'article_tags',
      'article_authors',
      'articles',
      'tags',
      'authors',
    ] as const) {
      await trx.deleteFrom(table).execute();
    }
    // Children before parents: categories may nest.
    await trx.deleteFrom('categories').where('parent_id', 'is not', null).execute();
    await trx.deleteFrom('categories').execute();
  });
}

export async function loadDemoIfEmpty(deps: DemoDeps): Promise<DemoResult | null> {
  return loadDemo(deps, { reset: false });
}

export async function loadDemo(deps: DemoDeps, options: { reset: boolean }): Promise<DemoResult | null> {
  const { db, clock, config } = deps;
  const existing = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  const existingCategory = await db.selectFrom('categories').select('id').limit(1).executeTakeFirst();
  if ((existing || existingCategory) && !options.reset) return null;
  if (options.reset) await clearContent(db);

  const now = clock.now();
  const mediaDir = join(config.dataDir, 'media', 'demo');
  rmSync(mediaDir, { recursive: true, force: true });
  mkdirSync(mediaDir, { recursive: true });
  const result: DemoResult = { articles: 0, comments: 0, views: 0 };

  await db.transaction().execute(async (trx) => {
    const categoryIds = new Map<DemoCategoryKey, number>();
    for (const [position, s] of SECTIONS.entries()) {
      if (RESERVED_SLUGS.has(s.key)) throw new Error(`reserved slug ${s.key}`);
      const { id } = await trx
        .insertInto('categories')
        .values({
          slug: s.key,
          name: config.locale === 'bg' ? s.bg : s.en,
          description: config.locale === 'bg' ? s.description : '',
          parent_id: null,
          position,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      categoryIds.set(s.key, id);
    }
    const authorIds = new Map<string, number>();
    for (const a of demoAuthors) {
      const { id } = await trx
        .insertInto('authors')
        .values({ slug: slugify(a.name), name: a.name, title: a.title, bio: a.bio, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      authorIds.set(a.key, id);
    }
    const tagIds = new Map<string, number>();
    for (const t of demoTags) {
      const { id } = await trx
        .insertInto('tags')
        .values({ slug: slugify(t.name), name: t.name, kind: t.kind, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      tagIds.set(t.key, id);
    }

    const viewRows: { article_id: number; hour: number; views: number }[] = [];
    const articleIds: number[] = [];
    for (const article of demoArticles) {
      const publishedAt = publishedAtFor(article, now, config.timeZone);
      const slug = slugify(article.title);
      writeFileSync(join(mediaDir, `${slug}.svg`), coverSvg(article.key, article.category));
      const id = await insertArticle(
        trx,
        {
          categoryId: categoryIds.get(article.category)!,
          slug,
          title: article.title,
          lead: article.lead,
          bodyHtml: bodyHtml(article.body),
          status: 'published',
          publishedAt,
          authorIds: article.authors.map((k) => authorIds.get(k)!),
          tagIds: article.tags.map((k) => tagIds.get(k)!),
          // The demo covers are abstract art, not the photos the captions imagine: decorative alt.
          cover: {
            url: `/media/demo/${slug}.svg`,
            caption: article.cover.caption,
            credit: article.cover.credit,
            alt: '',
          },
          commentRules:
            article.commentsPolicy === 'closed'
              ? { who: 'closed' }
              : article.commentsPolicy === 'premoderated'
                ? { moderation: 'pre' }
                : {},
        },
        now,
        config.timeZone,
      );
      await trx
        .updateTable('articles')
        .set({ updated_at: publishedAt, created_at: publishedAt })
        .where('id', '=', id)
        .execute();
      result.comments += await insertComments(trx, id, article, publishedAt, now);
      const views = viewHistory(article, id, publishedAt, now);
      viewRows.push(...views);
      const total =
        views.reduce((n, v) => n + v.views, 0) +
        ('yearsAgo' in article.when ? Math.round(article.popularity * 4000) : 0);
      await trx.updateTable('articles').set({ view_count: total }).where('id', '=', id).execute();
      result.views += total;
      result.articles++;
      articleIds.push(id);
    }
    for (let i = 0; i < viewRows.length; i += 500) {
      await trx
        .insertInto('article_view_hours')
        .values(viewRows.slice(i, i + 500))
        .execute();
    }
    // Searchable and with related lists from the first page view, like anything published.
    await indexArticles(trx, articleIds);
  });

  deps.bus.publish({ type: 'invalidate', tags: ['rankings', 'categories', 'lists', 'home'] });
  deps.bus.publish({ type: 'rankings-stale', reason: 'publish' });
  return result;
}

/** Hourly views over the last week: a launch peak that decays, shaped by popularity and the time of day. */
function viewHistory(article: DemoArticle, articleId: number, publishedAt: number, now: number) {
  const rand = seededRandom(`views:${article.key}`);
  const rows: { article_id: number; hour: number; views: number }[] = [];
  const firstHour = Math.max(
    Math.floor(publishedAt / HOUR_MS),
    Math.floor((now - 7 * 24 * HOUR_MS) / HOUR_MS),
  );
  const lastHour = Math.floor(now / HOUR_MS);
  for (let hour = firstHour; hour <= lastHour; hour++) {
    const age = (hour * HOUR_MS - publishedAt) / HOUR_MS;
    if (age < 0) continue;
    const decay = Math.exp(-age / 18);
    const localHour = new Date(hour * HOUR_MS).getUTCHours() + 2;
    const daytime = localHour % 24 >= 7 && localHour % 24 <= 23 ? 1 : 0.25;
    const views = Math.round(
      (5 + 220 * article.popularity) * decay * daytime * (0.6 + rand() * 0.8) + rand() * 3,
    );
    if (views > 0) rows.push({ article_id: articleId, hour, views });
  }
  return rows;
}
