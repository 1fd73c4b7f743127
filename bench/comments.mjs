// npm run bench, part 2: comments through the whole chain. 500 comments/s offered for 30 s on
// SQLite (a constant arrival rate, not as-fast-as-possible), p99 latency, and afterwards every
// comment the server acknowledged with a 2xx is looked up in the database.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startApp, tempDir } from './harness.mjs';

const rate = Number(process.env.BENCH_COMMENT_RATE ?? 500);
const duration = Number(process.env.BENCH_COMMENT_SECONDS ?? 30);
const dataDir = tempDir();

const app = await startApp(dataDir, {
  // The limits protect a real site from one address; the benchmark is one address.
  COMMENTS_PER_MINUTE: '100000',
  COMMENTS_PER_READER_PER_MINUTE: '100000',
});
const home = await (await fetch(`${app.base}/`)).text();
const articlePaths = [...home.matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);
const forms = [];
for (const path of articlePaths.slice(0, 8)) {
  const html = await (await fetch(app.base + path)).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const articleId = /name="article_id" value="(\d+)"/.exec(html)?.[1];
  if (token && articleId) forms.push({ token, articleId });
}
if (forms.length === 0) throw new Error('no open comment form found on the demo articles');

// Text that exercises the chain: most comments are ordinary, some carry links, suspect words,
// shouting or a banned word, so every check runs and every outcome is stored.
const openings = [
  'Съгласен съм с автора, но',
  'Интересно е, че',
  'Не виждам как',
  'Добре е да се знае, че',
  'Мисля, че общината',
  'ВСИЧКО ТОВА Е ПЪЛНА ГЛУПОСТ И',
];
const endings = [
  'решението идва твърде късно.',
  'хората в малките градове плащат най-много.',
  'вижте https://example.org/analiz за повече.',
  'онлайн казино няма нищо общо с това.',
  'трябва да има обществено обсъждане.',
];
let seq = 0;
const acknowledged = [];
const latencies = [];
let refused = 0;
let failed = 0;

// An open-loop generator: request i is due at start + i / rate, whatever happened to earlier
// ones, and its latency counts from when it was due (no coordinated omission). autocannon's
// rate mode sends each second's quota back-to-back at the start of the second, which measures
// bursts, not a sustained rate.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const target = new URL(`${app.base}/comments`);
function send(dueAt) {
  seq++;
  const form = forms[seq % forms.length];
  const body = new URLSearchParams({
    _csrf: form.token,
    article_id: form.articleId,
    name: `Читател ${seq % 997}`,
    email: `reader${seq % 997}@example.org`,
    body: `${openings[seq % openings.length]} ${endings[(seq * 7) % endings.length]} (#${seq})`,
  }).toString();
  return new Promise((resolve) => {
    const req = http.request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
          'sec-fetch-site': 'same-origin',
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          latencies.push(performance.now() - dueAt);
          if (res.statusCode >= 200 && res.statusCode < 300) {
            const id = JSON.parse(Buffer.concat(chunks).toString('utf8')).id;
            if (typeof id === 'number') acknowledged.push(id);
          } else refused++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      failed++;
      resolve();
    });
    req.end(body);
  });
}

const started = Date.now();
const t0 = performance.now();
const total = rate * duration;
const inFlight = [];
for (let i = 0; i < total; i++) {
  const dueAt = t0 + (i * 1000) / rate;
  const wait = dueAt - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  inFlight.push(send(dueAt));
}
await Promise.all(inFlight);
agent.destroy();
const elapsed = (Date.now() - started) / 1000;
await app.stop();

const db = new Database(join(dataDir, 'vestnik.db'), { readonly: true });
const exists = db.prepare('select 1 from comments where id = ?');
const missing = acknowledged.filter((id) => !exists.get(id));
const byStatus = db.prepare('select status, count(*) as n from comments group by status').all();
const byReason = db
  .prepare('select moderation_reason as reason, count(*) as n from comments group by moderation_reason')
  .all();
db.close();

const achieved = acknowledged.length / elapsed;
latencies.sort((a, b) => a - b);
const pct = (q) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
const p50 = pct(0.5);
const p99 = pct(0.99);
console.log(`\nComments through the whole chain, SQLite, ${rate}/s offered for ${duration} s`);
console.log(`| offered/s | acknowledged/s | p50 ms | p99 ms | non-2xx | acknowledged | missing afterwards |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${rate} | ${achieved.toFixed(0)} | ${p50} | ${p99} | ${refused} | ${acknowledged.length} | ${missing.length} |`,
);
console.log(`stored by status: ${byStatus.map((r) => `${r.status} ${r.n}`).join(', ')}`);
console.log(`stored by reason: ${byReason.map((r) => `${r.reason} ${r.n}`).join(', ')}`);
const targets = [
  [`sustained ≥ ${Math.round(rate * 0.98)}/s acknowledged`, achieved >= rate * 0.98],
  ['p99 ≤ 50 ms', p99 <= 50],
  ['no refused or failed requests', refused === 0 && failed === 0],
  ['every acknowledged comment is in the database', missing.length === 0],
];
for (const [label, ok] of targets) console.log(`${ok ? 'MET ' : 'MISS'} ${label}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/comments.json',
  JSON.stringify(
    {
      at: new Date().toISOString(),
      rate,
      duration,
      achieved,
      p50,
      p99,
      refused,
      missing: missing.length,
    },
    null,
    2,
  ),
);
if (targets.some(([, ok]) => !ok)) process.exitCode = 1;
