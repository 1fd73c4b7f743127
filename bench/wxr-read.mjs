// Times the WordPress export reader alone (no database): generates an export of N posts
// (bench/wxr-generate.mjs), then reads it with readWxr and checks it with validateWxr.
// `node bench/wxr-read.mjs [POSTS]`; prints posts per second and megabytes per second.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './harness.mjs';
import { loadSourceLib } from './source-lib.mjs';
import { generateWxr } from './wxr-generate.mjs';

const POSTS = Number(process.argv[2] ?? 20_000);
const { readWxr, validateWxr } = await loadSourceLib('wxr', [
  "export { readWxr } from './src/ingest/wxr-read.ts';",
  "export { validateWxr } from './src/ingest/wxr-validate.ts';",
]);

const dir = tempDir();
const file = join(dir, 'export.xml');
try {
  await generateWxr(file, POSTS);
  const mb = statSync(file).size / 1e6;
  const options = { timeZone: 'Europe/Sofia' };

  let t = performance.now();
  let posts = 0;
  for await (const e of readWxr(file, options)) if (e.kind === 'item' && e.item.postType === 'post') posts++;
  const readS = (performance.now() - t) / 1000;

  t = performance.now();
  const report = await validateWxr(file, options);
  const validateS = (performance.now() - t) / 1000;
  const counted = Object.values(report.posts).reduce((a, b) => a + b, 0);
  if (posts !== POSTS || counted !== POSTS)
    throw new Error(`read ${posts} and counted ${counted} of ${POSTS} posts`);

  console.log(`WXR of ${POSTS} posts, ${mb.toFixed(1)} MB`);
  console.log(
    `read:     ${readS.toFixed(2)} s, ${Math.round(POSTS / readS)} posts/s, ${(mb / readS).toFixed(1)} MB/s`,
  );
  console.log(`validate: ${validateS.toFixed(2)} s, ${Math.round(POSTS / validateS)} posts/s`);
  console.log(`heap after: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
