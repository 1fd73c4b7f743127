// Search and related articles. search_docs holds each published article's index terms (our own
// stems, space-separated) per field; SQLite indexes them with FTS5 (kept in step by triggers),
// PostgreSQL with a tsvector in the 'simple' configuration under a GIN index. Both see the same
// terms, so both find the same articles. article_related keeps the related list computed at publish.
import { type Kysely, sql } from 'kysely';
import type { DbCapabilities } from '../index.js';

type AnyDb = Kysely<unknown>;

export function search(caps: DbCapabilities) {
  const pg = caps.dialect === 'postgres';

  return {
    async up(db: AnyDb): Promise<void> {
      let table = db.schema
        .createTable('search_docs')
        .addColumn('article_id', 'integer', (c) =>
          c.primaryKey().references('articles.id').onDelete('cascade'),
        )
        .addColumn('category_id', 'integer', (c) => c.notNull())
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addColumn('title_terms', 'text', (c) => c.notNull())
        .addColumn('lead_terms', 'text', (c) => c.notNull())
        .addColumn('body_terms', 'text', (c) => c.notNull())
        // The lead and body as plain text: snippets are cut from it without parsing HTML per request.
        .addColumn('plain', 'text', (c) => c.notNull());
      if (pg) table = table.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
      await table.execute();
      await db.schema.createIndex('search_docs_published').on('search_docs').column('published_at').execute();

      if (pg) {
        // lz4 unpacks several times faster than the default pglz: every phrase check and every
        // write of a long article's tsvector goes through it.
        // (Only where the server was built with lz4; PostgreSQL lists it among the choices then.)
        const { rows } = await sql<{ lz4: boolean }>`select 'lz4' = any(enumvals) as lz4
          from pg_settings where name = 'default_toast_compression'`.execute(db);
        if (rows[0]?.lz4)
          for (const column of ['tsv', 'body_terms', 'plain'])
            await sql`alter table search_docs alter column ${sql.ref(column)} set compression lz4`.execute(
              db,
            );
        await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
      } else {
        // External content: the terms are stored once, in search_docs; the triggers keep FTS5 in step.
        await sql`create virtual table search_fts using fts5(
          title_terms, lead_terms, body_terms,
          content='search_docs', content_rowid='article_id',
          tokenize='unicode61 remove_diacritics 0'
        )`.execute(db);
        await sql`create trigger search_docs_ai after insert on search_docs begin
          insert into search_fts(rowid, title_terms, lead_terms, body_terms)
          values (new.article_id, new.title_terms, new.lead_terms, new.body_terms);
        end`.execute(db);
        await sql`create trigger search_docs_ad after delete on search_docs begin
          insert into search_fts(search_fts, rowid, title_terms, lead_terms, body_terms)
          values ('delete', old.article_id, old.title_terms, old.lead_terms, old.body_terms);
        end`.execute(db);
        await sql`create trigger search_docs_au after update on search_docs begin
          insert into search_fts(search_fts, rowid, title_terms, lead_terms, body_terms)
          values ('delete', old.article_id, old.title_terms, old.lead_terms, old.body_terms);
          insert into search_fts(rowid, title_terms, lead_terms, body_terms)
          values (new.article_id, new.title_terms, new.lead_terms, new.body_terms);
        end`.execute(db);
      }

      await db.schema
        .createTable('article_related')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_related_pk', ['article_id', 'related_id'])
        .execute();
      await db.schema
        .createIndex('article_related_related')
        .on('article_related')
        .column('related_id')
        .execute();
    },
  };
}
