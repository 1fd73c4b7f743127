import { describe, expect, it } from 'vitest';
import { foldWord, terms, tokenize } from './tokens.js';

describe('tokenize', () => {
  it('brings inflected Bulgarian forms to one term', () => {
    expect(terms('държава')).toEqual(terms('държавата'));
    expect(terms('държави')).toEqual(terms('държавата'));
    expect(terms('Народното събрание')).toEqual(terms('Народно събрание'));
  });

  it('joins the -ия nouns that the light stemmer leaves apart', () => {
    for (const group of [
      ['енергия', 'енергията', 'енергии', 'енергиите'],
      ['история', 'историята', 'истории'],
      ['комисия', 'комисията', 'комисии'],
      ['България', 'Българията'],
    ]) {
      expect(new Set(group.map((w) => terms(w)[0])).size, group.join()).toBe(1);
    }
  });

  it('drops function words but keeps content words a news search needs', () => {
    expect(terms('и на за от с в')).toEqual([]);
    expect(terms('първата годишна среща')).toHaveLength(3);
  });

  it('stems English words with Porter and keeps numbers', () => {
    expect(terms('Running elections in 2026')).toEqual(['run', 'elect', '2026']);
  });

  it('folds case, stress marks and the grave-accented и', () => {
    expect(foldWord('ДЪРЖАВА')).toBe('държава');
    expect(foldWord('ня́ма')).toBe('няма');
    expect(foldWord('ѝ')).toBe('и');
    expect(foldWord('Café')).toBe('cafe');
    expect(terms('йод')).toEqual(['йод']);
  });

  it('reports where each word stands', () => {
    const text = '„Ислямска държава“ – анализ';
    const words = tokenize(text).map((t) => text.slice(t.start, t.end));
    expect(words).toEqual(['Ислямска', 'държава', 'анализ']);
  });

  it('splits on punctuation and skips over-long junk', () => {
    expect(terms('социално-икономически')).toHaveLength(2);
    expect(terms(`${'а'.repeat(41)} дума`)).toEqual(['дум']);
  });
});
