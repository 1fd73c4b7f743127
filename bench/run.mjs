// npm run bench: article and home page throughput, 10 s at 32 connections each, with the page
// cache on and off, against a raw node:http server sending the same bytes in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { load, startApp, startRaw, tempDir } from './harness.mjs';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = tempDir();
const fmt = (n) => Math.round(n).toLocaleString('en-US');

async function pageBytes(base, path) {
  const res = await fetch(base + path);
  const headers = {};
  for (const [k, v] of res.headers)
    if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k))
      headers[k] = v;
  return { url: path, headers, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
}

console.log(
  `Vestnik page benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`each run: ${duration} s, 32 connections, no pipelining\n`);

// First start loads the demo content; find an article with comments, as a reader would open.
let app = await startApp(dataDir, { PAGE_CACHE: 'on' });
const home = await (await fetch(`${app.base}/`)).text();
const articlePath = /<h2 class="card-title"><a href="([^"]+)"/.exec(home)?.[1];
if (!articlePath) throw new Error('no article link on the home page');
const pages = [await pageBytes(app.base, '/'), await pageBytes(app.base, articlePath)];
const pagesFile = join(dataDir, 'pages.json');
writeFileSync(pagesFile, JSON.stringify(pages));

const raw = await startRaw(pagesFile);
const results = {};
for (const [name, path] of [
  ['article', articlePath],
  ['home', '/'],
]) {
  results[`${name}.raw`] = await load(raw.base + path, { duration });
  results[`${name}.cached`] = await load(app.base + path, { duration });
}
await raw.stop();
await app.stop();

app = await startApp(dataDir, { PAGE_CACHE: 'off' });
for (const [name, path] of [
  ['article', articlePath],
  ['home', '/'],
]) {
  results[`${name}.uncached`] = await load(app.base + path, { duration });
}
await app.stop();

const rows = [];
for (const name of ['article', 'home']) {
  const r = results[`${name}.raw`];
  for (const variant of ['raw', 'cached', 'uncached']) {
    const x = results[`${name}.${variant}`];
    rows.push({ page: name, server: variant, rps: x.rps, p50: x.p50, p99: x.p99, ratio: x.rps / r.rps });
  }
}
console.log('| page | server | req/s | p50 ms | p99 ms | × raw |');
console.log('|---|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.page} | ${r.server} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.ratio.toFixed(3)} |`);

const targets = [
  ['article cached ≥ 0.7 × raw', results['article.cached'].rps / results['article.raw'].rps >= 0.7],
  ['home cached ≥ 0.7 × raw', results['home.cached'].rps / results['home.raw'].rps >= 0.7],
  ['article uncached ≥ 0.1 × raw', results['article.uncached'].rps / results['article.raw'].rps >= 0.1],
  ['home uncached ≥ 0.1 × raw', results['home.uncached'].rps / results['home.raw'].rps >= 0.1],
];
console.log('');
for (const [label, ok] of targets) console.log(`${ok ? 'MET ' : 'MISS'} ${label}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/pages.json',
  JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, rows }, null, 2),
);
