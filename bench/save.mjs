// npm run bench, part 3: saving an article with its revision, through HTTP as the editor does it
// (form post, validation, sanitizing, tags, the revision snapshot, the redirect), on SQLite.
// Target (#4): p99 ≤ 50 ms. The baseline is a trivial signed-in request to the same server
// (tag suggestions), measured in the same run, so the ratio shows what saving itself costs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startApp, tempDir } from './harness.mjs';

const SAVES = Number(process.env.BENCH_SAVES ?? 400);
const dataDir = tempDir();
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: `sqlite:${join(dataDir, 'vestnik.db')}`,
  LOG_LEVEL: 'warn',
};
const password = 'бенчмарк-парола-2026';
execFileSync(
  process.execPath,
  ['dist/cli.js', 'users', 'add', '--email', 'redaktor@example.bg', '--name', 'Редактор', '--role', 'editor'],
  {
    env: { ...env, VESTNIK_PASSWORD: password },
    stdio: 'ignore',
  },
);
const app = await startApp(dataDir);
const tokenOf = (html) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const form = (fields) => new URLSearchParams(fields).toString();
const headers = (cookie) => ({
  'content-type': 'application/x-www-form-urlencoded',
  origin: app.base,
  cookie,
});

const login = await fetch(`${app.base}/profil/vhod`);
const signIn = await fetch(`${app.base}/profil/vhod`, {
  method: 'POST',
  redirect: 'manual',
  headers: headers(''),
  body: form({ _csrf: tokenOf(await login.text()), email: 'redaktor@example.bg', password, next: '/admin' }),
});
const cookie = /vestnik_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0];
if (!cookie) throw new Error(`sign-in failed: ${signIn.status}`);

const page = await (await fetch(`${app.base}/admin/articles/new`, { headers: { cookie } })).text();
const categoryId = /<option value="(\d+)" selected/.exec(page)?.[1];
// An article of ordinary length: twelve paragraphs, a heading, a quote, five tags.
const paragraph = (i) =>
  `<p>Абзац ${i}: общинският съвет обсъди бюджета за следващата година, а кметът представи план за ремонт на училищата и детските градини в три района на града.</p>`;
const body = (n) =>
  `<h2>Подзаглавие</h2>${Array.from({ length: 12 }, (_, i) => paragraph(i + n)).join('')}<blockquote><p>Цитат на деня.</p></blockquote>`;
const fields = (n) => ({
  title: `Общинският съвет прие бюджета, редакция ${n}`,
  lead: 'Сесията продължи шест часа, а опозицията внесе над сто предложения.',
  body_html: body(n),
  category_id: categoryId,
  tags: 'Бюджет, Общински съвет, София, Образование, Инфраструктура',
  comments_who: 'inherit',
  comments_moderation: 'inherit',
});
const token = tokenOf(page);
const created = await fetch(`${app.base}/admin/articles`, {
  method: 'POST',
  redirect: 'manual',
  headers: headers(cookie),
  body: form({ _csrf: token, ...fields(0) }),
});
const id = /\/admin\/articles\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1];
if (!id) throw new Error(`create failed: ${created.status}`);

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const saves = [];
const baseline = [];
let version = 1;
for (let i = 1; i <= SAVES; i++) {
  saves.push(
    await timed(async () => {
      const res = await fetch(`${app.base}/admin/articles/${id}`, {
        method: 'POST',
        redirect: 'manual',
        headers: headers(cookie),
        body: form({ _csrf: token, version: String(version), ...fields(i) }),
      });
      if (res.status !== 303) throw new Error(`save ${i}: ${res.status}`);
      await res.arrayBuffer();
    }),
  );
  version++;
  baseline.push(
    await timed(async () => {
      const res = await fetch(`${app.base}/admin/tags/suggest?q=bu`, { headers: { cookie } });
      await res.arrayBuffer();
    }),
  );
}
await app.stop();
const revisions = execFileSync('node', [
  '-e',
  `const D=require('better-sqlite3');const d=new D(${JSON.stringify(join(dataDir, 'vestnik.db'))});console.log(d.prepare('select count(*) n from article_revisions where article_id=?').get(${id}).n)`,
])
  .toString()
  .trim();
const result = {
  saves: SAVES,
  revisionsStored: Number(revisions),
  saveP50ms: +pct(saves, 50).toFixed(2),
  saveP99ms: +pct(saves, 99).toFixed(2),
  baselineP50ms: +pct(baseline, 50).toFixed(2),
  baselineP99ms: +pct(baseline, 99).toFixed(2),
  p99Ratio: +(pct(saves, 99) / pct(baseline, 99)).toFixed(1),
  target: 'p99 ≤ 50 ms',
  met: pct(saves, 99) <= 50,
};
console.log(JSON.stringify({ bench: 'article save with revision (SQLite, HTTP)', ...result }, null, 2));
