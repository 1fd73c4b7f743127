// Every group of API routes, registered in this order under /api/v1.
import type { FastifyInstance } from 'fastify';
import { adminArticleRoutes } from './admin-articles.js';
import { adminMediaRoutes } from './admin-media.js';
import { adminWorkflowRoutes } from './admin-workflow.js';
import type { ApiDeps } from './auth.js';
import { contentArticleRoutes } from './content-articles.js';
import { contentCategoryRoutes } from './content-categories.js';
import { contentPeopleRoutes } from './content-people.js';
import { contentSearchRoutes } from './content-search.js';

export const apiRouteModules: ((api: FastifyInstance, deps: ApiDeps) => void | Promise<void>)[] = [
  contentCategoryRoutes,
  contentArticleRoutes,
  contentPeopleRoutes,
  contentSearchRoutes,
  adminArticleRoutes,
  adminWorkflowRoutes,
  adminMediaRoutes,
];
