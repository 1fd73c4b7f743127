// The staff side under /admin: for now the moderation desk (#3); #4 adds the newsroom.
import type { FastifyInstance } from 'fastify';
import type { SiteDeps } from '../site/deps.js';
import { deskRoutes } from './desk-routes.js';
import { logRoutes } from './log-routes.js';
import { readerRoutes } from './reader-routes.js';
import { settingsRoutes } from './settings-routes.js';

export function registerAdmin(app: FastifyInstance, deps: SiteDeps): void {
  deskRoutes(app, deps);
  logRoutes(app, deps);
  readerRoutes(app, deps);
  settingsRoutes(app, deps);
}
