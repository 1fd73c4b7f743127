// Word lists for moderation. Both the comment and each listed entry are normalized the same way, then
// compared word by word, so a listed word is found in its disguises but never inside another word.
import { normalizeForMatching } from './normalize.js';

// Entries are stems: "курва" also finds "курвата". An entry of several words is a phrase: each of its
// words is a stem and they must stand next to each other. Entries go through normalizeForMatching, so
// choose them with that in mind: a stem must not start ordinary words ("педал" would catch the bicycle
// pedal), and a doubled letter folds to one ("nigger" would become "niger" and catch "Nigeria").

/** Crude insults and slurs: a comment with one is rejected. */
export const DEFAULT_BANNED_BG: readonly string[] = [
  'курва',
  'курви',
  'путка',
  'педерас',
  'ебан',
  'мамка ти',
  'да ти еба',
  'мръсни цигани',
  'мръсен циганин',
];

/** Words typical of spam and ads: a comment with one waits for a moderator. */
export const DEFAULT_SUSPECT_BG: readonly string[] = [
  'казино',
  'кредит без',
  'бърз кредит',
  'бързи пари',
  'лесни пари',
  // "залози" alone also means the stakes of an election; only the betting kind is suspect.
  'онлайн залози',
  'спортни залози',
  'виагра',
  'печелете',
];

export const DEFAULT_BANNED_EN: readonly string[] = ['fuck', 'motherfuck', 'cunt', 'whore', 'faggot'];

export const DEFAULT_SUSPECT_EN: readonly string[] = [
  'casino',
  'viagra',
  'cialis',
  'online betting',
  'easy money',
  'fast money',
  'payday loan',
  'loan without',
];

// Words this short are too common as the start of others ("ти" → "тия"): they match only whole.
const MIN_STEM = 3;

function wordsOf(text: string): string[] {
  return normalizeForMatching(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

// Bulgarian masculine plurals soften the last consonant before -и: глупак → глупаци, глупаците;
// монах → монаси; бряг → брези. A stem ending in к, г or х also matches that plural form.
const PLURAL_SOFTENING: Record<string, string> = { к: 'ц', г: 'з', х: 'с' };

function startsWithStem(word: string, stem: string): boolean {
  if (word.startsWith(stem)) return true;
  const soft = PLURAL_SOFTENING[stem.slice(-1)];
  return soft !== undefined && word.startsWith(`${stem.slice(0, -1)}${soft}и`);
}

function matchesAt(words: string[], at: number, phrase: string[]): boolean {
  return phrase.every((part, k) => {
    const word = words[at + k];
    if (word === undefined) return false;
    return [...part].length < MIN_STEM ? word === part : startsWithStem(word, part);
  });
}

/** The first entry of `list` (as written in the list) found in `text`, or null. */
// Lists change rarely and every comment is checked against them: normalize each list once.
const preparedLists = new WeakMap<readonly string[], { entry: string; phrase: string[] }[]>();

function prepared(list: readonly string[]) {
  let entries = preparedLists.get(list);
  if (!entries) {
    entries = list.map((entry) => ({ entry, phrase: wordsOf(entry) })).filter((e) => e.phrase.length > 0);
    preparedLists.set(list, entries);
  }
  return entries;
}

export function findListedWord(text: string, list: readonly string[]): string | null {
  const words = wordsOf(text);
  if (words.length === 0) return null;
  for (const { entry, phrase } of prepared(list)) {
    for (let at = 0; at + phrase.length <= words.length; at++) {
      if (matchesAt(words, at, phrase)) return entry;
    }
  }
  return null;
}
