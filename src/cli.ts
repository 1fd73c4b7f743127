// The `vestnik` command: start the site, migrate, (re)load the demo content.
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { createServices } from './app.js';
import { openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { loadDemo } from './demo/load.js';
import { ConfigError, loadConfig } from './infra/config.js';

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

function config() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`vestnik: invalid configuration: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
}

const program = new Command()
  .name('vestnik')
  .description('Vestnik — a news portal engine. Configuration comes from the environment (see README).')
  .exitOverride();

program
  .command('start')
  .description('run the site (the same as npm start)')
  .action(async () => {
    await import('./main.js');
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const handle = openDatabase(config().database);
    const applied = await migrateToLatest(handle);
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    await handle.destroy();
  });

program
  .command('demo')
  .description('load the demo content into an empty database')
  .option(
    '--reset',
    'delete ALL content (articles, comments, categories, authors, tags) and load the demo again',
  )
  .action(async (options: { reset?: boolean }) => {
    const services = await createServices({ ...config(), logLevel: 'warn' }, { publicDir });
    try {
      const result = await loadDemo(services, { reset: options.reset === true });
      if (result === null) {
        console.error('vestnik demo: the database already has content; use --reset to replace it');
        process.exitCode = 1;
      } else {
        console.log(
          `demo loaded: ${result.articles} articles, ${result.comments} comments, ${result.views} views`,
        );
      }
    } finally {
      await services.stop();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  throw err;
}
