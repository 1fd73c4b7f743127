// Sitemaps at archive scale: 100,000 generated Bulgarian-like articles (bulgarian-text.mjs, filled
// the way the search benchmark fills them, plus bylines and covers) on SQLite and on PostgreSQL.
// Times the whole HTTP answer for the sitemap index, the first 50,000-URL article sitemap and the
// Google News sitemap: cold (page cache emptied before each request; median of several) and from
// the page cache after. Target: ≤ 200 ms cold. A miss is reported, never an error exit.
//   BENCH_SITEMAP_ARTICLES  corpus size (default 100000)   BENCH_SITEMAP_RUNS  cold runs (default 7)
//   VESTNIK_BENCH_PG_URL    PostgreSQL (default postgres://postgres@127.0.0.1:5432/test)
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { createCorpus } from './bulgarian-text.mjs';
import { tempDir } from './harness.mjs';
import { copyTables, fillSqlite } from './search-fill.mjs';
import { loadSourceLib, median, SITE_EXPORTS } from './source-lib.mjs';

const ARTICLES = Number(process.env.BENCH_SITEMAP_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_SITEMAP_RUNS ?? 7);
const PG_URL = process.env.VESTNIK_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SEED = 2026;
const TZ = 'Europe/Sofia';
const START = Date.UTC(2021, 0, 1);
const END = Date.UTC(2026, 0, 1);
const NOW = END + 86_400_000;
const AUTHORS = 120;
const TARGET_MS = 200;
const PATHS = ['/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/news.xml'];

const lib = await loadSourceLib('sitemaps', SITE_EXPORTS);

// The site needs the browser assets' manifest, not the assets: a copy of it keeps the run
// independent of a rebuild of dist/public happening meanwhile.
const publicDir = tempDir();
{
  const manifest = join('dist', 'public', 'assets', 'manifest.json');
  for (let i = 0; i < 60 && !existsSync(manifest); i++) await new Promise((r) => setTimeout(r, 1000));
  mkdirSync(join(publicDir, 'assets'));
  copyFileSync(manifest, join(publicDir, 'assets', 'manifest.json'));
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Bylines (one per article, round robin) and covers on every other article; not measured. */
async function addBylinesAndCovers(db) {
  await db
    .insertInto('authors')
    .values(
      Array.from({ length: AUTHORS }, (_, i) => ({
        id: i + 1,
        slug: `avtor-${i + 1}`,
        name: `Автор ${i + 1}`,
        title: '',
        bio: '',
        created_at: START,
      })),
    )
    .execute();
  for (let from = 1; from <= ARTICLES; from += 5000) {
    const rows = [];
    for (let id = from; id < Math.min(ARTICLES + 1, from + 5000); id++)
      rows.push({ article_id: id, author_id: 1 + (id % AUTHORS), position: 0 });
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('article_authors')
        .values(rows.slice(i, i + 1000))
        .execute();
  }
}

async function addCovers(db) {
  await sql`update articles set cover_url = '/media/c' || id || '/960.jpg' where id % 2 = 0`.execute(db);
}

/** One site over the handle: the real services and routes, listening on loopback. */
async function measureSite(handle, label) {
  const dataDir = tempDir();
  const config = lib.loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SITE_URL: 'https://vestnik.example',
    PASSWORD_COST: '10',
  });
  const services = await lib.createServices(config, {
    handle: { ...handle, destroy: async () => {} },
    clock: new lib.ManualClock(NOW),
    log: pino({ level: 'silent' }),
    publicDir,
  });
  const app = await lib.buildApp(services, publicDir);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  const timed = async (path, headers = {}) => {
    const t0 = performance.now();
    const res = await fetch(base + path, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return { ms: performance.now() - t0, bytes: body.byteLength };
  };
  const rows = [];
  try {
    for (const path of PATHS) {
      await timed(path); // warms the JIT and the database's caches; not counted
      const made = [];
      const cold = [];
      const coldGzip = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        // Made: the whole route in process (queries, XML, ETag, the cache copy), no socket, no
        // compression: the generation time the target is about.
        services.pageCache.clear();
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url: path });
        if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
        made.push(performance.now() - t0);
        // Cold over HTTP: fetch asks for gzip by itself, so this includes compressing the file
        // and the client inflating it.
        services.pageCache.clear();
        const r = await timed(path);
        cold.push(r.ms);
        bytes = r.bytes;
        services.pageCache.clear();
        coldGzip.push((await timed(path, { 'accept-encoding': 'gzip' })).ms);
      }
      const cached = [];
      for (let i = 0; i < RUNS; i++) cached.push((await timed(path)).ms);
      const urls = path === '/sitemap.xml' ? 'files' : 'URLs';
      const text = await (await fetch(base + path)).text();
      const count = (text.match(path === '/sitemap.xml' ? /<sitemap>/g : /<url>/g) ?? []).length;
      rows.push({
        path,
        count,
        urls,
        bytes,
        made: median(made),
        cold: median(cold),
        coldGzip: median(coldGzip),
        cached: median(cached),
      });
    }
  } finally {
    await app.close();
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n${label}`);
  console.log('| document | entries | size | made | cold over HTTP | cold, gzip | from cache |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.path} | ${fmt(r.count)} ${r.urls} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.made.toFixed(0)} ms | ${r.cold.toFixed(0)} ms | ${r.coldGzip.toFixed(0)} ms | ${r.cached.toFixed(1)} ms |`,
    );
  return rows;
}

console.log(
  `Vestnik sitemap benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`${fmt(ARTICLES)} articles, ${RUNS} cold runs each (median)`);
const corpus = createCorpus({ seed: SEED, count: ARTICLES, start: START, end: END });
const results = {};

const sqliteDir = tempDir();
const sqlite = lib.openDatabase({ kind: 'sqlite', file: join(sqliteDir, 'sitemaps.db') });
await lib.migrateToLatest(sqlite);
{
  const t0 = performance.now();
  await fillSqlite(sqlite.db, corpus, (ms) => lib.localParts(ms, TZ));
  await addBylinesAndCovers(sqlite.db);
  await addCovers(sqlite.db);
  console.log(`  [fill SQLite: ${((performance.now() - t0) / 1000).toFixed(1)} s]`);
}
results.sqlite = await measureSite(sqlite, 'SQLite');

const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
let reachable = true;
try {
  await probe.connect();
} catch (err) {
  reachable = false;
  console.log(
    `\n!!! PostgreSQL at ${PG_URL} is unreachable (${err.message}): the PostgreSQL half is SKIPPED.\n`,
  );
}
if (reachable) {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await probe.query(`create schema ${schema}`);
  process.once('SIGINT', () =>
    probe.query(`drop schema if exists ${schema} cascade`).finally(() => process.exit(130)),
  );
  const handle = lib.openDatabase({ kind: 'postgres', url: PG_URL }, { schema, poolSize: 4 });
  try {
    await lib.migrateToLatest(handle);
    const t0 = performance.now();
    await copyTables(sqlite.db, handle.db);
    await addBylinesAndCovers(handle.db);
    await addCovers(handle.db);
    // Autovacuum would analyze (and set the visibility map of) the fresh tables within a minute.
    await probe.query(`vacuum analyze ${schema}.articles, ${schema}.article_tags, ${schema}.article_authors`);
    console.log(`  [copy to PostgreSQL: ${((performance.now() - t0) / 1000).toFixed(1)} s]`);
    results.postgres = await measureSite(handle, 'PostgreSQL');
  } finally {
    await handle.destroy();
    await probe.query(`drop schema if exists ${schema} cascade`);
    await probe.end();
  }
}
await sqlite.destroy();
rmSync(sqliteDir, { recursive: true, force: true });
rmSync(publicDir, { recursive: true, force: true });

console.log('\n## Targets (made cold, in process)\n');
for (const [name, rows] of Object.entries(results))
  for (const r of rows)
    console.log(
      `${r.made <= TARGET_MS ? 'PASS' : 'FAIL'} ${name} ${r.path} ${r.made.toFixed(0)} ms (target ≤ ${TARGET_MS} ms)`,
    );
if (!results.postgres) console.log('SKIPPED postgres (unreachable)');
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/sitemaps.json',
  JSON.stringify(
    { at: new Date().toISOString(), articles: ARTICLES, runs: RUNS, cpus: cpus().length, results },
    null,
    2,
  ),
);
