import { describe, expect, it } from 'vitest';
import { fixQuotes } from './typography.js';

describe('fixQuotes (bg)', () => {
  it('fixes the seed headline closed with U+201D', () => {
    expect(fixQuotes('Путин и Оланд договориха съвместни военни действия срещу „Ислямска държава”')).toBe(
      'Путин и Оланд договориха съвместни военни действия срещу „Ислямска държава“',
    );
  });

  it('converts straight, English and guillemet quotes', () => {
    expect(fixQuotes('Премиерът: "Няма да има избори"')).toBe('Премиерът: „Няма да има избори“');
    expect(fixQuotes('Клубът “Левски” спечели.')).toBe('Клубът „Левски“ спечели.');
    expect(fixQuotes('Вестник «Дума» излезе')).toBe('Вестник „Дума“ излезе');
    expect(fixQuotes('„Вече е правилно“')).toBe('„Вече е правилно“');
  });

  it('handles quotes next to punctuation and brackets', () => {
    expect(fixQuotes('("Лукойл"), "Газпром", "Шел".')).toBe('(„Лукойл“), „Газпром“, „Шел“.');
    expect(fixQuotes('Той попита: "Защо?"')).toBe('Той попита: „Защо?“');
  });

  it('turns nested quotes into «…»', () => {
    expect(fixQuotes('"Партия "Възраждане" внесе сигнал"')).toBe('„Партия «Възраждане» внесе сигнал“');
    expect(fixQuotes('„Ще гледаме „Под игото” довечера”')).toBe('„Ще гледаме «Под игото» довечера“');
  });

  it('leaves unbalanced quotes and apostrophes as they are', () => {
    expect(fixQuotes('Той каза "не и повече')).toBe('Той каза "не и повече');
    expect(fixQuotes('Той каза „не и повече')).toBe('Той каза „не и повече');
    expect(fixQuotes('край" на реда')).toBe('край" на реда');
    expect(fixQuotes('a "b" c "d')).toBe('a „b“ c "d');
    expect(fixQuotes("Rock'n'roll и O'Neil")).toBe("Rock'n'roll и O'Neil");
    expect(fixQuotes('Екран 15"6 и " сам')).toBe('Екран 15"6 и " сам');
  });

  it('never touches URLs', () => {
    expect(fixQuotes('Вижте https://example.com/?q="a"&b=1-2 и "отговора"')).toBe(
      'Вижте https://example.com/?q="a"&b=1-2 и „отговора“',
    );
    expect(fixQuotes('Източник: "https://x.bg/a - b".')).toBe('Източник: „https://x.bg/a – b“.');
    expect(fixQuotes('Сайт www.x.bg/2015-2016 - "важно"')).toBe('Сайт www.x.bg/2015-2016 – „важно“');
    expect(fixQuotes('(https://bg.wikipedia.org/wiki/A_(b)-1 - 2)')).toBe(
      '(https://bg.wikipedia.org/wiki/A_(b)-1 – 2)',
    );
  });

  it('makes dashes', () => {
    expect(fixQuotes('Левски - ЦСКА')).toBe('Левски – ЦСКА');
    expect(fixQuotes('сезон 2015-2016 г.')).toBe('сезон 2015–2016 г.');
    expect(fixQuotes('от 9-17 ч.')).toBe('от 9–17 ч.');
    expect(fixQuotes('темп - 3-4%')).toBe('темп – 3–4%');
  });

  it('keeps other hyphens', () => {
    expect(fixQuotes('North-West, COVID-19, 5-6-годишен')).toBe('North-West, COVID-19, 5-6-годишен');
    expect(fixQuotes('на 2015-11-26 тел. 02-981-12-34')).toBe('на 2015-11-26 тел. 02-981-12-34');
    expect(fixQuotes('- списък\nред -ред')).toBe('- списък\nред -ред');
    expect(fixQuotes('код 0888-123456, 1.5-2')).toBe('код 0888-123456, 1.5-2');
  });
});

describe('fixQuotes (en)', () => {
  it('uses curly quotes, nested single', () => {
    expect(fixQuotes('He said "no"', 'en')).toBe('He said “no”');
    expect(fixQuotes('„Sofia” wins', 'en')).toBe('“Sofia” wins');
    expect(fixQuotes('"The "best" day"', 'en')).toBe('“The ‘best’ day”');
    expect(fixQuotes("It's 2015-2016 - don't", 'en')).toBe("It's 2015–2016 – don't");
  });
});
