import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BANNED_BG,
  DEFAULT_BANNED_EN,
  DEFAULT_SUSPECT_BG,
  DEFAULT_SUSPECT_EN,
  findListedWord,
} from './words.js';

const ALL_DEFAULTS = [
  ...DEFAULT_BANNED_BG,
  ...DEFAULT_BANNED_EN,
  ...DEFAULT_SUSPECT_BG,
  ...DEFAULT_SUSPECT_EN,
];

describe('findListedWord', () => {
  it('finds a whole word and returns the entry as listed', () => {
    expect(findListedWord('Ти си глупак.', ['глупак'])).toBe('глупак');
    expect(findListedWord('Ти си ГЛУПАК.', ['Глупак'])).toBe('Глупак');
  });

  it('treats an entry as a stem', () => {
    expect(findListedWord('Глупаците пак спорят', ['глупак'])).toBe('глупак');
    expect(findListedWord('Глупакът пак спори', ['глупак'])).toBe('глупак');
    expect(findListedWord('едни глупаци', ['глупак'])).toBe('глупак');
    expect(findListedWord('Монасите', ['монах'])).toBe('монах');
    expect(findListedWord('глупацки', ['глупак'])).toBeNull();
  });

  it('never matches inside or at the end of another word', () => {
    expect(findListedWord('Безглупаков текст', ['глупак'])).toBeNull();
    expect(findListedWord('синглупак', ['глупак'])).toBeNull();
  });

  it('finds disguised words', () => {
    const list = ['глупак'];
    expect(findListedWord('глyпaк', list)).toBe('глупак');
    expect(findListedWord('г л у п а к', list)).toBe('глупак');
    expect(findListedWord('г.л.у.п.а.к!', list)).toBe('глупак');
    expect(findListedWord('глууупааак', list)).toBe('глупак');
    expect(findListedWord('гл\u200Bупак', list)).toBe('глупак');
  });

  it('matches a phrase only when its words stand together', () => {
    expect(findListedWord('Кредити без поръчители!', ['кредит без'])).toBe('кредит без');
    expect(findListedWord('Кредитът без лихва', ['кредит без'])).toBe('кредит без');
    expect(findListedWord('Кредит, но не и без гаранции', ['кредит без'])).toBeNull();
  });

  it('matches short words of an entry only whole', () => {
    expect(findListedWord('мамка ти', ['мамка ти'])).toBe('мамка ти');
    expect(findListedWord('мамка тия неща', ['мамка ти'])).toBeNull();
  });

  it('returns null for empty text or empty entries', () => {
    expect(findListedWord('', ['глупак'])).toBeNull();
    expect(findListedWord('текст', ['', '  '])).toBeNull();
  });

  it('finds default entries, Bulgarian and English', () => {
    expect(findListedWord('Ах, ти курво... не, курвата', DEFAULT_BANNED_BG)).toBe('курва');
    expect(findListedWord('kypBa', DEFAULT_BANNED_BG)).toBe('курва');
    expect(findListedWord('Най-доброто КАЗИНО онлайн', DEFAULT_SUSPECT_BG)).toBe('казино');
    expect(findListedWord('Бързи пари от вкъщи', DEFAULT_SUSPECT_BG)).toBe('бързи пари');
    expect(findListedWord('cheap VIAGRA here', DEFAULT_SUSPECT_EN)).toBe('viagra');
    expect(findListedWord('what the fucking hell', DEFAULT_BANNED_EN)).toBe('fuck');
  });

  it('does not flag ordinary news comments with the default lists', () => {
    const clean = [
      'Купих си iPhone от https://www.example.com/kak-se-pravi?x=1, струваше 2000 лв.',
      'Залозите на тези избори са високи, т.е. всичко е възможно.',
      'Педалите на колелото се счупиха край Казанлък.',
      'Парите от кредита отидоха за поддръжка на пътищата.',
      'Nigeria and Niger signed a trade deal.',
      'Ти ли си? Мамка му, каква новина!',
    ];
    for (const text of clean) expect(findListedWord(text, ALL_DEFAULTS), text).toBeNull();
  });
});
