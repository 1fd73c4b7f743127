// What the reading-site routes need, handed in by the composition root.
import type { Accounts } from '../../accounts/accounts.js';
import type { SessionStore } from '../../accounts/sessions.js';
import type { CommentPoster } from '../../comments/posting.js';
import type { CommentSettingsStore } from '../../comments/settings.js';
import type { CategoryDirectory } from '../../content/categories.js';
import type { Db } from '../../db/index.js';
import type { CacheBus } from '../../infra/cache-bus.js';
import type { Clock } from '../../infra/clock.js';
import type { Config } from '../../infra/config.js';
import type { ContentEvents } from '../../infra/events.js';
import type { Logger } from '../../infra/log.js';
import type { Mailer } from '../../infra/mail.js';
import type { RateLimiter } from '../../infra/rate-limit.js';
import type { ApiKeys } from '../../integrations/api-keys.js';
import type { MediaLibrary } from '../../media/library.js';
import type { BannerStore } from '../../newsroom/banner.js';
import type { HomeCuration } from '../../newsroom/curation.js';
import type { ArticleEditing } from '../../newsroom/editing.js';
import type { Scheduler } from '../../newsroom/scheduler.js';
import type { NewsroomSettingsStore } from '../../newsroom/settings.js';
import type { VisitorHasher } from '../../privacy/visitor.js';
import type { RankingService } from '../../ranking/rankings.js';
import type { ViewCounter } from '../../ranking/views.js';
import type { FeedService } from '../../syndication/feed-service.js';
import type { SitemapEntries } from '../../syndication/sitemap-entries.js';
import type { WebhookService } from '../../webhooks/service.js';
import type { FormTokens } from '../form-tokens.js';
import type { PageCache } from '../page-cache.js';

export interface SiteDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Db;
  bus: CacheBus;
  /** Content changes for listeners in this process (webhooks). */
  events: ContentEvents;
  categories: CategoryDirectory;
  rankings: RankingService;
  views: ViewCounter;
  visitors: VisitorHasher;
  pageCache: PageCache;
  formTokens: FormTokens;
  commentSettings: CommentSettingsStore;
  /** The editors' home-page slots. */
  curation: HomeCuration;
  /** The banner above every reading page, held in memory. */
  banner: BannerStore;
  /** Slug style and other newsroom settings an admin edits at /admin/settings. */
  newsroomSettings: NewsroomSettingsStore;
  /** Creating and saving articles with their revisions. */
  articles: ArticleEditing;
  scheduler: Scheduler;
  /** Uploaded images and their responsive variants. */
  media: MediaLibrary;
  poster: CommentPoster;
  sessions: SessionStore;
  accounts: Accounts;
  mailer: Mailer;
  limiter: RateLimiter;
  /** What the sitemaps list, split into files of at most `urlLimit` URLs. */
  sitemaps: SitemapEntries;
  /** RSS, Atom and JSON Feed documents of the site, its sections, topics and authors. */
  feeds: FeedService;
  /** Content API keys and Admin API tokens. */
  apiKeys: ApiKeys;
  /** Webhook subscriptions: the listener that queues deliveries, the worker that sends them. */
  webhooks: WebhookService;
  assets: { css: string; js: string; adminCss: string; adminJs: string; editorJs: string };
}
