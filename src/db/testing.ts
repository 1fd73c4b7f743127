// Runs a suite once per database: SQLite always, PostgreSQL when VESTNIK_TEST_PG_URL names one.
// Each suite gets a fresh database (a temp SQLite file, or its own PostgreSQL schema).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DbHandle, openDatabase } from './index.js';
import { migrateUpTo } from './migrate.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh database migrated up to `lastMigration` (all when not given). */
  open(lastMigration?: string): Promise<{ handle: DbHandle; drop(): Promise<void> }>;
}

const pgUrl = process.env.VESTNIK_TEST_PG_URL;
let warned = false;

function warnNoPostgres(): void {
  if (warned) return;
  warned = true;
  console.warn(
    '\n!!! VESTNIK_TEST_PG_URL is not set: the PostgreSQL half of the storage tests is SKIPPED.\n' +
      '!!! Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run them; CI always does.\n',
  );
}

const sqliteDb: TestDatabase = {
  name: 'sqlite',
  async open(lastMigration) {
    const dir = mkdtempSync(join(tmpdir(), 'vestnik-test-'));
    const handle = openDatabase({ kind: 'sqlite', file: join(dir, 'test.db') });
    await migrateUpTo(handle, lastMigration);
    return {
      handle,
      async drop() {
        await handle.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export async function createPgSchema(url: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return schema;
}

export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

function postgresDb(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open(lastMigration) {
      const schema = await createPgSchema(url);
      const handle = openDatabase({ kind: 'postgres', url }, { schema, poolSize: 4 });
      await migrateUpTo(handle, lastMigration);
      return {
        handle,
        async drop() {
          await handle.destroy();
          await dropPgSchema(url, schema);
        },
      };
    },
  };
}

export function testDatabases(): TestDatabase[] {
  if (!pgUrl) warnNoPostgres();
  return pgUrl ? [sqliteDb, postgresDb(pgUrl)] : [sqliteDb];
}

/**
 * describe() once per database; `get()` returns the suite's fresh, migrated database (up to
 * `options.lastMigration` for upgrade tests).
 */
export function describeEachDatabase(
  title: string,
  body: (get: () => DbHandle) => void,
  options: { lastMigration?: string } = {},
): void {
  for (const database of testDatabases()) {
    describe(`${title} [${database.name}]`, () => {
      let opened: Awaited<ReturnType<TestDatabase['open']>> | undefined;
      beforeAll(async () => {
        opened = await database.open(options.lastMigration);
      });
      afterAll(async () => {
        await opened?.drop();
      });
      body(() => {
        if (!opened) throw new Error('database not opened yet');
        return opened.handle;
      });
    });
  }
  if (!pgUrl) describe.skip(`${title} [postgres: VESTNIK_TEST_PG_URL not set]`, () => {});
}
