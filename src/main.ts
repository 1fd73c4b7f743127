// Process entry: config → services (database migrated) → demo content on an empty database →
// app → listen. SIGTERM/SIGINT stop accepting, finish requests and flush view counts.
import { fileURLToPath } from 'node:url';
import { buildApp, createServices } from './app.js';
import { loadDemoIfEmpty } from './demo/load.js';
import { ConfigError, loadConfig } from './infra/config.js';

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`vestnik: invalid configuration: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const services = await createServices(config, { publicDir });
  if (config.demoContent) {
    const loaded = await loadDemoIfEmpty(services);
    if (loaded) services.log.info(loaded, 'demo content loaded');
  }
  await services.start();
  const app = await buildApp(services, publicDir);
  await app.listen({ port: config.port, host: config.host });
  services.log.info(`Vestnik: ${config.siteUrl} (${config.database.kind})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    services.log.info({ signal }, 'shutting down');
    await app.close();
    await services.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('vestnik: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
