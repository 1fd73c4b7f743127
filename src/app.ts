// The composition root: builds every service from the configuration, then the Fastify app
// over them. main.ts, the CLI and the tests all come through here; there are no singletons.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { CommentSettingsStore } from './comments/settings.js';
import { CategoryDirectory } from './content/categories.js';
import { type DbHandle, openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { getOrCreateSecret } from './db/settings.js';
import { type CacheBus, LocalCacheBus } from './infra/cache-bus.js';
import { type Clock, systemClock } from './infra/clock.js';
import type { Config } from './infra/config.js';
import { createLogger, type Logger } from './infra/log.js';
import { VisitorHasher } from './privacy/visitor.js';
import { RankingService } from './ranking/rankings.js';
import { ViewCounter } from './ranking/views.js';
import { FormTokens } from './web/form-tokens.js';
import { PageCache } from './web/page-cache.js';
import type { SiteDeps } from './web/site/deps.js';
import { registerSite } from './web/site/register.js';
import { sendError } from './web/site/routes/errors.js';

export interface Services extends SiteDeps {
  handle: DbHandle;
  /** Starts timers: ranking refresh, view flushes, salt rotation. */
  start(): Promise<void>;
  /** Stops timers, flushes buffered counts, closes the database. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  clock?: Clock;
  log?: Logger;
  /** An already-open database (tests); otherwise the configured one is opened. */
  handle?: DbHandle;
  /** Folder with the built browser assets (dist/public). */
  publicDir: string;
  bus?: CacheBus;
}

function readAssetManifest(publicDir: string): { css: string; js: string } {
  const file = join(publicDir, 'assets', 'manifest.json');
  let manifest: { css?: string; js?: string };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
  } catch {
    throw new Error(`browser assets are not built (${file} missing): run npm run build`);
  }
  if (!manifest.css || !manifest.js) throw new Error(`${file} is incomplete: run npm run build`);
  return { css: `/assets/${manifest.css}`, js: `/assets/${manifest.js}` };
}

export async function createServices(config: Config, options: ServiceOptions): Promise<Services> {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const handle = options.handle ?? openDatabase(config.database);
  await migrateToLatest(handle);
  const db = handle.db;
  const bus = options.bus ?? new LocalCacheBus();
  const categories = new CategoryDirectory(db);
  await categories.load();
  const visitors = new VisitorHasher(db, config.timeZone);
  await visitors.refresh(clock.now());
  const views = new ViewCounter(db, visitors, log);
  const rankings = new RankingService(db, clock, bus, log, config.rankingRefreshMs, config.timeZone);
  const pageCache = new PageCache({
    enabled: config.pageCache,
    maxBytes: 128 * 1024 * 1024,
    ttlMs: 10 * 60_000,
    now: () => clock.now(),
  });
  const commentSettings = new CommentSettingsStore(db);
  await commentSettings.reload();
  const formTokens = new FormTokens(await getOrCreateSecret(db, 'form_token_secret'));
  const unsubscribe = bus.subscribe((event) => {
    if (event.type !== 'invalidate') return;
    pageCache.invalidate(event.tags);
    if (event.tags.includes('categories')) void categories.load();
    if (event.tags.includes('settings')) void commentSettings.reload();
  });
  const timers: NodeJS.Timeout[] = [];

  return {
    config,
    log,
    clock,
    db,
    handle,
    bus,
    categories,
    rankings,
    views,
    visitors,
    pageCache,
    formTokens,
    commentSettings,
    assets: readAssetManifest(options.publicDir),
    async start() {
      await rankings.start();
      timers.push(setInterval(() => void views.flush(), config.viewFlushMs));
      timers.push(
        setInterval(() => {
          views.sweep(clock.now());
          void visitors.refresh(clock.now());
        }, 60_000),
      );
      for (const t of timers) t.unref();
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      rankings.stop();
      await views.flush();
      unsubscribe();
      await bus.close();
      await handle.destroy();
    },
  };
}

export async function buildApp(services: Services, publicDir: string): Promise<FastifyInstance> {
  const { config, pageCache } = services;
  const app = Fastify({
    loggerInstance: services.log as FastifyBaseLogger,
    // Per-request log lines cost throughput; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    bodyLimit: 256 * 1024,
    // Malformed percent-encoding and the like get the site's 400 page, not a JSON error.
    frameworkErrors: (_error, request, reply) => {
      sendError(services, request, reply, 400);
    },
    // Cached pages are answered before routing, like a Varnish inside the process.
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!pageCache.serveRaw(req, res)) handler(req, res);
      }),
  });
  await app.register(helmet, {
    // The site loads nothing from other origins; #9 tightens this further with nonces.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Only behind TLS: on plain HTTP it would send every asset request to https.
        upgradeInsecureRequests: config.siteUrl.startsWith('https://') ? [] : null,
      },
    },
    // Browsers then send a real Origin on same-origin form posts (no-referrer makes it "null").
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: config.siteUrl.startsWith('https://'),
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(fastifyStatic, {
    root: resolve(publicDir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    preCompressed: true,
    wildcard: false,
  });
  await app.register(fastifyStatic, {
    root: resolve(config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    maxAge: '7d',
  });
  registerSite(app, services);
  return app;
}
