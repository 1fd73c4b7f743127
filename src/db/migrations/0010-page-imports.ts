// Imported scraped pages, remembered by a hash of their extracted content, so importing the same
// page again finds the article it made instead of making a second one.
import { type Kysely, sql } from 'kysely';
import type { DbCapabilities } from '../index.js';

type AnyDb = Kysely<unknown>;

export function pageImports(_caps: DbCapabilities) {
  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema
        .createTable('page_imports')
        // sha256 (hex) of the title and paragraphs with whitespace collapsed.
        .addColumn('content_hash', 'text', (c) => c.primaryKey())
        // Deleting the article forgets the import: the page may then be imported anew.
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('source_name', 'text', (c) => c.notNull().defaultTo(sql`''`))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('page_imports_article').on('page_imports').column('article_id').execute();
    },
    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('page_imports').execute();
    },
  };
}
