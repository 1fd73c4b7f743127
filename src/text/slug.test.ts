import { describe, expect, it } from 'vitest';
import { decodePathSegment, encodePathSegment, slugify, transliterate } from './slug.js';

// The reference vectors for the Transliteration Act (2009), streamlined system.
const VECTORS: ReadonlyArray<[string, string]> = [
  [
    'Путин и Оланд договориха съвместни военни действия срещу „Ислямска държава”',
    'putin-i-oland-dogovoriha-savmestni-voenni-deystvia-sreshtu-islyamska-darzhava',
  ],
  ['София', 'sofia'],
  ['България', 'bulgaria'],
  ['Българията', 'balgariyata'],
  ['Щастие', 'shtastie'],
  ['Юлия', 'yulia'],
  ['Сияна', 'siyana'],
  ['Синьо', 'sinyo'],
  ['Йод', 'yod'],
  ['Добруджа', 'dobrudzha'],
  ['Ракка', 'rakka'],
  ['Жълт код', 'zhalt-kod'],
];

describe('slugify (latin)', () => {
  it.each(VECTORS)('%s → %s', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it('covers the whole letter table', () => {
    expect(slugify('абвгдежзийклмнопрстуфхцчшщъьюя')).toBe('abvgdezhziyklmnoprstufhtschshshtayyuya');
  });

  it('keeps digits and splits on everything else', () => {
    expect(slugify('Бюджет 2025: 1,5 млрд. лв.')).toBe('byudzhet-2025-1-5-mlrd-lv');
    expect(slugify('COVID-19 в София')).toBe('covid-19-v-sofia');
  });

  it('handles mixed Latin and Cyrillic, and Latin diacritics', () => {
    expect(slugify('Macron и Ердоган в Café Zürich')).toBe('macron-i-erdogan-v-cafe-zurich');
    expect(slugify('Straße Łódź Øresund')).toBe('strasse-lodz-oresund');
  });

  it('drops apostrophes inside words', () => {
    expect(slugify("Пловдив – Europe’s capital, O'Neil's")).toBe('plovdiv-europes-capital-oneils');
  });

  it('drops emoji, „quotes“ and dashes', () => {
    expect(slugify('🔥 Горещо: „Левски“ – „ЦСКА“ — 2:1 🎉')).toBe('goreshto-levski-tsska-2-1');
  });

  it('returns empty string when nothing is left', () => {
    expect(slugify('„“ – … !!! 🎉')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('maps ѝ to i', () => {
    expect(slugify('Дадох ѝ цвете')).toBe('dadoh-i-tsvete');
  });

  it('applies Art. 5 per word, Art. 6 only to the whole word', () => {
    expect(slugify('Мария и Юлия от България, но Българията')).toBe(
      'maria-i-yulia-ot-bulgaria-no-balgariyata',
    );
    expect(slugify('ия')).toBe('ia');
    expect(slugify('БЪЛГАРИЯ')).toBe('bulgaria');
  });

  it('normalises to NFC first (decomposed й)', () => {
    expect(slugify('Майка и ѝ'.normalize('NFD'))).toBe('mayka-i-i');
  });

  it('drops stress marks on Cyrillic', () => {
    expect(slugify('ру\u0301ски')).toBe('ruski');
  });

  it('cuts long titles at a word boundary (default 90)', () => {
    const title =
      'Правителството одобри законопроекта за държавния бюджет на Република България за 2026 година ' +
      'след дълги дебати';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(90);
    expect(slug).toBe(
      'pravitelstvoto-odobri-zakonoproekta-za-darzhavnia-byudzhet-na-republika-bulgaria-za-2026',
    );
    expect(slug.endsWith('-')).toBe(false);
  });

  it('respects maxLength and only splits a word when the first word is too long', () => {
    expect(slugify('Жълт код за София', { maxLength: 12 })).toBe('zhalt-kod-za');
    expect(slugify('Жълт код за София', { maxLength: 11 })).toBe('zhalt-kod');
    expect(slugify('Здравеопазване', { maxLength: 5 })).toBe('zdrav');
  });
});

describe('slugify (cyrillic)', () => {
  it('keeps Cyrillic letters lower-case', () => {
    expect(slugify(VECTORS[0]![0], { style: 'cyrillic' })).toBe(
      'путин-и-оланд-договориха-съвместни-военни-действия-срещу-ислямска-държава',
    );
  });

  it('normalises ѝ to и and strips Latin diacritics', () => {
    expect(slugify('Дадох ѝ Café', { style: 'cyrillic' })).toBe('дадох-и-cafe');
  });

  it('cuts by characters, not encoded bytes', () => {
    expect(slugify('Жълт код за София', { style: 'cyrillic', maxLength: 11 })).toBe('жълт-код-за');
  });
});

describe('transliterate', () => {
  it('preserves case sensibly', () => {
    expect(transliterate('София')).toBe('Sofia');
    expect(transliterate('Жълт код')).toBe('Zhalt kod');
    expect(transliterate('ЖЪЛТ КОД')).toBe('ZHALT KOD');
    expect(transliterate('Ж')).toBe('Zh');
    expect(transliterate('Щастие')).toBe('Shtastie');
    expect(transliterate('ЮЛИЯ')).toBe('YULIA');
    expect(transliterate('БЪЛГАРИЯ')).toBe('BULGARIA');
  });

  it('applies Art. 5 and Art. 6', () => {
    expect(transliterate('Юлия и Сияна')).toBe('Yulia i Siyana');
    expect(transliterate('България и Българията')).toBe('Bulgaria i Balgariyata');
    expect(transliterate('Република България.')).toBe('Republika Bulgaria.');
  });

  it('passes other characters through', () => {
    expect(transliterate('„Левски“ – 2:1, café 🎉')).toBe('„Levski“ – 2:1, café 🎉');
    expect(transliterate('Ёлка')).toBe('Ёlka');
  });

  it('normalises to NFC', () => {
    expect(transliterate('Йод'.normalize('NFD'))).toBe('Yod');
  });
});

describe('path segments', () => {
  it('percent-encodes Cyrillic slugs', () => {
    expect(encodePathSegment('путин-и-оланд')).toBe(
      '%D0%BF%D1%83%D1%82%D0%B8%D0%BD-%D0%B8-%D0%BE%D0%BB%D0%B0%D0%BD%D0%B4',
    );
    expect(encodePathSegment('a/b?c#d e')).toBe('a%2Fb%3Fc%23d%20e');
    expect(encodePathSegment('sofia-2025')).toBe('sofia-2025');
  });

  it('never throws on lone surrogates', () => {
    expect(encodePathSegment('a\uD800b')).toBe('a%EF%BF%BDb');
  });

  it('round-trips', () => {
    const slug = slugify(VECTORS[0]![0], { style: 'cyrillic' });
    expect(decodePathSegment(encodePathSegment(slug))).toBe(slug);
  });

  it('returns null on malformed encoding', () => {
    expect(decodePathSegment('%')).toBeNull();
    expect(decodePathSegment('%E0%A4%A')).toBeNull();
    expect(decodePathSegment('%D0')).toBeNull();
    expect(decodePathSegment('%ZZ')).toBeNull();
  });

  it('decodes to NFC', () => {
    expect(decodePathSegment(encodeURIComponent('й'.normalize('NFD')))).toBe('й');
  });
});
