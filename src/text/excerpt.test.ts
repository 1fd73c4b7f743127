import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.js';

const length = (s: string): number => Array.from(new Intl.Segmenter().segment(s)).length;

describe('excerpt', () => {
  const lead = 'Путин и Оланд договориха съвместни военни действия срещу „Ислямска държава“.';

  it('returns short text unchanged (whitespace collapsed)', () => {
    expect(excerpt(lead, 200)).toBe(lead);
    expect(excerpt(`  ${lead.replace(' и ', '\n\nи\t')} `, 200)).toBe(lead);
    expect(excerpt('', 10)).toBe('');
  });

  it('cuts at a word boundary and appends …', () => {
    expect(excerpt(lead, 30)).toBe('Путин и Оланд договориха…');
    expect(excerpt(lead, 25)).toBe('Путин и Оланд договориха…');
    expect(excerpt(lead, 24)).toBe('Путин и Оланд…');
  });

  it('never exceeds maxChars including the ellipsis', () => {
    for (let n = 1; n < lead.length + 2; n++) expect(length(excerpt(lead, n))).toBeLessThanOrEqual(n);
  });

  it('trims trailing punctuation and dangling opening quotes', () => {
    expect(excerpt('Първо изречение. Второ изречение тук', 18)).toBe('Първо изречение…');
    expect(excerpt('Левски – ЦСКА 2:1 и още', 10)).toBe('Левски…');
    expect(excerpt('Срещу „Ислямска държава“ и други', 10)).toBe('Срещу…');
    expect(excerpt('Срещу „Ислямска“ и други', 18)).toBe('Срещу „Ислямска“…');
  });

  it('cuts a single long word mid-word', () => {
    expect(excerpt('Здравеопазване', 6)).toBe('Здрав…');
  });

  it('never splits surrogate pairs or emoji sequences', () => {
    const text = '👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽';
    const cut = excerpt(text, 4);
    expect(cut).toBe('👍🏽👍🏽👍🏽…');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(excerpt('ab 🇧🇬🇧🇬🇧🇬 cd', 6)).toBe('ab…');
    expect(excerpt('𝒜𝒜𝒜𝒜𝒜𝒜𝒜', 3)).toBe('𝒜𝒜…');
  });
});
