// Deterministic Bulgarian-like news for the search benchmark. A lexicon of inflected words
// (bulgarian-words.mjs) with a long tail of made-up names and words, drawn with Zipf-like
// frequencies and strung into sentences with the function words (a quarter of the words).
// Article i is a pure function of (seed, i), so a database can be filled batch by batch and any
// article regenerated later (the benchmark takes its "exact phrases" from bodies that way).

import { capital, mixSeed, pick, rngOf, sampler, shuffle, zipfWeights } from './bulgarian-random.mjs';
import * as W from './bulgarian-words.mjs';

export { mixSeed, rngOf };

// Two tiers: the hand-written head carries 85 % of the draws (so the commonest noun is in about
// three articles of four, as „година“ or „България“ would be), the made-up tail 15 % (most of its
// words in a handful of articles).
const tiered = (head, tail, s = 0.8) =>
  sampler([...zipfWeights(head, s, 10, 0.85), ...zipfWeights(tail, 1.1, 20, 0.15)]);

function nounLexeme(stem, cls) {
  const p = W.NOUN_PARADIGMS[cls];
  return { kind: 'noun', gender: p.gender, forms: p.endings.map((e) => stem + e), proper: false };
}
const properLexeme = (name) => ({ kind: 'noun', gender: 'm', forms: [name], proper: true });
// Петров, Петрова, Петрови
const surnameLexeme = (stem) => ({
  kind: 'noun',
  gender: 'm',
  forms: ['ов', 'ова', 'ови'].map((e) => stem + e),
  proper: true,
});
const adjectiveLexeme = (stem, cls) => ({
  kind: 'adj',
  forms: W.ADJECTIVE_PARADIGMS[cls].map((e) => stem + e),
});

/** A made-up stem from name syllables: "мирад", "велин". */
function madeUpStem(rng) {
  const n = rng() < 0.6 ? 2 : 3;
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, W.NAME_SYLLABLES);
  return s + pick(rng, W.NAME_CODAS);
}

/**
 * The lexicon: nouns (with proper names), adjectives and verbs, each list in rank order. The
 * hand-written words take the top ranks; the made-up tail (surnames, villages, pseudo-words with
 * real endings) follows, so most tail words appear in a handful of articles.
 */
export function buildLexicon(seed, tailSize = 60_000) {
  const rng = rngOf(mixSeed(seed, 1));
  const headNouns = [];
  for (const [cls, stems] of Object.entries(W.NOUNS))
    for (const s of stems) headNouns.push(nounLexeme(s, cls));
  for (const name of [...W.PROPER.first, ...W.PROPER.places, ...W.PROPER.bodies])
    headNouns.push(properLexeme(name));
  const headAdjectives = [];
  for (const [cls, stems] of Object.entries(W.ADJECTIVES))
    for (const s of stems) headAdjectives.push(adjectiveLexeme(s, cls));
  const verbs = [];
  for (const [cls, stems] of Object.entries(W.VERBS))
    for (const s of stems) verbs.push({ kind: 'verb', forms: W.VERB_PARADIGMS[cls].map((e) => s + e) });
  const frequent = W.FREQUENT.map((w) => ({ kind: 'adverb', forms: [w] }));

  const seen = new Set([...headNouns, ...headAdjectives].map((l) => l.forms[0]));
  const tailNouns = [];
  const tailAdjectives = [];
  const tailVerbs = [];
  while (tailNouns.length + tailAdjectives.length + tailVerbs.length < tailSize) {
    const stem = madeUpStem(rng);
    const roll = rng();
    let lexeme;
    if (roll < 0.25) lexeme = surnameLexeme(capital(stem));
    else if (roll < 0.4) lexeme = properLexeme(capital(stem) + pick(rng, W.PLACE_SUFFIXES));
    else if (roll < 0.8) lexeme = nounLexeme(stem, pick(rng, ['m', 'm', 'f', 'f', 'fi', 'nie', 'fc', 'n']));
    else if (roll < 0.92) lexeme = adjectiveLexeme(stem, pick(rng, ['aen', 'aen', 'aski']));
    else lexeme = { kind: 'verb', forms: W.VERB_PARADIGMS.va.map((e) => `${stem}ув${e}`) };
    if (seen.has(lexeme.forms[0])) continue;
    seen.add(lexeme.forms[0]);
    ({ adj: tailAdjectives, verb: tailVerbs, noun: tailNouns })[lexeme.kind].push(lexeme);
  }
  const nouns = [...shuffle(rng, headNouns), ...tailNouns];
  const adjectives = [...shuffle(rng, headAdjectives), ...tailAdjectives];
  const headVerbs = verbs.length;
  verbs.splice(0, headVerbs, ...shuffle(rng, verbs), ...tailVerbs);
  const all = [...frequent, ...nouns, ...adjectives, ...verbs];
  all.forEach((l, id) => {
    l.id = id;
  });
  return {
    all,
    nouns,
    adjectives,
    verbs,
    frequent,
    sample: {
      noun: tiered(headNouns.length, tailNouns.length),
      adjective: tiered(headAdjectives.length, tailAdjectives.length),
      verb: tiered(headVerbs, tailVerbs.length, 0.6),
    },
  };
}

export const CATEGORIES = [
  ['politika', 'Политика'],
  ['ikonomika', 'Икономика'],
  ['svyat', 'Свят'],
  ['sport', 'Спорт'],
  ['kultura', 'Култура'],
  ['obshtestvo', 'Общество'],
  ['nauka', 'Наука'],
  ['zdrave', 'Здраве'],
];

const SPEECH = ['каза', 'заяви', 'обясни', 'допълни', 'подчерта', 'уточни'];

/** Builds sentences for one article: its category leans on a few topical words. */
class Writer {
  constructor(lex, rng, topics) {
    this.lex = lex;
    this.rng = rng;
    this.topics = topics;
    this.used = new Set();
  }

  noun() {
    const r = this.rng;
    const l = r() < 0.15 ? pick(r, this.topics) : this.lex.nouns[this.lex.sample.noun(r)];
    this.used.add(l.id);
    return l;
  }

  /** A common noun in the plural, for counts: „12 закони“. */
  counted() {
    for (;;) {
      const n = this.noun();
      if (!n.proper) return n.forms[3];
    }
  }

  adjective() {
    const l = this.lex.adjectives[this.lex.sample.adjective(this.rng)];
    this.used.add(l.id);
    return l;
  }

  /** A noun phrase; `subject` picks the full article of masculine nouns (законът, not закона). */
  phrase(definite, subject) {
    const r = this.rng;
    const n = this.noun();
    if (n.proper) return n.forms[r() < 0.8 ? 0 : Math.floor(r() * n.forms.length)];
    const plural = r() < 0.35;
    if (r() < 0.4) {
      const a = this.adjective();
      const slot = plural
        ? definite
          ? 8
          : 7
        : n.gender === 'm'
          ? definite
            ? subject
              ? 2
              : 1
            : 0
          : n.gender === 'f'
            ? definite
              ? 4
              : 3
            : definite
              ? 6
              : 5;
      return `${a.forms[slot]} ${n.forms[plural ? 3 : 0]}`;
    }
    return n.forms[plural ? (definite ? 4 : 3) : definite ? (subject ? 2 : 1) : 0];
  }

  verb() {
    const l = this.lex.verbs[this.lex.sample.verb(this.rng)];
    this.used.add(l.id);
    return pick(this.rng, l.forms);
  }

  clause(maxPrepositions) {
    const r = this.rng;
    const words = [this.phrase(true, true)];
    if (r() < 0.1)
      words.push(
        `, ${pick(r, ['който', 'която', 'които'])} ${this.verb()} ${this.phrase(r() < 0.6, false)},`,
      );
    if (r() < 0.35) words.push(pick(r, W.PARTICLES));
    words.push(this.verb());
    if (r() < 0.7) words.push(this.phrase(r() < 0.6, false));
    const preps = Math.floor(r() * (maxPrepositions + 1));
    for (let i = 0; i < preps; i++) {
      if (r() < 0.12) words.push(`${pick(r, W.PREPOSITIONS)} ${2 + Math.floor(r() * 98)} ${this.counted()}`);
      else words.push(`${pick(r, W.PREPOSITIONS)} ${this.phrase(r() < 0.7, false)}`);
    }
    return words.join(' ').replace(/ ,/g, ',');
  }

  sentence() {
    const r = this.rng;
    let opener = '';
    const roll = r();
    if (roll < 0.08) opener = `През ${2015 + Math.floor(r() * 11)} г. `;
    else if (roll < 0.16) opener = `Според ${this.phrase(true, false)} `;
    else if (roll < 0.26) {
      const f = pick(r, this.lex.frequent);
      this.used.add(f.id);
      opener = `${capital(f.forms[0])} `;
    }
    let s = opener + this.clause(2);
    const tail = r();
    if (tail < 0.22) s += `, ${pick(r, W.CONJUNCTIONS)} ${pick(r, W.PRONOUNS)} ${this.clause(1)}`;
    else if (tail < 0.35) s += ` и ${this.verb()} ${this.phrase(r() < 0.5, false)}`;
    return `${capital(s)}.`;
  }

  /** A sentence of `min`–`max` words without its full stop, for titles and leads. */
  bounded(min, max, make) {
    let s = make();
    for (let i = 0; i < 30; i++) {
      const n = s.split(/\s+/u).length;
      if (n >= min && n <= max) return s;
      s = n < min ? `${s.replace(/\.$/, '')} ${this.clause(1)}` : make();
    }
    return s.split(/\s+/u).slice(0, max).join(' ');
  }
}

const wordCount = (s) => s.split(/\s+/u).filter(Boolean).length;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The corpus: article(i) for i in 0..count-1, plus the categories' topics and the tags. */
export function createCorpus({ seed = 2026, count, start, end, tagCount = 300 }) {
  const lex = buildLexicon(seed);
  const rng = rngOf(mixSeed(seed, 2));
  const topics = CATEGORIES.map(() =>
    Array.from({ length: 80 }, () => lex.nouns[20 + Math.floor(rng() * 3000)]),
  );
  const tags = Array.from({ length: tagCount }, (_, i) => {
    const n = lex.nouns[Math.floor(rng() ** 2 * 4000)];
    return { slug: `tema-${i + 1}`, name: capital(n.forms[0]) + (rng() < 0.3 ? ` ${2016 + (i % 10)}` : '') };
  });
  const tagSample = sampler(zipfWeights(tagCount, 1, 2));
  const span = end - start;

  function article(i) {
    const r = rngOf(mixSeed(seed, i + 1000));
    const category = Math.floor(r() * CATEGORIES.length);
    const w = new Writer(lex, r, topics[category]);
    const title = capital(w.bounded(6, 12, () => w.clause(2)).replace(/[.,]+$/u, ''));
    const lead = w.bounded(15, 30, () => `${w.sentence()} ${r() < 0.5 ? w.sentence() : ''}`.trim());
    const target = 150 + Math.floor(r() * 251);
    const paragraphs = [];
    let words = 0;
    while (words < target) {
      const sentences = [];
      const n = 2 + Math.floor(r() * 4);
      for (let k = 0; k < n && words < target; k++) {
        let s = w.sentence();
        if (r() < 0.06) s = `„${s.replace(/\.$/, '')}“, ${pick(r, SPEECH)} ${w.phrase(true, true)}.`;
        const c = wordCount(s);
        if (words + c > 400) break;
        sentences.push(s);
        words += c;
      }
      if (sentences.length === 0) break;
      paragraphs.push(`<p>${esc(sentences.join(' '))}</p>`);
      if (paragraphs.length === 2 && r() < 0.15) paragraphs.push(`<h2>${esc(capital(w.clause(0)))}</h2>`);
    }
    const tagIds = new Set();
    const tagN = Math.floor(r() * r() * 6);
    for (let k = 0; k < tagN; k++) tagIds.add(tagSample(r));
    // Oldest first with a little jitter, as an archive grows; 1 % drafts that search must not show.
    const publishedAt = Math.round(start + ((i + 0.5) / count) * span + (r() - 0.5) * 43_200_000);
    return {
      index: i,
      category,
      title,
      lead,
      bodyHtml: paragraphs.join('\n'),
      published: r() >= 0.01,
      publishedAt,
      tagIds: [...tagIds],
      lexemes: w.used,
    };
  }

  return { lex, tags, article, count, start };
}
