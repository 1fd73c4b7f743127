// Keeps an article's search document in step with the article, inside the caller's transaction:
// every path that publishes, edits, unpublishes or deletes an article calls syncSearchDoc, so the
// index can never show what the site does not (and a failed save leaves the index as it was).
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import { buildDocument, type SearchDocument, tsvectorLiteral } from './documents.js';
import { facetLexemes } from './facets.js';
import { pairBloom } from './pair-bloom.js';
import { refreshRelated } from './related.js';

export interface DocRow {
  id: number;
  category_id: number;
  published_at: number;
  title: string;
  lead: string;
  body_html: string;
}

function narrowColumns(row: DocRow, doc: SearchDocument) {
  return {
    article_id: row.id,
    category_id: row.category_id,
    published_at: Number(row.published_at),
    title_terms: doc.titleTerms.join(' '),
    lead_terms: doc.leadTerms.join(' '),
  };
}

function textColumns(row: DocRow, doc: SearchDocument) {
  return { article_id: row.id, body_terms: doc.bodyTerms.join(' '), plain: doc.plain };
}

/** The search documents of published articles, built in the app (the CPU-heavy part of indexing). */
export function buildDocs(rows: DocRow[]): BuiltDoc[] {
  return rows.map((row) => ({
    row,
    doc: buildDocument({ title: row.title, lead: row.lead, bodyHtml: row.body_html }),
  }));
}

export interface BuiltDoc {
  row: DocRow;
  doc: SearchDocument;
}

/** Writes the documents of published articles (insert or replace), a few statements per call. */
export async function writeDocs(db: Db, rows: DocRow[]): Promise<void> {
  await writeBuiltDocs(db, buildDocs(rows));
}

/** Writes documents already built; callers wrap it in a transaction (both tables change together). */
export async function writeBuiltDocs(db: Db, docs: BuiltDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const texts = docs.map(({ row, doc }) => textColumns(row, doc));
  if (dialectOf(db) === 'postgres') {
    const values = docs.map(({ row, doc }) => {
      const c = narrowColumns(row, doc);
      const facets = facetLexemes({
        articleId: row.id,
        categoryId: row.category_id,
        publishedAt: c.published_at,
      });
      const pairs = pairBloom([doc.titleTerms, doc.leadTerms, doc.bodyTerms]);
      return sql`(${c.article_id}, ${c.category_id}, ${c.published_at}, ${c.title_terms}, ${c.lead_terms}, ${tsvectorLiteral(doc, facets)}::tsvector, ${pairs})`;
    });
    await sql`insert into search_docs (article_id, category_id, published_at, title_terms, lead_terms, tsv, pairs)
      values ${sql.join(values)}
      on conflict (article_id) do update set category_id = excluded.category_id, published_at = excluded.published_at,
        title_terms = excluded.title_terms, lead_terms = excluded.lead_terms, tsv = excluded.tsv,
        pairs = excluded.pairs`.execute(db);
    await db
      .insertInto('search_texts')
      .values(texts)
      .onConflict((oc) =>
        oc.column('article_id').doUpdateSet((eb) => ({
          body_terms: eb.ref('excluded.body_terms'),
          plain: eb.ref('excluded.plain'),
        })),
      )
      .execute();
    return;
  }
  // SQLite: the delete trigger takes old terms out of FTS5 (contentless: it cannot update in place).
  const ids = docs.map(({ row }) => row.id);
  await db.deleteFrom('search_docs').where('article_id', 'in', ids).execute();
  await db.deleteFrom('search_texts').where('article_id', 'in', ids).execute();
  const narrow = docs.map(({ row, doc }) => narrowColumns(row, doc));
  await db.insertInto('search_docs').values(narrow).execute();
  await db.insertInto('search_texts').values(texts).execute();
  const fts = narrow.map(
    (n, i) => sql`(${n.article_id}, ${n.title_terms}, ${n.lead_terms}, ${texts[i]?.body_terms ?? ''})`,
  );
  await sql`insert into search_fts (rowid, title_terms, lead_terms, body_terms) values ${sql.join(fts)}`.execute(
    db,
  );
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
    await trx.deleteFrom('search_texts').where('article_id', '=', articleId).execute();
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
