// Opens the database named by the configuration. Dialect differences are described here as
// capability flags; the rest of the code asks the flags instead of testing the dialect name.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../infra/config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DbCapabilities {
  dialect: 'sqlite' | 'postgres';
  /** DDL can run inside a transaction (PostgreSQL yes; SQLite yes too, but Kysely's migrator differs). */
  transactionalDdl: boolean;
  /** Writers serialise on one file: batch writes into few transactions. */
  singleWriter: boolean;
}

export interface DbHandle {
  db: Db;
  caps: DbCapabilities;
  /** The PostgreSQL schema the handle works in, when not the default. */
  schema?: string;
  destroy(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each suite its own). */
  schema?: string;
  poolSize?: number;
}

function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache at most (the default is 2 MB): search reads many rows of a big archive.
  sqlite.pragma('cache_size = -65536');
  // Statistics where they are missing or stale, so the planner picks key lookups over long scans.
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    caps: { dialect: 'sqlite', transactionalDdl: true, singleWriter: true },
    destroy: () => db.destroy(),
  };
}

// Kysely prepares every query anew; preparing costs more than running a small query, and the
// site runs the same few dozen statements all day. A statement that is mid-iteration is busy,
// so a fresh one is prepared for that call.
function withStatementCache(sqlite: SQLite.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      const known = cache.get(query);
      if (known && !known.busy) return known;
      const statement = sqlite.prepare(query);
      if (!known) {
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
        cache.set(query, statement);
      }
      return statement;
    },
  };
}

// int8 (bigint) and numeric come back as strings by default; our values fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function openPostgres(url: string, options: OpenOptions): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    caps: { dialect: 'postgres', transactionalDdl: true, singleWriter: false },
    ...(options.schema ? { schema: options.schema } : {}),
    destroy: () => db.destroy(),
  };
}

export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): DbHandle {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, options);
}
