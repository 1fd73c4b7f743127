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
import { Accounts } from './accounts/accounts.js';
import { SessionStore } from './accounts/sessions.js';
import { CommentPoster } from './comments/posting.js';
import { CommentSettingsStore } from './comments/settings.js';
import { CategoryDirectory } from './content/categories.js';
import { type DbHandle, openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { SqlRateLimiter } from './db/rate-limits.js';
import { getOrCreateSecret } from './db/settings.js';
import { type CacheBus, LocalCacheBus } from './infra/cache-bus.js';
import { type Clock, systemClock } from './infra/clock.js';
import type { Config } from './infra/config.js';
import { ContentEvents } from './infra/events.js';
import { createLogger, type Logger } from './infra/log.js';
import { createMailer, type Mailer } from './infra/mail.js';
import type { RateLimiter } from './infra/rate-limit.js';
import { RedisRateLimiter } from './infra/redis-rate-limit.js';
import { ApiKeys } from './integrations/api-keys.js';
import { MediaLibrary } from './media/library.js';
import { LocalMediaStorage } from './media/storage.js';
import { BannerStore } from './newsroom/banner.js';
import { HomeCuration } from './newsroom/curation.js';
import { ArticleEditing } from './newsroom/editing.js';
import { BANNER_TAG, ExpiryWatch } from './newsroom/expiry.js';
import { Scheduler } from './newsroom/scheduler.js';
import { NewsroomSettingsStore } from './newsroom/settings.js';
import { VisitorHasher } from './privacy/visitor.js';
import { RankingService } from './ranking/rankings.js';
import { ViewCounter } from './ranking/views.js';
import { FeedService } from './syndication/feed-service.js';
import { SitemapEntries } from './syndication/sitemap-entries.js';
import { registerAdmin } from './web/admin/register.js';
import { registerApi } from './web/api/register.js';
import { FormTokens } from './web/form-tokens.js';
import { PageCache } from './web/page-cache.js';
import { hasSessionCookie, registerSessions } from './web/session.js';
import type { SiteDeps } from './web/site/deps.js';
import { PUBLISHER_LOGO } from './web/site/publisher-logo.js';
import { registerSite } from './web/site/register.js';
import { sendError } from './web/site/routes/errors.js';
import { WebhookService } from './webhooks/service.js';

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface Services extends SiteDeps {
  handle: DbHandle;
  /** Announces curated slots and the banner ending; start() runs it every 15 s. */
  expiry: ExpiryWatch;
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
  mailer?: Mailer;
}

function readAssetManifest(publicDir: string): SiteDeps['assets'] {
  const file = join(publicDir, 'assets', 'manifest.json');
  let manifest: { css?: string; js?: string; adminCss?: string; adminJs?: string; editorJs?: string };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
  } catch {
    throw new Error(`browser assets are not built (${file} missing): run npm run build`);
  }
  if (!manifest.css || !manifest.js || !manifest.adminCss || !manifest.adminJs || !manifest.editorJs)
    throw new Error(`${file} is incomplete: run npm run build`);
  return {
    css: `/assets/${manifest.css}`,
    js: `/assets/${manifest.js}`,
    adminCss: `/assets/${manifest.adminCss}`,
    adminJs: `/assets/${manifest.adminJs}`,
    editorJs: `/assets/${manifest.editorJs}`,
  };
}

/** Rate limits live in Redis when it is configured (shared by every process), else in the database. */
function createLimiter(config: Config, handle: DbHandle): RateLimiter {
  if (!config.redisUrl) return new SqlRateLimiter(handle.db);
  return RedisRateLimiter.connect(config.redisUrl, 'vestnik:rl:');
}

export async function createServices(config: Config, options: ServiceOptions): Promise<Services> {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const handle = options.handle ?? openDatabase(config.database);
  await migrateToLatest(handle);
  const db = handle.db;
  const bus = options.bus ?? new LocalCacheBus();
  const events = new ContentEvents((err, event) =>
    log.error({ err, event }, 'content event listener failed'),
  );
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
  const media = new MediaLibrary(db, new LocalMediaStorage(resolve(config.dataDir, 'media')), {
    maxBytes: config.mediaMaxBytes,
    maxPixels: config.mediaMaxPixels,
  });
  const curation = new HomeCuration(db, handle.caps.dialect);
  const banner = new BannerStore(db);
  await banner.reload();
  const expiry = new ExpiryWatch(curation, banner, bus, clock.now());
  const newsroomSettings = new NewsroomSettingsStore(db);
  await newsroomSettings.reload();
  const articles = new ArticleEditing({
    db,
    media,
    settings: () => newsroomSettings.get(),
    timeZone: config.timeZone,
    locale: config.locale,
  });
  // Published on time by the process, never by page visits; every process runs one safely.
  const scheduler = new Scheduler({
    db,
    clock,
    log,
    timeZone: config.timeZone,
    tickMs: config.schedulerTickMs,
    onPublished: (ids) => {
      bus.publish({ type: 'invalidate', tags: ['lists', 'home', ...ids.map((id) => `article:${id}`)] });
      bus.publish({ type: 'rankings-stale', reason: 'publish' });
      for (const articleId of ids) events.emit({ type: 'article.published', articleId });
    },
  });
  const formTokens = new FormTokens(await getOrCreateSecret(db, 'form_token_secret'));
  const limiter = createLimiter(config, handle);
  const mailer =
    options.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: join(config.dataDir, 'outbox'),
      log,
    });
  const sessions = new SessionStore(db);
  const accounts = new Accounts({
    db,
    mailer,
    limiter,
    sessions,
    siteUrl: config.siteUrl,
    siteName: config.siteName,
    locale: config.locale,
    passwordCost: config.passwordCost,
    log,
  });
  if (config.passwordCost < 17)
    log.warn({ cost: config.passwordCost }, 'PASSWORD_COST is below OWASP’s minimum (17)');
  const poster = new CommentPoster({
    db,
    limiter,
    settings: () => commentSettings.get(),
    categories: () => categories.all,
    limits: {
      perReaderPerMinute: config.commentsPerReaderPerMinute,
      perIpPerMinute: config.commentsPerMinute,
    },
  });
  const unsubscribe = bus.subscribe((event) => {
    if (event.type !== 'invalidate') return;
    pageCache.invalidate(event.tags);
    if (event.tags.includes('categories')) void categories.load();
    if (event.tags.includes('settings')) void commentSettings.reload();
    // Every reading page shows the banner: drop them all now, and again once this process has
    // re-read it (a request in between could have stored a page with the old one).
    if (event.tags.includes(BANNER_TAG)) {
      pageCache.clear();
      banner
        .reload()
        .then(() => pageCache.clear())
        .catch((err: unknown) => log.error({ err }, 'banner not reloaded'));
    }
    if (event.tags.includes('settings')) void newsroomSettings.reload();
  });
  // Content events become queued deliveries; the worker started below sends them.
  const webhooks = new WebhookService({
    db,
    clock,
    log,
    siteUrl: config.siteUrl,
    allowPrivate: config.webhooksAllowPrivate,
  });
  const stopWebhookListener = webhooks.listen(events);
  const timers: NodeJS.Timeout[] = [];

  return {
    config,
    log,
    clock,
    db,
    handle,
    bus,
    events,
    categories,
    rankings,
    views,
    visitors,
    pageCache,
    formTokens,
    commentSettings,
    media,
    curation,
    banner,
    expiry,
    newsroomSettings,
    articles,
    scheduler,
    poster,
    sessions,
    accounts,
    mailer,
    limiter,
    sitemaps: new SitemapEntries(db),
    feeds: new FeedService({
      db,
      siteUrl: config.siteUrl,
      siteName: config.siteName,
      language: config.locale,
      iconUrl: `${config.siteUrl}/assets/favicon.svg`,
      logoUrl: `${config.siteUrl}${PUBLISHER_LOGO.path}`,
      content: () => newsroomSettings.get().feedContent,
      fileSize: (key, name) => media.fileSize(key, name),
    }),
    webhooks,
    apiKeys: new ApiKeys(db),
    assets: readAssetManifest(options.publicDir),
    async start() {
      await rankings.start();
      await scheduler.start();
      webhooks.start();
      timers.push(setInterval(() => void views.flush(), config.viewFlushMs));
      timers.push(
        setInterval(() => {
          expiry.check(clock.now()).catch((err: unknown) => log.error({ err }, 'expiry check failed'));
        }, 15_000),
      );
      timers.push(
        setInterval(() => {
          views.sweep(clock.now());
          void visitors.refresh(clock.now());
          void limiter.sweep(clock.now());
          void sessions.sweep(clock.now());
        }, 60_000),
      );
      for (const t of timers) t.unref();
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      rankings.stop();
      scheduler.stop();
      stopWebhookListener();
      await webhooks.stop();
      await views.flush();
      unsubscribe();
      await limiter.close();
      await mailer.close();
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
        if (hasSessionCookie(req.headers.cookie) || !pageCache.serveRaw(req, res)) handler(req, res);
      }),
  });
  // Every route as registered: the role-matrix test walks the staff ones with every role.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
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
        // Embeds load the provider's frame only after a reader clicks; these are the only frames.
        frameSrc: ["'self'", 'https://www.youtube-nocookie.com', 'https://platform.twitter.com'],
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
  await registerSessions(app, {
    sessions: services.sessions,
    clock: services.clock,
    secure: config.siteUrl.startsWith('https://'),
  });
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
  // Before the site's routes: the OpenAPI generator sees only routes registered after it.
  await registerApi(app, services);
  registerSite(app, services);
  registerAdmin(app, services);
  return app;
}
