// Existing tags whose names occur in an article's text, to offer to the editor. Words are compared by
// their search terms (src/text/tokens.ts: folded, stop words dropped, stemmed), so an inflected form
// meets the name as it is stored: "Министерския съвет" finds the tag "Министерски съвет",
// "Народното събрание" the tag "Народно събрание".
//
// The rule: a tag is found where the terms of its name stand one after the other in the text's terms,
// within one paragraph (title, lead and every block of the body are separate runs). Terms are whole
// words, so a word only matches words with the same stem: "Съвет" is not found in "съветник" nor
// "София" in "софийски" — other words, not forms of the name. A name made only of stop words has no
// terms and is never found.
//
// One extension to the stems: the light stemmer reads the short article of masculine nouns in -т as
// a feminine ending ("съвета" → "съв", while "съвет" → "съвет"; "бюджета" → "бюдж"), and gives
// "България" and "Българията" different stems. Each word of a name therefore also accepts the terms
// of its likely other forms, as a search does (text/inflections.ts). The price is the stemmer's own collisions: "кабинета" and "кабина" share a stem, so the tag
// "Кабинет" may be offered for a text about a booth. An offer costs the editor one glance; a miss
// costs the tag.
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/index.js';
import type { TagKind } from '../db/schema.js';
import { termVariants } from '../text/inflections.js';
import { htmlToText } from '../text/sanitize.js';
import { slugify } from '../text/slug.js';
import { tokenize } from '../text/tokens.js';
import { resolveTags } from './tags.js';
import type { ArticleDraft } from './types.js';

export interface TagCandidate {
  id: number;
  name: string;
  slug: string;
  kind: TagKind;
}

export interface SpottedTag extends TagCandidate {
  /** How many times the name occurs in the title, lead and body together. */
  occurrences: number;
}

export interface SpotText {
  title: string;
  lead: string;
  bodyHtml: string;
}

export interface SpotOptions {
  /** Tags already on the article, by id. */
  excludeIds?: Iterable<number>;
  /** Tags already on the article, by the names typed in its tags field. */
  excludeNames?: Iterable<string>;
  /** At most this many are returned (12 unless told). */
  limit?: number;
}

export const SPOT_LIMIT = 12;

/** For each word of a tag's name, the terms it accepts in a text; empty for stop words only. */
export function nameTerms(name: string): Set<string>[] {
  return tokenize(name).map((token) => new Set(termVariants(token.word)));
}

// The matcher is rebuilt from the tags table for every editor page; names rarely change, so their
// terms (the costly part: tokenizing and stemming) are remembered. A pure function's memo: nothing to
// invalidate when a tag is renamed, the new name is simply another key.
const termsOfName = new LRUCache<string, Set<string>[]>({ max: 50_000 });

function cachedNameTerms(name: string): Set<string>[] {
  let words = termsOfName.get(name);
  if (!words) {
    words = nameTerms(name);
    termsOfName.set(name, words);
  }
  return words;
}

interface Entry {
  tag: TagCandidate;
  words: Set<string>[];
}

/**
 * Every tag's name compiled once and indexed by the terms its first word accepts, so a text is
 * read in one pass: at each term only the few names that can start there are tried.
 */
export class TagMatcher {
  private readonly byFirstTerm = new Map<string, Entry[]>();
  readonly size: number;

  constructor(tags: Iterable<TagCandidate>) {
    let size = 0;
    for (const tag of tags) {
      const words = cachedNameTerms(tag.name);
      const first = words[0];
      if (!first) continue;
      size++;
      const entry = { tag, words };
      for (const term of first) {
        const list = this.byFirstTerm.get(term);
        if (list) list.push(entry);
        else this.byFirstTerm.set(term, [entry]);
      }
    }
    this.size = size;
  }

  /** Adds each name's occurrences in one run of terms (a title, a lead, a paragraph) to `counts`. */
  private scan(run: string[], counts: Map<number, { tag: TagCandidate; n: number }>): void {
    for (let i = 0; i < run.length; i++) {
      const entries = this.byFirstTerm.get(run[i] as string);
      if (!entries) continue;
      for (const e of entries) {
        if (i + e.words.length > run.length) continue;
        let all = true;
        for (let j = 1; j < e.words.length && all; j++)
          all = (e.words[j] as Set<string>).has(run[i + j] as string);
        if (!all) continue;
        const seen = counts.get(e.tag.id);
        if (seen) seen.n++;
        else counts.set(e.tag.id, { tag: e.tag, n: 1 });
      }
    }
  }

  /** Tags found in the runs of plain text, with their counts, in no particular order. */
  occurrences(texts: string[]): { tag: TagCandidate; n: number }[] {
    const counts = new Map<number, { tag: TagCandidate; n: number }>();
    for (const text of texts)
      for (const line of text.split('\n'))
        this.scan(
          tokenize(line).map((t) => t.term),
          counts,
        );
    return [...counts.values()];
  }
}

const collator = new Intl.Collator('bg');
const foldName = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('bg');

/** The article's title, lead and body as runs of plain text, paragraph by paragraph. */
export function articleTexts(input: SpotText): string[] {
  return [input.title, input.lead, htmlToText(input.bodyHtml)];
}

/** The tags found in the article, most frequent first, without those it already has. */
export function spot(matcher: TagMatcher, input: SpotText, options: SpotOptions = {}): SpottedTag[] {
  const ids = new Set(options.excludeIds ?? []);
  const names = new Set<string>();
  const slugs = new Set<string>();
  for (const name of options.excludeNames ?? []) {
    names.add(foldName(name));
    // The tags field is matched to tags by slug too (newsroom/tags.ts): "енергетика" is "Енергетика".
    const slug = slugify(name) || slugify(name, { style: 'cyrillic' });
    if (slug !== '') slugs.add(slug);
  }
  return matcher
    .occurrences(articleTexts(input))
    .filter(({ tag }) => !ids.has(tag.id) && !names.has(foldName(tag.name)) && !slugs.has(tag.slug))
    .sort((a, b) => b.n - a.n || collator.compare(a.tag.name, b.tag.name) || a.tag.id - b.tag.id)
    .slice(0, options.limit ?? SPOT_LIMIT)
    .map(({ tag, n }) => ({ ...tag, occurrences: n }));
}

/** Every tag, as the matcher needs it. */
export async function loadTagCandidates(db: Db): Promise<TagCandidate[]> {
  return db.selectFrom('tags').select(['id', 'name', 'slug', 'kind']).orderBy('id').execute();
}

/** The tags to offer for an article's text, read from the database. */
export async function spotTags(db: Db, input: SpotText, options: SpotOptions = {}): Promise<SpottedTag[]> {
  return spot(new TagMatcher(await loadTagCandidates(db)), input, options);
}

/** Offered tags the editor ticked (without JavaScript they come with the next save), by id. */
export interface TagAdditions {
  addTagIds?: number[];
}

/**
 * The tag ids a save links: the names typed (missing ones created) and then the ticked offers. An
 * offered tag deleted or merged away since the page was shown is skipped: there is nothing to link.
 * Pass the saving transaction.
 */
export async function draftTagIds(
  db: Db,
  draft: ArticleDraft & TagAdditions,
  now: number,
  style: 'latin' | 'cyrillic' = 'latin',
): Promise<number[]> {
  const typed = await resolveTags(db, draft.tags, now, style);
  const wanted = [...new Set(draft.addTagIds ?? [])];
  if (wanted.length === 0) return typed;
  const found = await db.selectFrom('tags').select('id').where('id', 'in', wanted).execute();
  const existing = new Set(found.map((r) => r.id));
  return [...new Set([...typed, ...wanted.filter((id) => existing.has(id))])];
}
