// npm run bench, part 4 (#5): search at archive scale. 100,000 generated Bulgarian-like articles
// (bulgarian-text.mjs) on SQLite and on PostgreSQL: how fast the index is rebuilt (reindexAll), and
// how long a reader waits for a page of results, over a fixed mix of ~600 queries timed through
// the whole /search pipeline. Targets: indexing ≥ 2,000 articles/s, search p95 ≤ 25 ms. A miss is
// reported, never an error exit.
//   BENCH_SEARCH_ARTICLES  corpus size (default 100000)   BENCH_SEARCH_QUERIES  mix size (default 600)
//   VESTNIK_BENCH_PG_URL   PostgreSQL (default postgres://postgres@127.0.0.1:5432/test)
//   BENCH_SEARCH_KEEP=1    keep the SQLite file and the PostgreSQL schema, for EXPLAIN afterwards
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CATEGORIES, createCorpus } from './bulgarian-text.mjs';
import { tempDir } from './harness.mjs';
import { copyTables, fillSqlite } from './search-fill.mjs';
import { buildQueries } from './search-queries.mjs';
import { fmt, groups, pct, printDatabase } from './search-report.mjs';
import { loadSourceLib } from './source-lib.mjs';

const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000);
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 600);
const PG_URL = process.env.VESTNIK_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const KEEP = process.env.BENCH_SEARCH_KEEP === '1';
const SEED = 2026;
const TZ = 'Europe/Sofia';
const START = Date.UTC(2021, 0, 1);
const END = Date.UTC(2026, 0, 1);
const NOW = END + 86_400_000;
const PAGE_SIZE = 10;
const INDEX_TARGET = 2000;
const P95_TARGET = 25;

const began = performance.now();
const phase = async (label, fn) => {
  const t0 = performance.now();
  const out = await fn();
  console.log(`  [${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s]`);
  return out;
};

const lib = await loadSourceLib('search', [
  "export { openDatabase } from './src/db/index.ts';",
  "export { migrateToLatest } from './src/db/migrate.ts';",
  "export { reindexAll } from './src/search/reindex.ts';",
  "export { matcherOf, parseQuery } from './src/search/query.ts';",
  "export { plainTexts, searchWithFallback } from './src/search/search.ts';",
  "export { highlight, snippet } from './src/search/snippets.ts';",
  "export { summariesByIds } from './src/content/lists.ts';",
  "export { dayRange, localParts } from './src/text/dates.ts';",
]);

console.log(
  `Vestnik search benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`${fmt(ARTICLES)} articles, ${QUERIES} queries\n`);
const corpus = createCorpus({ seed: SEED, count: ARTICLES, start: START, end: END });

async function timeIndexing(db) {
  const t0 = performance.now();
  const result = await lib.reindexAll(db, {
    onProgress: (n) => {
      if (n % 20_000 === 0)
        console.log(`    indexed ${fmt(n)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    },
  });
  const ms = performance.now() - t0;
  return { indexed: result.indexed, ms, perSecond: (result.indexed / ms) * 1000 };
}

/**
 * What GET /search does after reading the form (src/web/site/routes/search.tsx): the search (with
 * its any-word fallback), then the page's summaries and plain texts, the marked titles and snippets.
 */
async function searchPage(db, q) {
  const t0 = performance.now();
  const query = lib.parseQuery(q.text);
  const page = await lib.searchWithFallback(db, {
    query,
    filters: q.filters,
    sort: q.sort,
    offset: (q.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const t1 = performance.now();
  const ids = page.hits.map((h) => h.articleId);
  const [summaries, plains] = await Promise.all([lib.summariesByIds(db, NOW, ids), lib.plainTexts(db, ids)]);
  const matches = lib.matcherOf(query);
  let marked = 0;
  for (const id of ids) {
    const title = lib.highlight(summaries.get(id)?.title ?? '', matches);
    const snippet = lib.snippet(plains.get(id) ?? '', matches);
    marked += title.length + snippet.length;
  }
  const t2 = performance.now();
  if (query.parts.length === 0) throw new Error(`query without words: ${q.text}`);
  return {
    q,
    ms: t2 - t0,
    searchMs: t1 - t0,
    total: page.total,
    capped: page.capped,
    partial: page.partial,
    marked,
  };
}

async function byPrimaryKey(db, id) {
  const t0 = performance.now();
  await db
    .selectFrom('articles')
    .select(['id', 'title', 'lead', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return performance.now() - t0;
}

async function measure(db, mix, warmup) {
  const ids = Array.from({ length: mix.length }, (_, i) => 1 + ((i * 7919) % ARTICLES));
  for (const q of warmup) await searchPage(db, q);
  for (const id of ids.slice(0, 200)) await byPrimaryKey(db, id);
  const runs = [];
  const baseline = [];
  for (let i = 0; i < mix.length; i++) {
    runs.push(await searchPage(db, mix[i]));
    baseline.push(await byPrimaryKey(db, ids[i]));
  }
  return {
    rows: groups(runs),
    baseline: { p50: pct(baseline, 50), p95: pct(baseline, 95) },
    slowest: [...runs].sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}

const results = {};
let mix;
let warmup;
const sqliteDir = tempDir();
const sqlite = lib.openDatabase({ kind: 'sqlite', file: join(sqliteDir, 'search.db') });
const sqliteVersion = (
  await sqlite.db.selectNoFrom((eb) => eb.fn('sqlite_version').as('v')).executeTakeFirst()
).v;
console.log(`SQLite ${sqliteVersion} (${join(sqliteDir, 'search.db')})`);
await lib.migrateToLatest(sqlite);
const filled = await phase('generate and insert', () =>
  fillSqlite(sqlite.db, corpus, (ms) => lib.localParts(ms, TZ)),
);
console.log(`  ${fmt(filled.words / ARTICLES)} words an article on average`);
{
  const index = await phase('reindexAll', () => timeIndexing(sqlite.db));
  const ctx = {
    corpus,
    df: filled.df,
    parseQuery: lib.parseQuery,
    dayRange: (ymd) => lib.dayRange(ymd, TZ),
    categoryIds: CATEGORIES.map((_, i) => i + 1),
    tagIds: corpus.tags.map((_, i) => i + 1),
    firstYear: new Date(START).getUTCFullYear(),
  };
  const built = buildQueries(ctx, SEED, QUERIES);
  mix = built.queries;
  warmup = buildQueries(ctx, SEED + 1, 150).queries;
  console.log(`  words by band: ${JSON.stringify(built.bandSizes)}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/search-mix.json', JSON.stringify({ mix, warmup }));
  const measured = await phase('queries', () => measure(sqlite.db, mix, warmup));
  results.sqlite = { version: sqliteVersion, index, ...measured };
  printDatabase(`SQLite ${sqliteVersion}`, results.sqlite);
}

const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
let pgVersion = null;
try {
  await probe.connect();
  pgVersion = (await probe.query('show server_version')).rows[0].server_version;
} catch (err) {
  console.log(
    `\n!!! PostgreSQL at ${PG_URL} is unreachable (${err.message}): the PostgreSQL half is SKIPPED.\n`,
  );
}
if (pgVersion) {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await probe.query(`create schema ${schema}`);
  const dropSchema = () =>
    KEEP ? Promise.resolve() : probe.query(`drop schema if exists ${schema} cascade`);
  process.once('SIGINT', () => dropSchema().finally(() => process.exit(130)));
  console.log(`\nPostgreSQL ${pgVersion} (schema ${schema})`);
  const handle = lib.openDatabase({ kind: 'postgres', url: PG_URL }, { schema, poolSize: 4 });
  try {
    await lib.migrateToLatest(handle);
    await phase('copy the articles', () => copyTables(sqlite.db, handle.db));
    // Autovacuum would analyze the freshly loaded tables within a minute; do it now.
    await phase('analyze', () => probe.query(`analyze ${schema}.articles, ${schema}.article_tags`));
    const index = await phase('reindexAll', () => timeIndexing(handle.db));
    await phase('vacuum analyze the index', () =>
      probe.query(`vacuum analyze ${schema}.search_docs, ${schema}.search_texts`),
    );
    const measured = await phase('queries', () => measure(handle.db, mix, warmup));
    results.postgres = { version: pgVersion, index, ...measured };
    printDatabase(`PostgreSQL ${pgVersion}`, results.postgres);
  } finally {
    await handle.destroy();
    await dropSchema();
    await probe.end();
  }
}
await sqlite.destroy();
if (!KEEP) rmSync(sqliteDir, { recursive: true, force: true });

console.log('\n## Targets\n');
for (const [name, r] of Object.entries(results)) {
  const all = r.rows.at(-1);
  console.log(
    `${r.index.perSecond >= INDEX_TARGET ? 'PASS' : 'FAIL'} ${name} indexing ${fmt(r.index.perSecond)} articles/s (target ≥ ${fmt(INDEX_TARGET)})`,
  );
  console.log(
    `${all.p95 <= P95_TARGET ? 'PASS' : 'FAIL'} ${name} search p95 ${all.p95.toFixed(1)} ms (target ≤ ${P95_TARGET} ms)`,
  );
}
if (!results.postgres) console.log('SKIPPED postgres (unreachable)');
console.log(`\ntotal ${((performance.now() - began) / 1000).toFixed(0)} s`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/search.json',
  JSON.stringify(
    { at: new Date().toISOString(), articles: ARTICLES, queries: QUERIES, cpus: cpus().length, results },
    null,
    2,
  ),
);
