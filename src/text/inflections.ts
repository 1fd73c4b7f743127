// Help for the light stemmer where one form must find the others (search queries, tag spotting).
// Savoy's rules read "-та" as the feminine article, so the short article of masculine nouns ending in "т" is cut wrongly: президента → президн, but
// президент → президент (also парламента, съвета, бюджета, депутата). The index keeps one term per
// word, so the query asks for the terms of the word's likely forms instead: a search for
// „президент“ also asks for президн, and one for „президента“ also for президент.
import { stemWord } from './tokens.js';

const CYRILLIC_RE = /^[\p{Script=Cyrillic}]+$/u;
/** Endings a typed word may carry: articles, plurals, the vocative-free noun and adjective forms. */
const ENDINGS = ['ът', 'ят', 'та', 'то', 'те', 'ите', 'овете', 'ове', 'ия', 'ият', 'а', 'я', 'о', 'е', 'и'];
/** Forms made from a base: bare, the short and full masculine articles, plural, plural article. */
const FORMS = ['', 'а', 'ът', 'и', 'ите', 'ове', 'овете'];
/** Under this the guesses would mostly be other words. */
const MIN_LENGTH = 4;
export const MAX_VARIANTS = 8;

/** The index terms of a typed (folded) word's likely forms; its own term comes first. */
export function termVariants(word: string): string[] {
  const own = stemWord(word);
  if (word.length < MIN_LENGTH || !CYRILLIC_RE.test(word)) return [own];
  const bases = new Set([word]);
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_LENGTH - 1)
      bases.add(word.slice(0, -ending.length));
  }
  const variants = [own];
  for (const base of bases) {
    for (const form of FORMS) {
      const term = stemWord(base + form);
      // Odd-looking terms (съвета → съв, депутата → депу) are what those forms are indexed under.
      if (term.length >= 3 && !variants.includes(term)) variants.push(term);
    }
  }
  return variants.slice(0, MAX_VARIANTS);
}
