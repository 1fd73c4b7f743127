import { describe, expect, it } from 'vitest';
import { judgeSpam, spamScore, spamScoreCheck, spamSignals } from './spam-score.js';
import { context, submission } from './testing.js';

// Comments as readers of a Bulgarian news site write them: none may reach more than 1 point.
const ORDINARY = [
  'Много добър анализ! Дано някой от управляващите го прочете, защото положението с болниците е трагично.',
  'Кога най-накрая ще ремонтират пътя Своге – Мездра? Всяка зима едно и също...',
  'Не съм съгласен с автора. Инфлацията през 2025 г. беше 3,7%, а не 5%, вижте данните на НСИ.',
  'Бях на протеста пред Народното събрание, бяхме поне 10 000 души, а по телевизията казаха 2000.',
  'Купих си iPhone-а от https://www.emag.bg/telefoni преди месец и още не е пристигнал!!!',
  'Браво на момчетата от националния отбор!!! Заслужена победа.',
  'ГЕРБ, ДПС и БСП пак не могат да се разберат за бюджета.',
  'НЕ МОЖЕ ДА БЪДЕ! Пак ли?',
  'Сигналът за дупката е подаден на 112 и на тел. 02 987 65 43 в общината, никой не вдига.',
  'Telegram има 900 000 000 потребители, а у нас всички са във Viber групи на блока.',
  'Пишете ми на ivan.petrov@abv.bg, ако имате снимки от наводнението.',
  'Цената е 1 200 000 лв. за 80 кв.м в Лозенец, ммм... не мерси.',
  'Т.е. пак ще плащаме ние, както винаги. Жалко.....',
];

describe('spamSignals', () => {
  it('scores ordinary Bulgarian comments 0–1', () => {
    for (const body of ORDINARY)
      expect(spamScore(body), `${body} ${JSON.stringify(spamSignals(body))}`).toBeLessThanOrEqual(1);
  });

  it('finds shouting only in longer texts that are mostly upper case', () => {
    expect(spamSignals('ТОВА Е ПЪЛЕН АБСУРД, КОЙ ЩЕ ПЛАЩА ЗА ВСИЧКО ТОВА').caps).toBe(2);
    expect(spamSignals('СТОП').caps).toBeUndefined();
    expect(spamSignals('Това е ПЪЛЕН абсурд, кой ще плаща за всичко това').caps).toBeUndefined();
  });

  it('finds runs of one letter, of ! and ?, and of other symbols', () => {
    expect(spamSignals('Уаааааау').repeat).toBe(1);
    expect(spamSignals('Кой ще плати?!?!').repeat).toBe(1);
    expect(spamSignals('ПЕЧЕЛИ $$$$$ !!!!! сегааааа').repeat).toBe(2);
    expect(spamSignals('Цена 100000 лв..... и толкова').repeat).toBeUndefined();
  });

  it('finds many links and link shorteners', () => {
    expect(spamSignals('Вижте https://a.bg, https://b.bg и https://c.bg тук').links).toBe(2);
    for (const link of ['bit.ly/3xYzAb', 'https://tinyurl.com/yc4kz', 't.me/kazino_bg', 'goo.gl/abc']) {
      expect(spamSignals(`Регистрирай се тук ${link} още днес`).shortener, link).toBe(3);
    }
    expect(spamSignals('Имейлът е at.me/x').shortener).toBeUndefined();
  });

  it('finds Bulgarian phone numbers in their usual forms', () => {
    for (const number of [
      '0888 123 456',
      '0888123456',
      '089 123 4567',
      '0878-12-34-56',
      '+359 88 812 3456',
      '+359888123456',
      '00359 2 987 6543',
    ]) {
      expect(spamSignals(`Обадете се на ${number} сега`).phone, number).toBe(2);
    }
    for (const other of ['2008 година', '08.11.2025', '0,89 лв', '112', '02 987 65 43']) {
      expect(spamSignals(`Видях ${other} в новините`).phone, other).toBeUndefined();
    }
  });

  it('finds email addresses', () => {
    expect(spamSignals('Пишете на promo@gmail.com').email).toBe(1);
    expect(spamSignals('Среща @ 18 ч.').email).toBeUndefined();
  });

  it('finds words that mix Latin and Cyrillic letters', () => {
    expect(spamSignals('Най-доброто kaзинo').mixed).toBe(2);
    expect(spamSignals('Пaри бързo').mixed).toBe(3);
    expect(spamSignals('Пaри бързo, лeснo и сигурнo').mixed).toBe(5);
    expect(spamSignals('Новият iPhone-ът и Windows').mixed).toBeUndefined();
  });

  it('finds messenger invites only with a number or handle to reach', () => {
    expect(spamSignals('Пишете във Viber 0888123456').messenger).toBe(3);
    expect(spamSignals('пиши ми на вайбър +359 88 123 4567').messenger).toBe(3);
    expect(spamSignals('Telegram: @easy_money_bg').messenger).toBe(3);
    expect(spamSignals('WhatsApp на 0899 11 22 33').messenger).toBe(3);
    expect(spamSignals('Telegram блокира канала').messenger).toBeUndefined();
  });

  it('finds a body that is nothing but links', () => {
    expect(spamSignals('https://spam.example.com/offer').onlyLinks).toBe(3);
    expect(spamSignals('  bit.ly/3xYz !!! ').onlyLinks).toBe(3);
    expect(spamSignals('Вижте https://dnevnik.bg/x').onlyLinks).toBeUndefined();
  });
});

describe('spam score', () => {
  const SPAM = [
    'Бързи кредити без поръчители! Обадете се на 0888 123 456 или пишете във Viber!',
    'https://bit.ly/3xYzAbc',
    'Печелете с kaзинo онлайн → t.me/kazino_bg',
    'ИСКАТЕ ЛИ ДА ПЕЧЕЛИТЕ ПО 500 ЛВ НА ДЕН ОТ ВКЪЩИ?!?! ПИШЕТЕ НА WHATSAPP +359 89 765 4321',
    'Зaпoчни дa пeчeлиш oщe днec, пишe ми нa promo.bg@gmail.com',
    'https://a.example https://b.example https://c.example',
  ];

  it('reaches the default threshold of 5 for typical spam', () => {
    for (const body of SPAM)
      expect(spamScore(body), `${body} ${JSON.stringify(spamSignals(body))}`).toBeGreaterThanOrEqual(5);
  });

  it('adds the points of the signals', () => {
    const body = 'ОБАДЕТЕ СЕ ВЕДНАГА НА НОМЕР 0888 123 456 ЗА ПОДАРЪК!!!!!';
    expect(spamSignals(body)).toEqual({ caps: 2, repeat: 1, phone: 2 });
    expect(spamScore(body)).toBe(5);
  });

  it('holds a comment at or above the threshold, listing the signals', () => {
    const body = 'ОБАДЕТЕ СЕ ВЕДНАГА НА НОМЕР 0888 123 456 ЗА ПОДАРЪК!!!!!';
    expect(spamScoreCheck(submission(body), context({ settings: { spamThreshold: 5 } }))).toEqual({
      status: 'pending',
      reason: 'spam-score',
      detail: 'caps:2,repeat:1,phone:2',
    });
    expect(spamScoreCheck(submission(body), context({ settings: { spamThreshold: 6 } }))).toBeNull();
    expect(judgeSpam({}, 1)).toBeNull();
  });
});
