// The staff side under /admin: the newsroom (articles, images, home page, users, sections,
// settings) and the comment desk. Every route names its permission (docs/roles.md).
import type { FastifyInstance } from 'fastify';
import type { SiteDeps } from '../site/deps.js';
import { apiKeysRoutes } from './api-keys-routes.js';
import { articleJsonRoutes } from './article-json-routes.js';
import { articlesListRoutes } from './articles-list-routes.js';
import { articlesRoutes } from './articles-routes.js';
import { categoriesRoutes } from './categories-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { deskRoutes } from './desk-routes.js';
import { homeRoutes } from './home-routes.js';
import { logRoutes } from './log-routes.js';
import { mediaRoutes } from './media-routes.js';
import { readerRoutes } from './reader-routes.js';
import { revisionsRoutes } from './revisions-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { setupRoutes } from './setup-routes.js';
import { siteSettingsRoutes } from './site-settings-routes.js';
import { tagsRoutes } from './tags-routes.js';
import { usersRoutes } from './users-routes.js';
import { webhooksLogRoutes } from './webhooks-log-routes.js';
import { webhooksRoutes } from './webhooks-routes.js';

export function registerAdmin(app: FastifyInstance, deps: SiteDeps): void {
  dashboardRoutes(app, deps);
  homeRoutes(app, deps);
  articlesListRoutes(app, deps);
  articlesRoutes(app, deps);
  articleJsonRoutes(app, deps);
  revisionsRoutes(app, deps);
  mediaRoutes(app, deps);
  deskRoutes(app, deps);
  logRoutes(app, deps);
  readerRoutes(app, deps);
  settingsRoutes(app, deps);
  usersRoutes(app, deps);
  categoriesRoutes(app, deps);
  tagsRoutes(app, deps);
  siteSettingsRoutes(app, deps);
  apiKeysRoutes(app, deps);
  webhooksRoutes(app, deps);
  webhooksLogRoutes(app, deps);
  setupRoutes(app, deps);
}
