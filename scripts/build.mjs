// Builds the server (dist/main.js, dist/cli.js) and the browser islands (dist/public/assets).
// esbuild bundles our sources and leaves npm packages external, so start-up stays fast.
import { build } from 'esbuild';
import { buildAssets } from './build-assets.mjs';
import { writePublisherLogo } from './publisher-logo.mjs';

const started = Date.now();
await build({
  entryPoints: ['src/main.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});
const assets = await buildAssets();
await writePublisherLogo(assets.dir);
if (!process.env.CI && process.stdout.isTTY) console.log(`built in ${Date.now() - started} ms`);
