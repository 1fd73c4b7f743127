// What the sitemaps list, straight from the tables: plain rows with slugs and times, no HTML, no
// URLs (the web layer builds those). Built for archives of 100,000+ articles: each query selects
// only the columns it needs, article files are id ranges read from one narrow index
// (articles_sitemap, migration 0009), and nothing runs per row.
//
// Article sitemaps are split by id range: articles-n.xml holds the published articles with ids in
// ((n-1)·limit, n·limit]. An article never moves to another file when others are published,
// unpublished or back-dated, so a crawler's copy of an old file stays right; the price is that a
// file holds fewer than `limit` URLs where drafts took ids, and a range without any published
// article has no file at all. Tags and authors are split the same way by their own ids.
import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/index.js';
import { nameArticles } from './sitemap-names.js';
import type {
  ArticleEntry,
  NamedEntry,
  NewsEntry,
  SectionEntries,
  SitemapOverview,
  SitemapPart,
} from './sitemap-types.js';

/** The sitemap protocol's ceiling for URLs in one file. */
export const SITEMAP_URL_LIMIT = 50_000;
/** Google News reads articles of the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_LIMIT = 1_000;

type Link = 'article_tags' | 'article_authors';
type LinkColumn = 'tag_id' | 'author_id';

export class SitemapEntries {
  readonly urlLimit: number;

  constructor(
    private readonly db: Db,
    options: { urlLimit?: number } = {},
  ) {
    const limit = options.urlLimit ?? SITEMAP_URL_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > SITEMAP_URL_LIMIT)
      throw new Error(`sitemap URL limit must be an integer from 1 to ${SITEMAP_URL_LIMIT}`);
    this.urlLimit = limit;
  }

  /** The child sitemaps that have at least one URL, for the sitemap index. */
  async overview(now: number): Promise<SitemapOverview> {
    const [articles, tags, authors, sections, news] = await Promise.all([
      this.articleParts(now),
      this.linkedParts(now, 'tags', 'article_tags', 'tag_id'),
      this.linkedParts(now, 'authors', 'article_authors', 'author_id'),
      this.newest(now),
      this.newsStamp(now),
    ]);
    return { articles, tags, authors, sections, news };
  }

  /** Published articles of one file, by id; empty for a page that has no file. */
  async articles(now: number, page: number): Promise<ArticleEntry[]> {
    const [from, to] = this.range(page);
    const rows = await this.articleRows(now)
      .where('a.id', '>', from)
      .where('a.id', '<=', to)
      .orderBy('a.id')
      .execute();
    return nameArticles(this.db, rows, (r, categorySlug, cover) => ({
      id: r.id,
      slug: r.slug,
      categorySlug,
      updatedAt: r.updated_at,
      cover,
    }));
  }

  /** What Google News reads: the last 48 hours, newest first, at most 1,000. */
  async news(now: number): Promise<NewsEntry[]> {
    const rows = await this.articleRows(now)
      .select(['a.title', 'a.published_at'])
      .where('a.published_at', '>', now - NEWS_WINDOW_MS)
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(NEWS_LIMIT)
      .execute();
    return nameArticles(this.db, rows, (r, categorySlug, cover) => ({
      id: r.id,
      slug: r.slug,
      categorySlug,
      updatedAt: r.updated_at,
      cover,
      title: r.title,
      publishedAt: r.published_at ?? 0,
    }));
  }

  async tags(now: number, page: number): Promise<NamedEntry[]> {
    return this.named(now, page, 'tags', 'article_tags', 'tag_id');
  }

  async authors(now: number, page: number): Promise<NamedEntry[]> {
    return this.named(now, page, 'authors', 'article_authors', 'author_id');
  }

  /** Every category (they are the site's navigation) with its newest publication. */
  async sections(now: number): Promise<SectionEntries> {
    const [categories, own, newest, newestTagged] = await Promise.all([
      this.db
        .selectFrom('categories')
        .select(['id', 'slug', 'parent_id'])
        .orderBy('position')
        .orderBy('id')
        .execute(),
      this.publishedArticles(now)
        .select(['a.category_id', (eb) => eb.fn.max('a.published_at').as('newest')])
        .groupBy('a.category_id')
        .execute(),
      this.newest(now),
      this.publishedArticles(now)
        .where((eb) =>
          eb.exists(
            eb.selectFrom('article_tags as t').select('t.tag_id').whereRef('t.article_id', '=', 'a.id'),
          ),
        )
        .select('a.published_at')
        .orderBy('a.published_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    // A parent's page lists its subcategories' articles too: carry each newest up the tree.
    const newestOf = new Map<number, number>();
    const parentOf = new Map(categories.map((c) => [c.id, c.parent_id]));
    for (const row of own) {
      let id: number | null = row.category_id;
      const stamp = Number(row.newest);
      for (let depth = 0; id !== null && depth < 16; depth++) {
        if ((newestOf.get(id) ?? -1) < stamp) newestOf.set(id, stamp);
        id = parentOf.get(id) ?? null;
      }
    }
    return {
      categories: categories.map((c) => ({ id: c.id, slug: c.slug, newest: newestOf.get(c.id) ?? null })),
      newest,
      newestTagged: newestTagged?.published_at ?? null,
    };
  }

  private range(page: number): [number, number] {
    return [(page - 1) * this.urlLimit, page * this.urlLimit];
  }

  /**
   * The tag (or author) files with published articles, and the newest publication in each. Per
   * range of owner ids, the newest published article linked to one of them: read backwards along
   * the (status, published_at) index, it usually stops after a row or two, where grouping every
   * link row by owner would read them all.
   */
  private async linkedParts(
    now: number,
    table: 'tags' | 'authors',
    link: Link,
    column: LinkColumn,
  ): Promise<SitemapPart[]> {
    const top = await this.db
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    const pages = Math.ceil(Number(top?.max ?? 0) / this.urlLimit);
    const ref = sql.ref<number>(`l.${column}`);
    const found = await Promise.all(
      Array.from({ length: pages }, async (_, i) => {
        const [from, to] = this.range(i + 1);
        const row = await this.publishedArticles(now)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom(`${link} as l` as 'article_tags as l')
                .select('l.article_id')
                .whereRef('l.article_id', '=', 'a.id')
                .where(sql<SqlBool>`${ref} > ${from} and ${ref} <= ${to}`),
            ),
          )
          .select('a.published_at')
          .orderBy('a.published_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        return row?.published_at ? [{ page: i + 1, lastmod: row.published_at }] : [];
      }),
    );
    return found.flat();
  }

  /** Published articles as `a`: the query every list on the site starts from. */
  private publishedArticles(now: number) {
    return this.db
      .selectFrom('articles as a')
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', now);
  }

  /**
   * The columns of the articles_sitemap index and nothing else, so a whole file is read from the
   * index: section slugs and media-library covers are looked up once per file, not joined per row.
   */
  private articleRows(now: number) {
    return this.publishedArticles(now).select([
      'a.id',
      'a.slug',
      'a.category_id',
      'a.updated_at',
      'a.cover_url',
      'a.cover_media_id',
    ]);
  }

  /**
   * One row per file with published articles. The file's lastmod also counts articles unpublished
   * since (the workflow stamps updated_at): their leaving changed the file, and a conditional GET
   * by date must then get the new copy.
   */
  private async articleParts(now: number): Promise<SitemapPart[]> {
    const bucket = sql<number>`(a.id - 1) / ${sql.lit(this.urlLimit)}`;
    const rows = await this.db
      .selectFrom('articles as a')
      .where('a.status', 'in', ['published', 'unpublished'])
      .select([
        bucket.as('bucket'),
        (eb) => eb.fn.max('a.updated_at').as('lastmod'),
        sql<number>`sum(case when a.status = 'published' and a.published_at <= ${now} then 1 else 0 end)`.as(
          'listed',
        ),
      ])
      .groupBy(bucket)
      .orderBy(bucket)
      .execute();
    return rows
      .filter((r) => Number(r.listed) > 0)
      .map((r) => ({ page: Number(r.bucket) + 1, lastmod: Number(r.lastmod) }));
  }

  /** Ids of the tags (or authors) with published articles, and each one's newest publication. */
  private async linked(now: number, link: Link, column: LinkColumn, range?: [number, number]) {
    // Both link tables are (article_id, <owner>_id); the owner column is referenced by name.
    let q = this.db
      .selectFrom(`${link} as l` as 'article_tags as l')
      .innerJoin('articles as a', 'a.id', 'l.article_id')
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', now);
    const ref = sql.ref<number>(`l.${column}`);
    if (range) q = q.where(sql<SqlBool>`${ref} > ${range[0]} and ${ref} <= ${range[1]}`);
    const rows = await q
      .select([ref.as('id'), (eb) => eb.fn.max('a.published_at').as('newest')])
      .groupBy(ref)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), newest: Number(r.newest) }));
  }

  private async named(
    now: number,
    page: number,
    table: 'tags' | 'authors',
    link: Link,
    column: LinkColumn,
  ): Promise<NamedEntry[]> {
    const range = this.range(page);
    const [stamps, names] = await Promise.all([
      this.linked(now, link, column, range),
      this.db
        .selectFrom(table)
        .select(['id', 'slug'])
        .where('id', '>', range[0])
        .where('id', '<=', range[1])
        .execute(),
    ]);
    const slugOf = new Map(names.map((n) => [n.id, n.slug]));
    const out: NamedEntry[] = [];
    for (const s of stamps) {
      const slug = slugOf.get(s.id);
      if (slug !== undefined) out.push({ id: s.id, slug, newest: s.newest });
    }
    return out.sort((a, b) => a.id - b.id);
  }

  private async newest(now: number): Promise<number | null> {
    const row = await this.publishedArticles(now)
      .select('a.published_at')
      .orderBy('a.published_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.published_at ?? null;
  }

  /** The newest change among the articles of the news window; null when it is empty. */
  private async newsStamp(now: number): Promise<number | null> {
    const row = await this.publishedArticles(now)
      .where('a.published_at', '>', now - NEWS_WINDOW_MS)
      .select((eb) => eb.fn.max('a.updated_at').as('lastmod'))
      .executeTakeFirst();
    return row?.lastmod === null || row?.lastmod === undefined ? null : Number(row.lastmod);
  }
}
