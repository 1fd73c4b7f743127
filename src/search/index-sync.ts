// Keeps an article's search document in step with the article, inside the caller's transaction:
// every path that publishes, edits, unpublishes or deletes an article calls syncSearchDoc, so the
// index can never show what the site does not (and a failed save leaves the index as it was).
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import { buildDocument, type SearchDocument, tsvectorLiteral } from './documents.js';
import { refreshRelated } from './related.js';

export interface DocRow {
  id: number;
  category_id: number;
  published_at: number;
  title: string;
  lead: string;
  body_html: string;
}

function columns(row: DocRow, doc: SearchDocument) {
  return {
    article_id: row.id,
    category_id: row.category_id,
    published_at: Number(row.published_at),
    title_terms: doc.titleTerms.join(' '),
    lead_terms: doc.leadTerms.join(' '),
    body_terms: doc.bodyTerms.join(' '),
    plain: doc.plain,
  };
}

/** Writes the documents of published articles (insert or replace), in one statement per call. */
export async function writeDocs(db: Db, rows: DocRow[]): Promise<void> {
  if (rows.length === 0) return;
  const docs = rows.map((row) => ({
    row,
    doc: buildDocument({ title: row.title, lead: row.lead, bodyHtml: row.body_html }),
  }));
  if (dialectOf(db) === 'postgres') {
    const values = docs.map(({ row, doc }) => {
      const c = columns(row, doc);
      return sql`(${c.article_id}, ${c.category_id}, ${c.published_at}, ${c.title_terms}, ${c.lead_terms}, ${c.body_terms}, ${c.plain}, ${tsvectorLiteral(doc)}::tsvector)`;
    });
    await sql`insert into search_docs (article_id, category_id, published_at, title_terms, lead_terms, body_terms, plain, tsv)
      values ${sql.join(values)}
      on conflict (article_id) do update set category_id = excluded.category_id, published_at = excluded.published_at,
        title_terms = excluded.title_terms, lead_terms = excluded.lead_terms, body_terms = excluded.body_terms,
        plain = excluded.plain, tsv = excluded.tsv`.execute(db);
    return;
  }
  // SQLite: the update trigger re-indexes FTS5 only for rows that exist; delete-then-insert is simplest.
  await db
    .deleteFrom('search_docs')
    .where(
      'article_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  await db
    .insertInto('search_docs')
    .values(docs.map(({ row, doc }) => columns(row, doc)))
    .execute();
}

/** Brings one article's search document (and related list) in line with the article as stored in `trx`. */
export async function syncSearchDoc(trx: Db, articleId: number): Promise<void> {
  const row = await trx
    .selectFrom('articles')
    .select(['id', 'category_id', 'published_at', 'title', 'lead', 'body_html', 'status'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (row?.status !== 'published' || row.published_at === null) {
    await trx.deleteFrom('search_docs').where('article_id', '=', articleId).execute();
    await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
    return;
  }
  await writeDocs(trx, [{ ...row, published_at: Number(row.published_at) }]);
  await refreshRelated(trx, articleId);
}

/** Indexes several published articles at once, then computes their related lists over all of them. */
export async function indexArticles(trx: Db, articleIds: number[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500) {
    const rows = await trx
      .selectFrom('articles')
      .select(['id', 'category_id', 'published_at', 'title', 'lead', 'body_html'])
      .where('id', 'in', articleIds.slice(i, i + 500))
      .where('status', '=', 'published')
      .where('published_at', 'is not', null)
      .execute();
    await writeDocs(
      trx,
      rows.map((r) => ({ ...r, published_at: Number(r.published_at) })),
    );
  }
  for (const id of articleIds) await refreshRelated(trx, id);
}
