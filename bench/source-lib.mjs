// The app is bundled whole into dist/main.js, but the benchmarks call its modules one by one:
// this bundles the exports they name from the TypeScript sources into dist/bench/<name>-lib.js
// and imports it.
import { join } from 'node:path';
import { build } from 'esbuild';

/** `exports`: lines such as "export { openDatabase } from './src/db/index.ts';". */
export async function loadSourceLib(name, exports) {
  const outfile = join('dist', 'bench', `${name}-lib.js`);
  await build({
    stdin: {
      contents: exports.join('\n'),
      resolveDir: process.cwd(),
      sourcefile: `bench-${name}-entry.ts`,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(join(process.cwd(), outfile));
}

/** What every benchmark that runs the whole site needs. */
export const SITE_EXPORTS = [
  "export { openDatabase } from './src/db/index.ts';",
  "export { migrateToLatest } from './src/db/migrate.ts';",
  "export { buildApp, createServices } from './src/app.ts';",
  "export { loadConfig } from './src/infra/config.ts';",
  "export { ManualClock } from './src/infra/clock.ts';",
  "export { localParts } from './src/text/dates.ts';",
];

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
