import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeLines, extractPageText } from './page-text.js';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const fixture = (name: string) => resolve('..', 'shared', 'fixtures', 'pages', name);

describe('extractPageText on a scraped news page', () => {
  const text = readFileSync(fixture('manager-bg-putin-olland.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(fixture('manager-bg-putin-olland.expected.json'), 'utf8')) as {
    title: string;
    paragraphs: string[];
    boilerplate_examples: string[];
  };

  it('gives exactly the title and the paragraphs, whitespace collapsed', () => {
    const page = extractPageText(text);
    expect(page?.title).toBe(collapse(expected.title));
    expect(page?.titleLine).toBe(1);
    expect(page?.paragraphs).toEqual(expected.paragraphs.map(collapse));
  });

  it('keeps none of the boilerplate', () => {
    const page = extractPageText(text);
    for (const junk of expected.boilerplate_examples) expect(page?.paragraphs).not.toContain(collapse(junk));
  });

  it('describes the lines: the repeated title, the headline list, the UI words', () => {
    const lines = describeLines(text);
    const byText = (start: string) => lines.find((l) => l.text.startsWith(start));
    expect(byText('Путин и Оланд')?.repeats).toBe(1);
    expect(byText('158-годишна')?.inList).toBe(true);
    expect(byText('Коментари')?.uiWord).toBe(true);
    expect(byText('Коментари')?.prose).toBe(false);
    expect(byText('Русия нанесе')?.prose).toBe(true);
  });
});

// Pages of our own, shaped differently, so the rules are not tuned to one file.
const NOT_REPEATED = `Начало
Общество
Спорт
Вход

Общината ще засади двеста липи в новия парк край реката

14 март 2024, 10:15

Двеста млади липи ще бъдат засадени до края на април в новия парк край реката, съобщиха от общината. Дърветата идват от общинския разсадник.

Доброволци могат да се запишат в читалището до петък. Инструментите и ръкавиците ще бъдат осигурени на място.

Паркът ще бъде отворен за посетители от началото на юни, когато приключи и поливната система.

23 коментара
Сподели
`;

const LINKS_AT_END = `Учениците от трети клас построиха метеорологична станция
Учениците от трети клас в село Брезово построиха собствена метеорологична станция в двора на училището.
Всяка сутрин дежурен записва температурата, валежите и посоката на вятъра в общ дневник.
Учителката им казва, че децата вече спорят за облаците повече, отколкото за футбол.

Още от рубриката
Библиотеката удължава работното си време през лятото
Нов автобус тръгва до гарата от понеделник
Кметът обеща ремонт на моста до есента
Учениците от трети клас построиха метеорологична станция
`;

const ENGLISH = `Home
World
Business
Sign in

Harbour town votes to restore its old wooden pier

By a staff reporter
5 min read

Residents of the harbour town voted on Sunday to restore the wooden pier that has stood closed for almost a decade.

The council will ask local carpenters for offers in the spring, and work could start before the summer season.

"We grew up fishing from that pier," said one of the organisers of the vote. "Our children should too."

Related stories
Ferry timetable changes for the winter months
New bakery opens on the old market square
Lighthouse keeper retires after thirty years
© 2024 Example Media. All rights reserved.
`;

describe('extractPageText on other shapes of page', () => {
  it('finds a title that is not repeated, below a menu and above a date line', () => {
    const page = extractPageText(NOT_REPEATED);
    expect(page?.title).toBe('Общината ще засади двеста липи в новия парк край реката');
    expect(page?.titleLine).toBe(6);
    expect(page?.paragraphs).toHaveLength(3);
    expect(page?.paragraphs[0]).toMatch(/^Двеста млади липи/);
    expect(page?.paragraphs[2]).toMatch(/поливната система\.$/);
  });

  it('stops before a list of links at the end, even one repeating the title', () => {
    const page = extractPageText(LINKS_AT_END);
    expect(page?.title).toBe('Учениците от трети клас построиха метеорологична станция');
    expect(page?.paragraphs).toEqual([
      'Учениците от трети клас в село Брезово построиха собствена метеорологична станция в двора на училището.',
      'Всяка сутрин дежурен записва температурата, валежите и посоката на вятъра в общ дневник.',
      'Учителката им казва, че децата вече спорят за облаците повече, отколкото за футбол.',
    ]);
  });

  it('reads an English page: no byline, no reading time, no related list, no copyright line', () => {
    const page = extractPageText(ENGLISH);
    expect(page?.title).toBe('Harbour town votes to restore its old wooden pier');
    expect(page?.paragraphs).toHaveLength(3);
    expect(page?.paragraphs[2]).toBe(
      '"We grew up fishing from that pier," said one of the organisers of the vote. "Our children should too."',
    );
    expect(page?.paragraphs.join(' ')).not.toMatch(/Related|Example Media|min read|staff reporter/);
  });

  it('finds nothing in a page without prose', () => {
    expect(extractPageText('Начало\nНовини\nСпорт\nВход\n')).toBeNull();
    expect(extractPageText('')).toBeNull();
  });
});
