// Runs the migrations in order. Kysely records them, refuses out-of-order names and, on
// PostgreSQL, holds an advisory lock so several processes starting together migrate once.
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DbHandle } from './index.js';
import { initial } from './migrations/0001-initial.js';
import { commentsCommunity } from './migrations/0002-comments-community.js';
import { newsroom } from './migrations/0003-newsroom.js';
import { search } from './migrations/0004-search.js';
import { searchNarrow } from './migrations/0005-search-narrow.js';
import { apiKeys } from './migrations/0006-api-keys.js';
import { webhooks } from './migrations/0007-webhooks.js';
import { redirects } from './migrations/0008-redirects.js';
import { sitemapIndex } from './migrations/0009-sitemap-index.js';
import { pageImports } from './migrations/0010-page-imports.js';

export function migrations(handle: DbHandle): Record<string, Migration> {
  return {
    '0001-initial': initial(handle.caps),
    '0002-comments-community': commentsCommunity(handle.caps),
    '0003-newsroom': newsroom(handle.caps),
    '0004-search': search(handle.caps),
    '0005-search-narrow': searchNarrow(handle.caps),
    '0006-api-keys': apiKeys(handle.caps),
    '0007-webhooks': webhooks(handle.caps),
    '0008-redirects': redirects(handle.caps),
    '0009-sitemap-index': sitemapIndex(handle.caps),
    '0010-page-imports': pageImports(handle.caps),
  };
}

export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  return migrateUpTo(handle);
}

/** Migrates up to and including `last` (all when not given): upgrade tests start from an old schema. */
export async function migrateUpTo(handle: DbHandle, last?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(handle) };
  // Kysely looks for its bookkeeping tables in any schema unless told which: with several
  // schemas in one database (the tests' per-suite schemas) it must be told.
  const migrator = new Migrator({
    db: handle.db,
    provider,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await (last ? migrator.migrateTo(last) : migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
