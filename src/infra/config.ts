// Typed configuration from the environment. Every variable is validated here, once, at start;
// a bad value stops the process with a message that names the variable.

export type Locale = 'bg' | 'en';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  siteUrl: string;
  siteName: string;
  locale: Locale;
  timeZone: string;
  dataDir: string;
  pageCache: boolean;
  demoContent: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How often the Най-четени / Най-коментирани lists are recomputed. */
  rankingRefreshMs: number;
  /** How often buffered view counts are written to the database. */
  viewFlushMs: number;
  /** Comments one network address may post per minute. */
  commentsPerMinute: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `expected ${min}–${max}, got ${n}`);
  return n;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `expected on or off, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
}

export function parseDatabaseUrl(raw: string, name = 'DATABASE_URL'): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError(name, 'sqlite: needs a file path, e.g. sqlite:./data/vestnik.db');
    return { kind: 'sqlite', file };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      const url = new URL(raw);
      if (!url.hostname && !url.searchParams.get('host')) throw new Error('no host');
    } catch {
      throw new ConfigError(name, 'not a valid postgres:// URL');
    }
    return { kind: 'postgres', url: raw };
  }
  throw new ConfigError(name, 'expected sqlite:PATH or postgres://USER@HOST:PORT/DATABASE');
}

function siteUrl(env: Env, port: number): string {
  const raw = read(env, 'SITE_URL') ?? `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SITE_URL', `not a valid URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('SITE_URL', 'must start with http:// or https://');
  }
  if (url.search || url.hash) throw new ConfigError('SITE_URL', 'must not have a query or fragment');
  return url.href.replace(/\/$/, '');
}

function timeZone(env: Env): string {
  const tz = read(env, 'TIMEZONE') ?? 'Europe/Sofia';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new ConfigError('TIMEZONE', `unknown time zone "${tz}"`);
  }
  return tz;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const locale = oneOf(env, 'LOCALE', ['bg', 'en'] as const, 'bg');
  const siteName = read(env, 'SITE_NAME') ?? (locale === 'bg' ? 'Вестник' : 'Vestnik');
  if (siteName.length > 80) throw new ConfigError('SITE_NAME', 'at most 80 characters');
  return {
    port,
    host: read(env, 'HOST') ?? '0.0.0.0',
    database: parseDatabaseUrl(read(env, 'DATABASE_URL') ?? 'sqlite:./data/vestnik.db'),
    siteUrl: siteUrl(env, port),
    siteName,
    locale,
    timeZone: timeZone(env),
    dataDir: read(env, 'DATA_DIR') ?? './data',
    pageCache: boolean(env, 'PAGE_CACHE', true),
    demoContent: boolean(env, 'DEMO_CONTENT', true),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    rankingRefreshMs: integer(env, 'RANKING_REFRESH_MS', 30_000, 100, 3_600_000),
    viewFlushMs: integer(env, 'VIEW_FLUSH_MS', 5_000, 50, 600_000),
    commentsPerMinute: integer(env, 'COMMENTS_PER_MINUTE', 10, 1, 100_000),
  };
}
