// Slugs and transliteration per the Bulgarian Transliteration Act (2009), "streamlined system".
// No npm package gets Art. 5 and Art. 6 right (each fails a vector in slug.test.ts), so the table lives here.

// biome-ignore format: the letter table reads best as a table
const LETTERS: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya', ѝ: 'i',
};

// Latin letters that NFD does not decompose into base + mark.
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ı: 'i',
};

const WORD_RE = /[\p{L}\p{M}]+/gu;
const MARK_RE = /\p{M}/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

function applyCase(latin: string, sourceIsUpper: boolean, wordIsAllCaps: boolean): string {
  if (!sourceIsUpper) return latin;
  // "Жълт" → "Zhalt", but "ЖЪЛТ" → "ZHALT": only an all-caps word keeps digraphs all-caps.
  if (wordIsAllCaps) return latin.toUpperCase();
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

function transliterateWord(word: string): string {
  const lower = word.toLowerCase();
  const cased = [...word].filter((ch) => UPPER_RE.test(ch) || LOWER_RE.test(ch));
  const allCaps = cased.length > 1 && cased.every((ch) => UPPER_RE.test(ch));

  // Art. 6: the country name is an exception, but only as the whole word (Българията → Balgariyata).
  if (lower === 'българия') {
    if (allCaps) return 'BULGARIA';
    return UPPER_RE.test(word.charAt(0)) ? 'Bulgaria' : 'bulgaria';
  }

  const chars = [...word];
  // Index of the last letter, ignoring trailing combining marks (e.g. a stress accent on "я́").
  let lastLetter = chars.length - 1;
  while (lastLetter > 0 && MARK_RE.test(chars[lastLetter] ?? '')) lastLetter--;

  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const low = ch.toLowerCase();
    let latin = LETTERS[low];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    // Art. 5: word-final "ия" is "ia" (София → Sofia); inside a word it stays "iya" (Сияна → Siyana).
    if (low === 'я' && i === lastLetter && i > 0 && (chars[i - 1] ?? '').toLowerCase() === 'и') latin = 'a';
    out += applyCase(latin, ch !== low, allCaps);
  }
  return out;
}

/** Transliterates Bulgarian Cyrillic to Latin, keeping letter case; other characters pass through. */
export function transliterate(text: string): string {
  return text.normalize('NFC').replace(WORD_RE, transliterateWord);
}

/** é → e, ß → ss; Cyrillic and other scripts are left alone (NFD would break й and ѝ). */
function stripLatinDiacritics(text: string): string {
  return text
    .replace(/\p{Script=Latin}/gu, (ch) => LATIN_EXTRA[ch] ?? ch.normalize('NFD').replace(/\p{M}+/gu, ''))
    .replace(/(?<=[\p{Script=Latin}\p{Script=Cyrillic}])\p{M}+/gu, '');
}

export interface SlugOptions {
  style?: 'latin' | 'cyrillic';
  maxLength?: number;
}

/** Cuts at a hyphen so no word is split, unless the first word alone is too long. */
function truncateSlug(slug: string, maxLength: number): string {
  const points = [...slug];
  if (points.length <= maxLength) return slug;
  let result = '';
  let length = 0;
  for (const word of slug.split('-')) {
    const wordLength = [...word].length;
    const added = result === '' ? wordLength : wordLength + 1;
    if (length + added > maxLength) break;
    result = result === '' ? word : `${result}-${word}`;
    length += added;
  }
  return result === '' ? points.slice(0, maxLength).join('') : result;
}

/**
 * URL slug of a title. Latin (default) transliterates; cyrillic keeps lower-case Cyrillic letters.
 * maxLength counts code points of the unencoded slug. Returns '' when nothing is left.
 */
export function slugify(text: string, options: SlugOptions = {}): string {
  const { style = 'latin', maxLength = 90 } = options;
  let s = text.normalize('NFC').toLowerCase();
  // ѝ is "и" with a disambiguating grave accent; in a Cyrillic slug the plain letter is what people type.
  s = style === 'latin' ? transliterate(s) : s.replace(/ѝ/g, 'и');
  s = stripLatinDiacritics(s).normalize('NFC');
  // An apostrophe inside a word does not split it: "Europe's" → "europes", not "europe-s".
  s = s.replace(/(?<=[\p{L}\p{N}])['\u2019\u02BC](?=\p{L})/gu, '');
  const slug = s
    .split(/[^\p{L}\p{M}\p{Nd}]+/u)
    .filter((part) => part !== '')
    .join('-');
  return truncateSlug(slug, Math.max(1, maxLength));
}

// Lone surrogates would make encodeURIComponent throw; replace them with U+FFFD instead.
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes a (possibly Cyrillic) slug for a URL path segment. */
export function encodePathSegment(slug: string): string {
  // Transliterated slugs need no encoding; links are built for every card on every page.
  if (PLAIN_SEGMENT_RE.test(slug)) return slug;
  return encodeURIComponent(slug.replace(LONE_SURROGATE_RE, '\uFFFD'));
}

const PLAIN_SEGMENT_RE = /^[A-Za-z0-9_.~-]*$/;

/** Decodes a path segment; null on malformed percent-encoding. NFC so lookups match stored slugs. */
export function decodePathSegment(seg: string): string | null {
  try {
    return decodeURIComponent(seg).normalize('NFC');
  } catch {
    return null;
  }
}
