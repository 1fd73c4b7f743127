// Folds the usual tricks for dodging a word list (look-alike letters, spaced letters, stretched
// letters, invisible characters) so that a listed word and its disguises compare equal. The result
// is only for matching: it is never shown or stored. Listed words go through the same function, so
// whatever it does to a word it does to both sides.

// Latin letters (and two digits) that look like Cyrillic ones. Upper-case forms are mapped before
// lower-casing because some are closer in upper case (B/В, H/Н) than in lower case.
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
  A: 'А',
  E: 'Е',
  O: 'О',
  P: 'Р',
  C: 'С',
  X: 'Х',
  Y: 'У',
  K: 'К',
  M: 'М',
  T: 'Т',
  H: 'Н',
  B: 'В',
  '3': 'з',
  '0': 'о',
};

// Zero-width space/joiners, word joiner, BOM and soft hyphen: invisible, so they only ever serve to
// split a word for a filter. Combining marks (\p{M}) are stress accents or strike-through/zalgo
// decoration; NFKC has already composed the ones that form real letters (й stays й).
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]|\p{M}/gu;

// Three or more single letters in a row, split by one and the same space, dot, dash or underscore:
// "г л у п а к", "г.л.у.п.а.к". Two are not enough ("т.е."), and a change of separator ends the run,
// so abbreviations in a sentence ("и т.н.") stay as they are.
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}([ ._-])\p{L}(?:\1\p{L})+(?![\p{L}\p{N}])/gu;

const TOKEN = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const DIGIT = /\p{N}/u;

/**
 * A digit stands for a letter only with no digit beside it and a letter on at least one side:
 * "к0за" and "3ла" are words, while "300лв" and "2026" stay numbers.
 */
function digitIsLetter(chars: string[], i: number): boolean {
  const before = chars[i - 1] ?? '';
  const after = chars[i + 1] ?? '';
  if (DIGIT.test(before) || DIGIT.test(after)) return false;
  return before !== '' || after !== '';
}

function isLookalike(chars: string[], i: number): boolean {
  const ch = chars[i] ?? '';
  if (!(ch in LOOKALIKES)) return false;
  return DIGIT.test(ch) ? digitIsLetter(chars, i) : true;
}

/**
 * Look-alikes are swapped only where the word is really Cyrillic in disguise: a word that mixes
 * Cyrillic with Latin ("глyпак"), or one written wholly in look-alikes ("kypBa"). Ordinary Latin
 * words ("iPhone", "https", "viagra") have letters with no Cyrillic twin and are left alone.
 */
function unmaskToken(token: string): string {
  const chars = [...token];
  const mixed = CYRILLIC.test(token);
  const disguised = LATIN.test(token) && chars.every((ch, i) => !LATIN.test(ch) || isLookalike(chars, i));
  if (!mixed && !disguised) return token;
  return chars.map((ch, i) => (isLookalike(chars, i) ? (LOOKALIKES[ch] ?? ch) : ch)).join('');
}

// The chain normalizes the same texts several times per comment (body and name against two
// lists, the author's recent comments for duplicates, again on their next comment): the last
// results are remembered. Only short texts are kept, so the memory stays small.
const MEMO_ENTRIES = 2048;
const MEMO_MAX_LENGTH = 1500;
const memo = new Map<string, string>();

export function normalizeForMatching(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const result = normalizeUncached(text);
  if (text.length <= MEMO_MAX_LENGTH) {
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
    memo.set(text, result);
  }
  return result;
}

function normalizeUncached(text: string): string {
  return (
    text
      // Compatibility forms (fullwidth, mathematical bold, ligatures) become plain letters.
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      // Join spaced-out letters before the per-word rules, which then see one word.
      .replace(SPACED_LETTERS, (run) => run.replace(/[ ._-]/g, ''))
      .replace(TOKEN, unmaskToken)
      .toLocaleLowerCase('bg')
      // Stretched letters ("глууупак") fold to one; digits are left, so numbers keep their value.
      .replace(/(\p{L})\1+/gu, '$1')
  );
}
