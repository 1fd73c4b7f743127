// The arithmetic of related articles, apart from the database: term frequencies of stored search
// documents, cosine similarity of tf-idf vectors, the weight of shared tags and of distance in time.
import type { TagKind } from '../db/schema.js';

// The title says what a story is about; the lead says it again at more length.
export const TITLE_WEIGHT = 3;
export const LEAD_WEIGHT = 2;
/** A named person, place or organisation in common is a strong sign; a broad topic a weak one. */
const TAG_WEIGHT: Record<TagKind, number> = { person: 0.4, place: 0.4, organisation: 0.4, topic: 0.15 };
const MAX_TAG_PART = 0.8;
/** Two articles this many days apart weigh half as much: stories are followed up, then fade. */
const HALF_WEIGHT_DAYS = 1095;
const DAY = 86_400_000;

export interface Doc {
  id: number;
  publishedAt: number;
  /** Field-weighted term frequencies, by term number. */
  tf: Map<number, number>;
}

export interface StoredTerms {
  article_id: number;
  published_at: number;
  title_terms: string;
  lead_terms: string;
  /** The start of the body's terms: a long body is cut, and may then end in half a term. */
  body_start: string;
}

/**
 * The documents of one refresh share a numbering of their terms: counting and comparing numbers is
 * several times cheaper than hashing the same Cyrillic strings over and over.
 */
export class TermSpace {
  private readonly numbers = new Map<string, number>();
  readonly terms: string[] = [];

  private numberOf(term: string): number {
    let n = this.numbers.get(term);
    if (n === undefined) {
      n = this.terms.length;
      this.numbers.set(term, n);
      this.terms.push(term);
    }
    return n;
  }

  private add(tf: Map<number, number>, text: string, weight: number, dropLast: boolean): void {
    const list = text.split(' ');
    if (dropLast) list.pop();
    for (const term of list) {
      if (term === '') continue;
      const n = this.numberOf(term);
      tf.set(n, (tf.get(n) ?? 0) + weight);
    }
  }

  /** `bodyCut`: the body was cut short, so its last term is dropped. */
  doc(row: StoredTerms, bodyCut: boolean): Doc {
    const tf = new Map<number, number>();
    this.add(tf, row.title_terms, TITLE_WEIGHT, false);
    this.add(tf, row.lead_terms, LEAD_WEIGHT, false);
    this.add(tf, row.body_start, 1, bodyCut);
    return { id: row.article_id, publishedAt: Number(row.published_at), tf };
  }

  /** The document's heaviest terms, longer ones first among equals (they tend to be rarer). */
  heaviest(doc: Doc, count: number): { term: string; weight: number }[] {
    return [...doc.tf.entries()]
      .map(([n, weight]) => ({ term: this.terms[n] as string, weight }))
      .filter((t) => t.term.length > 1)
      .sort((a, b) => b.weight - a.weight || b.term.length - a.term.length || (a.term < b.term ? -1 : 1))
      .slice(0, count);
  }
}

/**
 * Cosine similarity of the first document with each of the others, over tf-idf vectors: sublinear
 * term frequency, and idf estimated from the documents given (the article and its candidates).
 */
export function cosines(space: TermSpace, docs: Doc[]): Map<number, number> {
  const size = space.terms.length;
  const df = new Int32Array(size);
  for (const d of docs) for (const n of d.tf.keys()) df[n] = (df[n] ?? 0) + 1;
  const idf = new Float64Array(size);
  for (let n = 0; n < size; n++) idf[n] = Math.log(1 + docs.length / Math.max(1, df[n] ?? 1));
  const [own, ...others] = docs;
  const out = new Map<number, number>();
  if (!own) return out;
  const ownWeights = new Float64Array(size);
  let ownNorm = 0;
  for (const [n, f] of own.tf) {
    const w = (1 + Math.log(f)) * (idf[n] ?? 0);
    ownWeights[n] = w;
    ownNorm += w * w;
  }
  for (const d of others) {
    let norm = 0;
    let dot = 0;
    for (const [n, f] of d.tf) {
      const w = (1 + Math.log(f)) * (idf[n] ?? 0);
      norm += w * w;
      dot += w * (ownWeights[n] ?? 0);
    }
    out.set(d.id, norm === 0 || ownNorm === 0 ? 0 : dot / Math.sqrt(norm * ownNorm));
  }
  return out;
}

/** On a smaller site counts are too few to call a tag common: it is taken to be this big. */
const MIN_SITE_SIZE = 100;

/**
 * What one shared tag adds, by its kind and how specific it is: 1 for a tag on one article, 0 for
 * a tag on every article, on a log scale. The fourth power makes it fall steeply, so a tag on a
 * handful of articles (a person, a village) weighs nearly in full and one on a tenth of the site
 * (the capital, a big ministry) almost nothing: sharing it says little about the story.
 */
export function tagWeight(kind: TagKind, uses: number, siteSize: number): number {
  const size = Math.max(siteSize, MIN_SITE_SIZE);
  const specific = Math.max(0, Math.log(size / Math.max(1, uses)) / Math.log(size));
  return TAG_WEIGHT[kind] * specific ** 4;
}

export function capTagPart(sum: number): number {
  return Math.min(MAX_TAG_PART, sum);
}

/** 1 for articles published together, ½ three years apart: mild, and the same both ways. */
export function timeFactor(a: number, b: number): number {
  return 1 / (1 + Math.abs(a - b) / DAY / HALF_WEIGHT_DAYS);
}
