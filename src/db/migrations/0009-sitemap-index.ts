// A narrow index for the sitemaps. An article sitemap reads 50,000 articles by id range, and the
// sitemap index groups every public article by range; read from the table, each of those rows
// drags its body along (a page each on SQLite, a wide heap tuple on PostgreSQL), which made one
// file cost most of a second at 100,000 articles. This index holds just what the sitemaps read,
// so both are answered from it alone (an index-only scan on PostgreSQL once vacuum has run).
import { type Kysely, sql } from 'kysely';
import type { DbCapabilities } from '../index.js';

type AnyDb = Kysely<unknown>;

const KEY = ['status', 'id'];
const CARRIED = ['published_at', 'updated_at', 'category_id', 'cover_media_id', 'slug', 'cover_url'];

export function sitemapIndex(caps: DbCapabilities) {
  return {
    async up(db: AnyDb): Promise<void> {
      if (caps.dialect === 'postgres') {
        // INCLUDE keeps the carried columns out of the key: smaller inner pages, same coverage.
        await sql`create index articles_sitemap on articles (${sql.join(KEY.map((c) => sql.ref(c)))})
          include (${sql.join(CARRIED.map((c) => sql.ref(c)))})`.execute(db);
      } else {
        await db.schema
          .createIndex('articles_sitemap')
          .on('articles')
          .columns([...KEY, ...CARRIED])
          .execute();
      }
    },
    async down(db: AnyDb): Promise<void> {
      await db.schema.dropIndex('articles_sitemap').execute();
    },
  };
}
