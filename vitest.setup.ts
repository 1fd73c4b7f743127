// Builds the browser assets once before the tests: the app reads their manifest at start.
import { buildAssets } from './scripts/build-assets.mjs';

export default async function setup(): Promise<void> {
  await buildAssets('dist/public');
}
