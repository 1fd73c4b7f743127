// Locale-aware numbers and plural forms, through Intl so bg gets U+00A0 grouping and its plural rules.

import type { Locale } from './locale.js';

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** "1 234 567" (U+00A0; four-digit numbers are not grouped in bg) / "1,234,567". */
export function formatNumber(n: number, locale: Locale): string {
  // Whole numbers below 1000 look the same in every locale we serve; pages show many of them
  // (comment counts, reactions), and Intl formatting costs more than the rest of the comment.
  if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

export interface PluralForms {
  one: string;
  other: string;
}

/** "1 коментар", "5 коментара", "0 коментара". bg and en only distinguish "one" and "other". */
export function plural(n: number, forms: PluralForms, locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const form = rules.select(n) === 'one' ? forms.one : forms.other;
  return `${formatNumber(n, locale)} ${form}`;
}
