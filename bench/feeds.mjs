// Feeds at archive scale (#6): 100,000 generated Bulgarian-like articles (bulgarian-text.mjs, filled
// the way bench/search.mjs does) on SQLite and on PostgreSQL, with bylines. For the site's RSS feed,
// the biggest section's and the busiest topic's: the time to make the document cold (query, covers,
// rendering; median of several runs) and the time to answer it over HTTP from the page cache
// afterwards. Target: ≤ 200 ms each. A miss is reported, never an error exit.
//   BENCH_ARTICLES         corpus size (default 100000)   BENCH_FEED_RUNS  runs per case (default 9)
//   VESTNIK_BENCH_PG_URL   PostgreSQL (default postgres://postgres@127.0.0.1:5432/test)
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { createCorpus } from './bulgarian-text.mjs';
import { tempDir } from './harness.mjs';
import { copyTables, fillSqlite } from './search-fill.mjs';
import { loadSourceLib, median, SITE_EXPORTS } from './source-lib.mjs';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_FEED_RUNS ?? 9);
const PG_URL = process.env.VESTNIK_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SEED = 2026;
const TZ = 'Europe/Sofia';
const START = Date.UTC(2021, 0, 1);
const END = Date.UTC(2026, 0, 1);
const NOW = END + 86_400_000;
const AUTHORS = 120;
const TARGET_MS = 200;

const lib = await loadSourceLib('feeds', [
  ...SITE_EXPORTS,
  "export { withDescendants } from './src/content/categories.ts';",
]);

// A copy of the built assets: a build running meanwhile must not pull them away mid-run.
const publicDir = join(tempDir(), 'public');
cpSync('dist/public', publicDir, { recursive: true });

const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Bylines the search corpus lacks: one or two authors an article, in one statement. */
async function addAuthors(db) {
  const rows = Array.from({ length: AUTHORS }, (_, i) => ({
    id: i + 1,
    slug: `avtor-${i + 1}`,
    name: `Автор Номер ${i + 1}`,
    title: '',
    bio: '',
    created_at: START,
  }));
  await db.insertInto('authors').values(rows).execute();
  await sql`insert into article_authors (article_id, author_id, position)
    select id, (id % ${sql.lit(AUTHORS)}) + 1, 0 from articles`.execute(db);
  await sql`insert into article_authors (article_id, author_id, position)
    select id, ((id + 7) % ${sql.lit(AUTHORS)}) + 1, 1 from articles where id % 3 = 0`.execute(db);
}

/** The biggest section and the busiest topic: the heaviest feeds but the site's own. */
async function heaviest(db) {
  const section = await db
    .selectFrom('articles as a')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .where('a.status', '=', 'published')
    .groupBy(['c.id', 'c.slug'])
    .select((eb) => ['c.slug', eb.fn.countAll().as('n')])
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const tag = await db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .groupBy(['t.id', 't.slug', 't.name'])
    .select((eb) => ['t.id', 't.slug', 't.name', eb.fn.countAll().as('n')])
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  return [
    { name: 'site RSS', url: '/feed/rss', scope: () => ({ kind: 'site' }) },
    {
      name: `section RSS (${fmt(Number(section.n))} articles)`,
      url: `/feed/rss/rubrika/${section.slug}`,
      scope: (categories) => {
        const category = categories.bySlug(section.slug);
        return { kind: 'category', category, categoryIds: lib.withDescendants(categories.all, category.id) };
      },
    },
    {
      name: `topic RSS (${fmt(Number(tag.n))} articles)`,
      url: `/feed/rss/tema/${tag.slug}`,
      scope: () => ({ kind: 'tag', tag: { id: tag.id, slug: tag.slug, name: tag.name, kind: 'topic' } }),
    },
  ];
}

async function measure(handle, label) {
  const dataDir = tempDir();
  const config = lib.loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' });
  const services = await lib.createServices(config, {
    handle: { ...handle, destroy: async () => {} },
    clock: new lib.ManualClock(NOW),
    log: pino({ level: 'silent' }),
    publicDir,
  });
  const app = await lib.buildApp(services, publicDir);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const rows = [];
  try {
    for (const c of await heaviest(handle.db)) {
      const fetchOnce = async () => {
        const t0 = performance.now();
        const res = await fetch(base + c.url);
        const body = await res.text();
        if (res.status !== 200 || !body.includes('<rss')) throw new Error(`${c.url}: ${res.status}`);
        return performance.now() - t0;
      };
      // The document alone, as the route asks for it: the queries, the covers, the rendering.
      const generateOnce = async () => {
        const t0 = performance.now();
        const doc = await services.feeds.build({
          format: 'rss',
          scope: c.scope(services.categories),
          title: 'Вестник',
          description: 'Новини',
          homeUrl: base,
          feedUrls: { rss: base, atom: base, json: base },
          addresses: {
            article: (a) => `${base}/${a.category.slug}/${a.slug}`,
            category: (x) => `${base}/${x.slug}`,
            tag: (t) => `${base}/tema/${t.slug}`,
            author: (a) => `${base}/avtor/${a.slug}`,
          },
          now: NOW,
        });
        return { ms: performance.now() - t0, bytes: Buffer.byteLength(doc.text) };
      };
      await generateOnce();
      const generated = [];
      for (let i = 0; i < RUNS; i++) generated.push(await generateOnce());
      await fetchOnce(); // JIT and connection warm-up, unmeasured
      const cold = [];
      for (let i = 0; i < RUNS; i++) {
        services.pageCache.clear();
        cold.push(await fetchOnce());
      }
      const cached = [];
      for (let i = 0; i < RUNS; i++) cached.push(await fetchOnce());
      rows.push({
        name: c.name,
        url: c.url,
        kib: generated[0].bytes / 1024,
        generateMs: median(generated.map((g) => g.ms)),
        coldMs: median(cold),
        cachedMs: median(cached),
      });
    }
  } finally {
    await app.close();
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n${label}`);
  console.log('| feed | size | made (median) | cold over HTTP | from the cache |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${fmt(r.kib)} KiB | ${r.generateMs.toFixed(1)} ms | ${r.coldMs.toFixed(1)} ms | ${r.cachedMs.toFixed(2)} ms |`,
    );
  return rows;
}

console.log(
  `Vestnik feeds benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`${fmt(ARTICLES)} articles, ${RUNS} runs a case (times over HTTP on loopback)`);
const began = performance.now();
const corpus = createCorpus({ seed: SEED, count: ARTICLES, start: START, end: END });
const results = {};

const sqliteDir = tempDir();
const sqlite = lib.openDatabase({ kind: 'sqlite', file: join(sqliteDir, 'feeds.db') });
await lib.migrateToLatest(sqlite);
await fillSqlite(sqlite.db, corpus, (ms) => lib.localParts(ms, TZ));
await addAuthors(sqlite.db);
results.sqlite = await measure(sqlite, 'SQLite');

const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
let reachable = true;
try {
  await probe.connect();
} catch (err) {
  reachable = false;
  console.log(
    `\n!!! PostgreSQL at ${PG_URL} is unreachable (${err.message}): the PostgreSQL half is SKIPPED.`,
  );
}
if (reachable) {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await probe.query(`create schema ${schema}`);
  const handle = lib.openDatabase({ kind: 'postgres', url: PG_URL }, { schema, poolSize: 4 });
  try {
    await lib.migrateToLatest(handle);
    await copyTables(sqlite.db, handle.db);
    await addAuthors(handle.db);
    await probe.query(
      `analyze ${schema}.articles, ${schema}.article_tags, ${schema}.article_authors, ${schema}.categories`,
    );
    results.postgres = await measure(handle, 'PostgreSQL');
  } finally {
    await handle.destroy();
    await probe.query(`drop schema if exists ${schema} cascade`);
    await probe.end();
  }
}
await sqlite.destroy();
rmSync(sqliteDir, { recursive: true, force: true });
rmSync(publicDir, { recursive: true, force: true });

console.log('\n## Targets\n');
for (const [db, rows] of Object.entries(results)) {
  for (const r of rows)
    console.log(
      `${r.generateMs <= TARGET_MS && r.cachedMs <= TARGET_MS ? 'PASS' : 'FAIL'} ${db} ${r.name}: made in ${r.generateMs.toFixed(1)} ms (${r.coldMs.toFixed(1)} ms cold over HTTP), ${r.cachedMs.toFixed(2)} ms from the cache (target ≤ ${TARGET_MS} ms)`,
    );
}
if (!results.postgres) console.log('SKIPPED postgres (unreachable)');
console.log(`\ntotal ${((performance.now() - began) / 1000).toFixed(0)} s`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/feeds.json',
  JSON.stringify({ at: new Date().toISOString(), articles: ARTICLES, runs: RUNS, results }, null, 2),
);
