// Builds the server and the browser assets once before the tests: the app reads the asset
// manifest at start, and the CLI tests run dist/cli.js.
export default async function setup(): Promise<void> {
  await import('./scripts/build.mjs');
}
