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
  /** Searches one address may run per minute (a search costs more than a cached page). */
  searchPerMinute: number;
  /** Comments one signed-in reader may post per minute. */
  commentsPerReaderPerMinute: number;
  /** smtp:// or smtps:// URL of the mail relay; null writes mail to DATA_DIR/outbox and the log. */
  smtpUrl: string | null;
  /** The From: of mail the site sends. */
  mailFrom: string;
  /** redis:// URL; when set, rate limits (and, from #8, more) live in Redis. */
  redisUrl: string | null;
  /** scrypt cost N as a power of two; OWASP's minimum is 2^17. Lower only in tests. */
  passwordCost: number;
  /** How often each process looks for scheduled articles that are due (they also get exact timers). */
  schedulerTickMs: number;
  /** Largest image upload accepted, in bytes. */
  mediaMaxBytes: number;
  /** Largest image accepted, in pixels (width × height), checked before decoding. */
  mediaMaxPixels: number;
  /** The site's @handle on X/Twitter, named in its cards (twitter:site); null when it has none. */
  twitterSite: string | null;
  /** Origins whose pages may call the Content API from the browser: none, a list, or '*'. */
  apiCorsOrigins: string[] | '*';
  /** Requests one API key may make per minute. */
  apiPerMinute: number;
  /** Webhook targets may be loopback or private-network addresses (off: refused, against SSRF). */
  webhooksAllowPrivate: boolean;
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

function serviceUrl(env: Env, name: string, protocols: string[]): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.map((p) => `${p}//`).join(' or ')} URL`);
  }
  return raw;
}

function mailFrom(env: Env, siteName: string, siteHost: string): string {
  const raw = read(env, 'MAIL_FROM');
  if (raw === undefined) return `"${siteName.replace(/["\\]/g, '')}" <no-reply@${siteHost}>`;
  if (raw.length > 200 || /[\r\n]/.test(raw) || !/@[^@\s>]+\.?[^@\s>]*>?$/.test(raw)) {
    throw new ConfigError('MAIL_FROM', 'expected an address such as "Вестник" <news@example.bg>');
  }
  return raw;
}

/** TWITTER_SITE: an @handle, 1–15 letters, digits or underscores; the @ may be left out. */
function twitterSite(env: Env): string | null {
  const raw = read(env, 'TWITTER_SITE');
  if (raw === undefined) return null;
  const handle = raw.replace(/^@/, '');
  if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) {
    throw new ConfigError('TWITTER_SITE', `expected an @handle such as @vestnik, got "${raw}"`);
  }
  return `@${handle}`;
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

/** API_CORS_ORIGINS: empty (no cross-origin calls), "*", or origins separated by commas. */
function corsOrigins(env: Env): string[] | '*' {
  const raw = read(env, 'API_CORS_ORIGINS');
  if (raw === undefined) return [];
  if (raw === '*') return '*';
  return raw.split(',').map((part) => {
    const origin = part.trim();
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError('API_CORS_ORIGINS', `not an origin: "${origin}"`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
      throw new ConfigError(
        'API_CORS_ORIGINS',
        `expected an origin such as https://app.example.bg, got "${origin}"`,
      );
    }
    return origin;
  });
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const locale = oneOf(env, 'LOCALE', ['bg', 'en'] as const, 'bg');
  const siteName = read(env, 'SITE_NAME') ?? (locale === 'bg' ? 'Вестник' : 'Vestnik');
  if (siteName.length > 80) throw new ConfigError('SITE_NAME', 'at most 80 characters');
  const site = siteUrl(env, port);
  return {
    port,
    host: read(env, 'HOST') ?? '0.0.0.0',
    database: parseDatabaseUrl(read(env, 'DATABASE_URL') ?? 'sqlite:./data/vestnik.db'),
    siteUrl: site,
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
    searchPerMinute: integer(env, 'SEARCH_PER_MINUTE', 120, 1, 1_000_000),
    commentsPerReaderPerMinute: integer(env, 'COMMENTS_PER_READER_PER_MINUTE', 5, 1, 100_000),
    smtpUrl: serviceUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env, siteName, new URL(site).hostname),
    redisUrl: serviceUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    passwordCost: integer(env, 'PASSWORD_COST', 17, 10, 20),
    schedulerTickMs: integer(env, 'SCHEDULER_TICK_MS', 15_000, 200, 3_600_000),
    mediaMaxBytes: integer(env, 'MEDIA_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    mediaMaxPixels: integer(env, 'MEDIA_MAX_PIXELS', 50_000_000, 10_000, 268_402_689),
    twitterSite: twitterSite(env),
    webhooksAllowPrivate: boolean(env, 'WEBHOOKS_ALLOW_PRIVATE', false),
    apiCorsOrigins: corsOrigins(env),
    apiPerMinute: integer(env, 'API_PER_MINUTE', 600, 1, 1_000_000),
  };
}
