// The `vestnik` command: start the site, migrate, (re)load the demo content, add users, import.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { Accounts } from './accounts/accounts.js';
import type { AccountField, AccountFieldError } from './accounts/new-user.js';
import { isRole, ROLES } from './accounts/roles.js';
import { SessionStore } from './accounts/sessions.js';
import { createServices } from './app.js';
import { addImportCommands } from './cli-import.js';
import { openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { SqlRateLimiter } from './db/rate-limits.js';
import { loadDemo } from './demo/load.js';
import { systemClock } from './infra/clock.js';
import { ConfigError, loadConfig } from './infra/config.js';
import { createLogger } from './infra/log.js';
import { createMailer } from './infra/mail.js';
import { reindexAll } from './search/reindex.js';

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

program
  .command('reindex')
  .description('rebuild the search index from the published articles, and related lists that are missing')
  .option(
    '--related',
    "recompute every article's related articles, not only missing ones (slow on a big archive)",
  )
  .action(async (options: { related?: boolean }) => {
    const handle = openDatabase(config().database);
    try {
      await migrateToLatest(handle);
      const started = performance.now();
      const result = await reindexAll(handle.db, {
        related: options.related === true ? 'all' : 'missing',
        onProgress: (n) => {
          if (n % 10_000 === 0) console.log(`  ${n} articles indexed…`);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `search index rebuilt: ${result.indexed} articles indexed, ${result.removed} stale entries removed` +
          `, ${result.related} related lists` +
          ` in ${seconds.toFixed(1)} s`,
      );
    } finally {
      await handle.destroy();
    }
  });

/** Bad input on the command line: say which option and why, and exit with 2. */
function badInput(option: string, message: string): never {
  console.error(`error: ${option}: ${message}`);
  process.exit(2);
}

const OPTION_OF: Record<AccountField, string> = {
  email: '--email',
  displayName: '--name',
  password: '--password',
};
const PROBLEM: Record<AccountFieldError, string> = {
  'email-required': 'required',
  'email-invalid': 'not a valid email address',
  'email-too-long': 'at most 254 characters',
  'email-taken': 'a user with this email already exists',
  'name-required': 'required',
  'name-too-short': 'at least 2 characters',
  'name-too-long': 'at most 60 characters',
  'password-too-short': 'at least 10 characters',
  'password-too-long': 'at most 128 characters',
  'password-too-common': 'too common, choose another',
  'password-like-email': 'too close to the email address or the name',
};

program
  .command('users')
  .description('manage reader and staff accounts')
  .command('add')
  .description('add a user with a verified email and a role; the password may come from VESTNIK_PASSWORD')
  .option('--email <email>', 'the sign-in address')
  .option('--name <name>', 'the display name')
  .option('--role <role>', `one of ${ROLES.join(', ')}`)
  .option(
    '--password <password>',
    'at least 10 characters (VESTNIK_PASSWORD keeps it out of the process list)',
  )
  .action(async (options: { email?: string; name?: string; role?: string; password?: string }) => {
    const { email, name, role } = options;
    if (!email) badInput('--email', 'required');
    if (!name) badInput('--name', 'required');
    if (!role || !isRole(role)) badInput('--role', `expected one of ${ROLES.join(', ')}`);
    const password = options.password ?? process.env.VESTNIK_PASSWORD;
    if (!password) badInput('--password', 'required (or set VESTNIK_PASSWORD)');
    const cfg = config();
    const handle = openDatabase(cfg.database);
    try {
      await migrateToLatest(handle);
      const log = createLogger({ logLevel: 'warn' });
      const accounts = new Accounts({
        db: handle.db,
        mailer: createMailer({
          smtpUrl: null,
          from: cfg.mailFrom,
          outboxDir: join(cfg.dataDir, 'outbox'),
          log,
        }),
        limiter: new SqlRateLimiter(handle.db),
        sessions: new SessionStore(handle.db),
        siteUrl: cfg.siteUrl,
        siteName: cfg.siteName,
        locale: cfg.locale,
        passwordCost: cfg.passwordCost,
        log,
      });
      const result = await accounts.addUser({ email, displayName: name, password, role }, systemClock.now());
      if (result.ok) {
        console.log(`user added: #${result.userId} ${email.trim().toLowerCase()} (${role})`);
        return;
      }
      for (const [field, error] of Object.entries(result.errors) as [AccountField, AccountFieldError][]) {
        console.error(`error: ${OPTION_OF[field]}: ${PROBLEM[error]}`);
      }
      process.exitCode = 2;
    } finally {
      await handle.destroy();
    }
  });

addImportCommands(program, config);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  throw err;
}
