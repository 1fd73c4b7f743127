// Percentiles and the tables the search benchmark prints (Markdown, ready for docs/performance.md).
import { CLASSES } from './search-queries.mjs';

/** Nearest-rank percentile of a list of milliseconds. */
export function pct(xs, p) {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (x) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
export const fmt = (n) => Math.round(n).toLocaleString('en-US');

export function summarize(runs) {
  const t = runs.map((r) => r.ms);
  return {
    n: runs.length,
    p50: pct(t, 50),
    p95: pct(t, 95),
    p99: pct(t, 99),
    max: Math.max(...t),
    searchP95: pct(
      runs.map((r) => r.searchMs),
      95,
    ),
    avgTotal: runs.reduce((s, r) => s + r.total, 0) / Math.max(1, runs.length),
    capped: runs.filter((r) => r.capped).length,
    empty: runs.filter((r) => r.total === 0).length,
    partial: runs.filter((r) => r.partial && r.total > 0).length,
  };
}

/** Per class, plus filtered/unfiltered and everything. */
export function groups(runs) {
  const out = [];
  for (const [cls, , about] of CLASSES) {
    const mine = runs.filter((r) => r.q.cls === cls);
    if (mine.length) out.push({ name: cls, about, ...summarize(mine) });
  }
  out.push({
    name: 'unfiltered',
    about: 'no filter, sorted by relevance',
    ...summarize(runs.filter((r) => !r.q.filtered)),
  });
  out.push({
    name: 'filtered',
    about: 'section / dates / tag / sort=date',
    ...summarize(runs.filter((r) => r.q.filtered)),
  });
  out.push({ name: 'all', about: '', ...summarize(runs) });
  return out;
}

export function printDatabase(name, result) {
  const { index, rows, baseline, slowest } = result;
  console.log(`\n### ${name}\n`);
  console.log(
    `indexing: ${fmt(index.indexed)} articles in ${(index.ms / 1000).toFixed(1)} s = ${fmt(index.perSecond)} articles/s`,
  );
  console.log(
    `baseline (article by primary key): p50 ${ms(baseline.p50)} ms, p95 ${ms(baseline.p95)} ms; ` +
      `search p95 / baseline p95 = ${(rows.at(-1).p95 / baseline.p95).toFixed(0)}×\n`,
  );
  console.log(
    '| queries | n | p50 ms | p95 ms | p99 ms | max ms | search-only p95 | avg matches | >1000 | some words | none |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.searchP95)} | ${fmt(r.avgTotal)} | ${r.capped} | ${r.partial} | ${r.empty} |`,
    );
  console.log('\nslowest 5:');
  for (const r of slowest)
    console.log(
      `  ${ms(r.ms)} ms (search ${ms(r.searchMs)})  [${r.q.cls}] ${r.q.text}  page ${r.q.page}` +
        `${r.q.described ? `  ${r.q.described}` : ''}  → ${r.capped ? '>1000' : r.total} matches` +
        `${r.partial ? ' (some words)' : ''}`,
    );
}
