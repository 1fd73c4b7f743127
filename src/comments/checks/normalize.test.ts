import { describe, expect, it } from 'vitest';
import { normalizeForMatching as normalize } from './normalize.js';

describe('normalizeForMatching', () => {
  it('folds compatibility forms with NFKC (fullwidth, ligatures)', () => {
    expect(normalize('ＧＬＵＰＡＫ')).toBe('glupak');
    expect(normalize('ﬁnal')).toBe('final');
  });

  it('lower-cases Bulgarian text', () => {
    expect(normalize('ГЛУПАК Щастие')).toBe('глупак щастие');
  });

  it('reads Latin look-alikes as Cyrillic inside a Cyrillic word', () => {
    expect(normalize('глyпaк')).toBe('глупак');
    expect(normalize('KУPBA')).toBe('курва');
    expect(normalize('нахалcтво')).toBe('нахалство');
  });

  it('reads a word written wholly in look-alikes as Cyrillic', () => {
    expect(normalize('kypBa')).toBe('курва');
    expect(normalize('KYPBA')).toBe('курва');
  });

  it('reads 3 and 0 as letters inside a word, but keeps numbers', () => {
    expect(normalize('к0за 3ла')).toBe('коза зла');
    expect(normalize('300лв и 2026 г., в 3 часа, 10%')).toBe('300лв и 2026 г., в 3 часа, 10%');
  });

  it('strips zero-width characters, soft hyphens and combining marks', () => {
    expect(normalize('гл\u200Bу\u200Dпа\u00ADк')).toBe('глупак');
    expect(normalize('глупа\u0301к')).toBe('глупак');
    expect(normalize('г\u0336л\u0336у\u0336п\u0336а\u0336к\u0336')).toBe('глупак');
  });

  it('keeps letters that are composed with a mark (й, ѝ)', () => {
    expect(normalize('Нейният двор и ѝ')).toBe('нейният двор и ѝ');
    expect(normalize('и\u0306')).toBe('й');
  });

  it('collapses runs of the same letter', () => {
    expect(normalize('глууупак')).toBe('глупак');
    expect(normalize('ГЛУУУПАААК!!!')).toBe('глупак!!!');
  });

  it('joins three or more spaced single letters', () => {
    expect(normalize('г л у п а к')).toBe('глупак');
    expect(normalize('ти си г.л.у.п.а.к.')).toBe('ти си глупак.');
    expect(normalize('г-л-у-п-а-к и г_л_у_п_а_к')).toBe('глупак и глупак');
  });

  it('does not join two letters, mixed separators or letters next to words', () => {
    expect(normalize('т.е. така')).toBe('т.е. така');
    expect(normalize('и т.н. нататък')).toBe('и т.н. нататък');
    expect(normalize('а и всичко')).toBe('а и всичко');
  });

  it('leaves ordinary Latin words alone', () => {
    expect(normalize('Купих си iPhone и Windows лаптоп')).toBe('купих си iphone и windows лаптоп');
    expect(normalize('Node.js и TypeScript')).toBe('node.js и typescript');
  });

  it('keeps a URL recognisable (only look-alike-only parts turn Cyrillic)', () => {
    const url = normalize('Виж https://dnevnik.bg/bulgaria/2026/11/25/statia');
    expect(url).toBe('виж htps://dnevnik.bg/bulgaria/2026/11/25/statia');
  });
});
