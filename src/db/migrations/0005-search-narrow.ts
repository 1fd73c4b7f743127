// Splits the search document in two. search_docs keeps what every query reads — the filters, the
// title and lead terms the score looks at, and on PostgreSQL the tsvector — in rows of a few
// hundred bytes; search_texts holds the body terms and the plain text, read only for a page's
// snippets and for related articles. A common word matches tens of thousands of rows, and every
// one of them was a 3.4 KB row before (a page each on SQLite, a heap larger than PostgreSQL's
// default shared buffers). SQLite's FTS5 table stops mirroring a content table (it no longer can:
// its columns now live in two tables) and becomes contentless with deletes. PostgreSQL's tsvectors
// gain facet lexemes (src/search/facets.ts).
import { type Kysely, sql } from 'kysely';
import type { DbCapabilities } from '../index.js';

type AnyDb = Kysely<unknown>;

export function searchNarrow(caps: DbCapabilities) {
  const pg = caps.dialect === 'postgres';

  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema
        .createTable('search_texts')
        .addColumn('article_id', 'integer', (c) =>
          c.primaryKey().references('articles.id').onDelete('cascade'),
        )
        .addColumn('body_terms', 'text', (c) => c.notNull())
        .addColumn('plain', 'text', (c) => c.notNull())
        .execute();
      if (pg) {
        const { rows } = await sql<{ lz4: boolean }>`select 'lz4' = any(enumvals) as lz4
          from pg_settings where name = 'default_toast_compression'`.execute(db);
        if (rows[0]?.lz4)
          for (const column of ['body_terms', 'plain'])
            await sql`alter table search_texts alter column ${sql.ref(column)} set compression lz4`.execute(
              db,
            );
      } else {
        for (const trigger of ['search_docs_ai', 'search_docs_ad', 'search_docs_au'])
          await sql`drop trigger if exists ${sql.ref(trigger)}`.execute(db);
        await sql`drop table search_fts`.execute(db);
      }
      await sql`insert into search_texts (article_id, body_terms, plain)
        select article_id, body_terms, plain from search_docs`.execute(db);
      await db.schema.alterTable('search_docs').dropColumn('body_terms').execute();
      await db.schema.alterTable('search_docs').dropColumn('plain').execute();

      if (pg) {
        // Facet lexemes (src/search/facets.ts, as of this migration): id bucket of a thousand,
        // section, UTC month. Written here in SQL so that documents indexed before stay findable
        // by filtered searches without a reindex.
        // Bloom filter of adjacent term pairs (src/search/pair-bloom.ts); empty until reindexed,
        // and an empty filter means "check the phrase exactly".
        await sql`alter table search_docs add column pairs bytea`.execute(db);
        await sql`update search_docs set tsv = tsv || array_to_tsvector(array[
          '#r' || (article_id / 1000),
          '#c' || category_id,
          '#m' || to_char(to_timestamp(published_at / 1000.0) at time zone 'UTC', 'YYYYMM')
        ])`.execute(db);
        // Dropped columns stay on disk until the rows are rewritten; CLUSTER rewrites them, in id
        // order, which is the order the search's newest-first window reads them in.
        await sql`cluster search_docs using search_docs_pkey`.execute(db);
        return;
      }
      await sql`create virtual table search_fts using fts5(
        title_terms, lead_terms, body_terms,
        content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 0'
      )`.execute(db);
      await sql`insert into search_fts (rowid, title_terms, lead_terms, body_terms)
        select d.article_id, d.title_terms, d.lead_terms, t.body_terms
        from search_docs d join search_texts t on t.article_id = d.article_id`.execute(db);
      // Deleting an article cascades to search_docs; this takes its terms out of FTS5 with it.
      await sql`create trigger search_docs_ad after delete on search_docs begin
        delete from search_fts where rowid = old.article_id;
      end`.execute(db);
    },
  };
}
