// Our port of the Bulgarian light stemmer by Jacques Savoy, as Lucene, Elasticsearch and OpenSearch
// ship it ("bulgarian"), so our index agrees with theirs. The only npm port throws on its rewrite
// rules (docs/decisions.md). Input must be lower-case Cyrillic; n is the word length.

function ends(s: string, suffix: string): boolean {
  return s.endsWith(suffix);
}

function removeArticle(s: string): string {
  const n = s.length;
  if (n > 6 && ends(s, 'ият')) return s.slice(0, -3);
  if (n > 5 && (ends(s, 'ът') || ends(s, 'то') || ends(s, 'те') || ends(s, 'та') || ends(s, 'ия')))
    return s.slice(0, -2);
  if (n > 4 && ends(s, 'ят')) return s.slice(0, -2);
  return s;
}

function removePlural(s: string): string {
  const n = s.length;
  if (n > 6) {
    if (ends(s, 'овци')) return s.slice(0, -3); // keeps the "о"
    if (ends(s, 'ове')) return s.slice(0, -3);
    if (ends(s, 'еве')) return `${s.slice(0, -3)}й`;
  }
  if (n > 5) {
    if (ends(s, 'ища')) return s.slice(0, -3);
    if (ends(s, 'та')) return s.slice(0, -2);
    if (ends(s, 'ци')) return `${s.slice(0, -2)}к`;
    if (ends(s, 'зи')) return `${s.slice(0, -2)}г`;
    // "-е-и" plurals whose singular has "я": промени → промян
    if (s[n - 3] === 'е' && s[n - 1] === 'и') return `${s.slice(0, -3)}я${s[n - 2]}`;
  }
  if (n > 4) {
    if (ends(s, 'си')) return `${s.slice(0, -2)}х`;
    if (ends(s, 'и')) return s.slice(0, -1);
  }
  return s;
}

/** The stem of one lower-case Bulgarian word. */
export function stemBulgarian(word: string): string {
  if (word.length < 4) return word;
  if (word.length > 5 && ends(word, 'ища')) return word.slice(0, -3);
  let s = removePlural(removeArticle(word));
  if (s.length > 3) {
    if (ends(s, 'я')) s = s.slice(0, -1);
    if (ends(s, 'а') || ends(s, 'о') || ends(s, 'е')) s = s.slice(0, -1);
  }
  // The paper lists "ен → н" twice; like Lucene we apply it once.
  if (s.length > 4 && ends(s, 'ен')) s = `${s.slice(0, -2)}н`;
  if (s.length > 5 && s[s.length - 2] === 'ъ') s = `${s.slice(0, -2)}${s[s.length - 1]}`;
  return s;
}
