// Builds a whole site for a test: services on the given database, the Fastify app, a temp
// data folder. Requests go through app.inject(), no network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { buildApp, createServices, type Services } from '../app.js';
import type { DbHandle } from '../db/index.js';
import { ManualClock } from '../infra/clock.js';
import { type Config, loadConfig } from '../infra/config.js';

export interface TestSite {
  services: Services;
  app: Awaited<ReturnType<typeof buildApp>>;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

export const PUBLIC_DIR = resolve('dist/public');

export async function createTestSite(
  handle: DbHandle,
  env: Record<string, string> = {},
  now = Date.UTC(2026, 10, 25, 10, 0),
): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vestnik-site-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SITE_URL: 'http://localhost:3000',
    ...env,
  });
  const clock = new ManualClock(now);
  // The handle belongs to the test's database suite; the site must not close it.
  const borrowed: DbHandle = { ...handle, destroy: async () => {} };
  const services = await createServices(config, {
    handle: borrowed,
    clock,
    log: pino({ level: 'silent' }),
    publicDir: PUBLIC_DIR,
  });
  const app = await buildApp(services, PUBLIC_DIR);
  await app.ready();
  return {
    services,
    app,
    clock,
    config,
    async close() {
      await app.close();
      await services.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
