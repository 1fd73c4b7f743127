// `vestnik import …`: bringing content in from elsewhere. `import page FILE` turns one scraped page
// (plain text or saved HTML) into an article; see docs/imports.md.
import type { Command } from 'commander';
import { openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './infra/clock.js';
import type { Config } from './infra/config.js';
import { checkBaseUrl, ImportError, importPage } from './ingest/page-import.js';
import { NewsroomSettingsStore } from './newsroom/settings.js';

interface PageOptions {
  category?: string;
  publish?: boolean;
  author?: string;
  baseUrl?: string;
}

/** Adds `import` and its subcommands to the program; returns `import` for further subcommands. */
export function addImportCommands(program: Command, config: () => Config): Command {
  const importCommand = program.command('import').description('bring content in from other sources');
  importCommand
    .command('page')
    .description('import a scraped page (plain text or saved HTML) as an article; a second run finds it')
    .argument('<file>', 'the page: UTF-8 plain text, or HTML (.html, .htm or a file starting with a tag)')
    .option('--category <slug>', 'the category the article goes into (required)')
    .option('--publish', 'publish it at once (else it stays a draft)')
    .option('--author <email>', "the staff account it is created by (default: the site's first admin)")
    .option('--base-url <url>', "the page's original address, to resolve its relative links")
    .action(async (file: string, options: PageOptions) => {
      if (!options.category) {
        console.error('error: --category: required');
        process.exitCode = 2;
        return;
      }
      const cfg = config();
      const handle = openDatabase(cfg.database);
      try {
        if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl);
        await migrateToLatest(handle);
        const settings = await new NewsroomSettingsStore(handle.db).reload();
        const result = await importPage(
          { db: handle.db, timeZone: cfg.timeZone, locale: cfg.locale, slugStyle: settings.slugStyle },
          file,
          {
            categorySlug: options.category,
            publish: options.publish === true,
            authorEmail: options.author ?? null,
            baseUrl: options.baseUrl ?? null,
            siteOrigin: new URL(cfg.siteUrl).origin,
          },
          systemClock.now(),
        );
        const address =
          result.status === 'published'
            ? `${cfg.siteUrl}/${result.categorySlug}/${result.slug}`
            : `${cfg.siteUrl}/admin/articles/${result.articleId}`;
        console.log(
          [
            result.created ? 'imported' : 'already imported (nothing written)',
            `  title:      ${result.title}`,
            `  paragraphs: ${result.paragraphs}`,
            `  article:    #${result.articleId} (${result.status}) ${address}`,
          ].join('\n'),
        );
      } catch (err) {
        if (!(err instanceof ImportError)) throw err;
        console.error(`error: ${err.message}`);
        process.exitCode = 2;
      } finally {
        await handle.destroy();
      }
    });
  return importCommand;
}
