import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createArticle } from '../../content/articles.js';
import { createCategory } from '../../content/categories.js';
import { buildDocument, tsvectorLiteral } from '../../search/documents.js';
import { parseQuery } from '../../search/query.js';
import { plainTexts, type SearchFilters, searchArticles } from '../../search/search.js';
import { dialectOf } from '../dialect.js';
import type { DbHandle } from '../index.js';
import { migrateToLatest } from '../migrate.js';
import { describeEachDatabase } from '../testing.js';

const NOW = Date.UTC(2026, 10, 25, 9);
const TZ = 'Europe/Sofia';

// Written for this test.
const STORIES = [
  {
    slug: 'most',
    title: 'Новият мост е готов',
    lead: 'Откриване в неделя.',
    body: 'Строителите завършиха платното.',
  },
  {
    slug: 'pazar',
    title: 'Пазарът в събота',
    lead: 'Цените на доматите.',
    body: 'Търговците очакват наплив.',
  },
];

/** A search document written the way migration 0004 stored it: one wide row. */
async function writeOldDoc(handle: DbHandle, id: number, story: (typeof STORIES)[number]) {
  const doc = buildDocument({ title: story.title, lead: story.lead, bodyHtml: `<p>${story.body}</p>` });
  const values = [
    sql`${id}`,
    sql`(select category_id from articles where id = ${id})`,
    sql`${NOW}`,
    sql`${doc.titleTerms.join(' ')}`,
    sql`${doc.leadTerms.join(' ')}`,
    sql`${doc.bodyTerms.join(' ')}`,
    sql`${doc.plain}`,
  ];
  if (dialectOf(handle.db) === 'postgres') {
    await sql`insert into search_docs (article_id, category_id, published_at, title_terms, lead_terms, body_terms, plain, tsv)
      values (${sql.join(values)}, ${tsvectorLiteral(doc)}::tsvector)`.execute(handle.db);
  } else {
    // The 0004 triggers fill FTS5 from the row.
    await sql`insert into search_docs (article_id, category_id, published_at, title_terms, lead_terms, body_terms, plain)
      values (${sql.join(values)})`.execute(handle.db);
  }
}

describeEachDatabase(
  'migration 0005 (search documents split in two)',
  (getDb) => {
    const ids: number[] = [];

    beforeAll(async () => {
      const handle = getDb();
      const category = await createCategory(handle.db, { slug: 'grad', name: 'Град', parentId: null }, NOW);
      for (const story of STORIES) {
        const id = await createArticle(
          handle.db,
          {
            categoryId: category,
            slug: story.slug,
            title: story.title,
            lead: story.lead,
            bodyHtml: `<p>${story.body}</p>`,
            status: 'published',
            publishedAt: NOW,
            authorIds: [],
            tagIds: [],
          },
          NOW,
          TZ,
        );
        ids.push(id);
        await writeOldDoc(handle, id, story);
      }
      await migrateToLatest(handle);
    });

    const find = (text: string, filters: SearchFilters = {}) =>
      searchArticles(getDb().db, {
        query: parseQuery(text),
        filters,
        sort: 'relevance',
        offset: 0,
        limit: 10,
      }).then((page) => page.hits.map((h) => h.articleId));

    it('keeps every indexed article findable by its title, lead and body', async () => {
      expect(await find('мостът')).toEqual([ids[0]]);
      expect(await find('доматите')).toEqual([ids[1]]);
      expect(await find('строители')).toEqual([ids[0]]);
      // PostgreSQL: no pair filter yet, so the phrase is checked on the tsvector itself.
      expect(await find('"новият мост"')).toEqual([ids[0]]);
      expect(await find('"мост новият"')).toEqual([]);
    });

    it('keeps them findable with a section and a date range (PostgreSQL: by their new facets)', async () => {
      const category = Number(
        (await getDb().db.selectFrom('categories').select('id').executeTakeFirstOrThrow()).id,
      );
      const day = { from: NOW - 3_600_000, to: NOW + 3_600_000 };
      expect(await find('мост', { categoryIds: [category], ...day })).toEqual([ids[0]]);
      expect(await find('мост', { categoryIds: [category + 1] })).toEqual([]);
      expect(await find('мост', { from: NOW + 3_600_000, to: NOW + 7_200_000 })).toEqual([]);
    });

    it('moves the plain text to search_texts', async () => {
      const plains = await plainTexts(getDb().db, ids);
      expect(plains.get(ids[1] ?? 0)).toBe('Цените на доматите.\nТърговците очакват наплив.');
    });

    it('drops an article from the index when the article is deleted', async () => {
      const db = getDb().db;
      await db
        .deleteFrom('articles')
        .where('id', '=', ids[1] ?? 0)
        .execute();
      expect(await find('търговци')).toEqual([]);
      const left = await db.selectFrom('search_texts').select('article_id').execute();
      expect(left.map((r) => r.article_id)).toEqual([ids[0]]);
    });
  },
  { lastMigration: '0004-search' },
);
