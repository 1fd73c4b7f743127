// The reader account pages under /profil: signing up and in, passwords, the profile, own data.
import type { FastifyInstance } from 'fastify';
import type { SiteDeps } from '../deps.js';
import { accountDataRoutes } from './account-data.js';
import { accountLoginRoutes } from './account-login.js';
import { accountPasswordRoutes } from './account-password.js';
import { accountProfileRoutes } from './account-profile.js';
import { accountSignupRoutes } from './account-signup.js';

export function accountRoutes(app: FastifyInstance, deps: SiteDeps): void {
  accountSignupRoutes(app, deps);
  accountLoginRoutes(app, deps);
  accountPasswordRoutes(app, deps);
  accountProfileRoutes(app, deps);
  accountDataRoutes(app, deps);
}
