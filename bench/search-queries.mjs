// The search benchmark's queries, as readers type them: words from the generated vocabulary in
// inflections picked at random (so the index has to meet "законите" with "закона"), grouped by how
// many articles hold the word, plus phrases copied from real bodies, prefixes, filters and pages.
import { CATEGORIES, mixSeed, rngOf } from './bulgarian-text.mjs';

const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const capital = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/** Query classes and how many of each go into a mix of 600. */
export const CLASSES = [
  ['rare', 90, 'one word in ≤ 0.03 % of articles'],
  ['mid', 90, 'one word in 0.1–3 %'],
  ['common', 75, 'one word in ≥ 30 %'],
  ['two words', 90, 'two words, any frequency'],
  ['three words', 75, 'three words, any frequency'],
  ['phrase', 90, '"2–4 words" from a body'],
  ['prefix', 90, 'first 4–6 letters + *'],
];

/**
 * Words by the share of articles that hold them (`df` counts articles per lexeme). Verbs are left
 * out of the rare and middle bands: a reader searches for things and people.
 */
function bands(lex, df, articles) {
  const rare = [];
  const mid = [];
  const common = [];
  const any = [];
  for (const l of lex.all) {
    const n = df[l.id];
    if (n === 0) continue;
    any.push(l);
    const share = n / articles;
    if (share >= 0.3) common.push(l);
    else if (l.kind === 'verb') continue;
    else if (share >= 0.001 && share <= 0.03) mid.push(l);
    else if (n <= Math.max(3, articles * 0.0003)) rare.push(l);
  }
  return { rare, mid, common, any };
}

/** One form of a word as a reader would type it: mostly lower case, names often capitalised. */
function typed(rng, lexeme) {
  const form = pick(rng, lexeme.forms);
  const isName = lexeme.proper || /^\p{Lu}/u.test(form);
  if (isName) return rng() < 0.5 ? form : form.toLowerCase();
  return rng() < 0.15 ? capital(form) : form;
}

function phraseFrom(rng, corpus, parseQuery) {
  for (;;) {
    const article = corpus.article(Math.floor(rng() * corpus.count));
    if (!article.published) continue;
    const text = article.bodyHtml.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
    const clauses = text
      .split(/[.,;„“]/u)
      .map((c) => c.trim().split(/\s+/u))
      .filter((c) => c.length >= 2);
    const clause = pick(rng, clauses);
    const size = Math.min(clause.length, 2 + Math.floor(rng() * 3));
    const at = Math.floor(rng() * (clause.length - size + 1));
    const words = clause.slice(at, at + size).join(' ');
    const parsed = parseQuery(`"${words}"`);
    // A phrase of stop words (или на) is answered without a search; a reader would add a word.
    if (parsed.parts.length !== 1 || parsed.parts[0].kind !== 'phrase') continue;
    const quoted = rng() < 0.5 ? `„${words}“` : `"${words}"`;
    return rng() < 0.6 ? quoted.toLowerCase() : quoted;
  }
}

function filtersFor(rng, ctx) {
  const filters = {};
  let sort = 'relevance';
  const described = [];
  const roll = rng();
  if (roll < 0.4 || roll >= 0.85) {
    const c = Math.floor(rng() * CATEGORIES.length);
    filters.categoryIds = [ctx.categoryIds[c]];
    described.push(`section=${CATEGORIES[c][0]}`);
  }
  if (roll >= 0.3) {
    const year = ctx.firstYear + Math.floor(rng() * 5);
    const month = 1 + Math.floor(rng() * 12);
    const span = rng();
    const ymd = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    let from;
    let to;
    if (span < 0.3) [from, to] = [ymd(year, 1, 1), ymd(year, 12, 31)];
    else if (span < 0.7) [from, to] = [ymd(year, month, 1), ymd(year, month, 28)];
    else [from, to] = [ymd(year, month, 10), ymd(year, month, 16)];
    filters.from = ctx.dayRange(from)[0];
    filters.to = ctx.dayRange(to)[1];
    described.push(`from=${from} to=${to}`);
  }
  if (rng() < 0.1) {
    filters.tagId = ctx.tagIds[Math.floor(rng() ** 2 * ctx.tagIds.length)];
    described.push(`tag=${filters.tagId}`);
  }
  if (rng() < 0.4) {
    sort = 'date';
    described.push('sort=date');
  }
  return { filters, sort, described: described.join(' ') };
}

/**
 * `count` queries in a fixed order for a given seed. ctx: { corpus, df, parseQuery, dayRange,
 * categoryIds, tagIds, firstYear }.
 */
export function buildQueries(ctx, seed, count) {
  const { corpus, df, parseQuery } = ctx;
  const rng = rngOf(mixSeed(seed, 77));
  const b = bands(corpus.lex, df, corpus.count);
  const word = (band) => typed(rng, pick(rng, band));
  const joiner = () => (rng() < 0.3 ? ` ${pick(rng, ['на', 'за', 'и', 'в', 'от'])} ` : ' ');
  // Readers combine words that belong together: most multi-word queries take their words from one
  // article (so something matches, if the stemmer meets the inflections), the rest from anywhere.
  const anyBand = () => pick(rng, [b.common, b.mid, b.mid, b.rare, b.any]);
  const words = (n) => {
    if (rng() < 0.3) return Array.from({ length: n }, () => word(anyBand()));
    for (;;) {
      const article = corpus.article(Math.floor(rng() * corpus.count));
      const own = [...article.lexemes].map((id) => corpus.lex.all[id]).filter((l) => l.kind !== 'verb');
      if (article.published && own.length >= n)
        return Array.from({ length: n }, () => typed(rng, pick(rng, own)));
    }
  };
  const makers = {
    rare: () => word(b.rare),
    mid: () => word(b.mid),
    common: () => word(b.common),
    'two words': () => {
      const [a, c] = words(2);
      return `${a}${joiner()}${c}`;
    },
    'three words': () => {
      const [a, c, d] = words(3);
      return `${a}${joiner()}${c} ${d}`;
    },
    phrase: () => phraseFrom(rng, corpus, parseQuery),
    prefix: () => {
      for (;;) {
        const form = typed(rng, pick(rng, rng() < 0.5 ? b.mid : b.any));
        const n = 4 + Math.floor(rng() * 3);
        if (form.length > n) return `${form.slice(0, n)}*`;
      }
    },
  };
  const total = CLASSES.reduce((s, [, n]) => s + n, 0);
  const queries = [];
  for (const [cls, n] of CLASSES) {
    const k = Math.round((n * count) / total);
    for (let i = 0; i < k; i++) {
      const filtered = rng() < 0.2;
      const f = filtered ? filtersFor(rng, ctx) : { filters: {}, sort: 'relevance', described: '' };
      const r = rng();
      const page = r < 0.7 ? 1 : r < 0.9 ? 2 : 3;
      queries.push({ cls, text: makers[cls](), page, filtered, ...f });
    }
  }
  // Interleave the classes, so a slow stretch of the run does not land on one class.
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [queries[i], queries[j]] = [queries[j], queries[i]];
  }
  return { queries, bandSizes: { rare: b.rare.length, mid: b.mid.length, common: b.common.length } };
}
