import type { DemoTag } from './types.js';

// Place and organisation tags name real places and institutions, used neutrally.
// Person tags are the fictional recurring characters of the demo stories.
export const demoTags: DemoTag[] = [
  // Topics
  { key: 'energetika', name: 'Енергетика', kind: 'topic' },
  { key: 'izkustven-intelekt', name: 'Изкуствен интелект', kind: 'topic' },
  { key: 'obrazovanie', name: 'Образование', kind: 'topic' },
  { key: 'zhalt-kod', name: 'Жълт код', kind: 'topic' },
  { key: 'oranzhev-kod', name: 'Оранжев код', kind: 'topic' },
  { key: 'transport', name: 'Транспорт', kind: 'topic' },
  { key: 'turizam', name: 'Туризъм', kind: 'topic' },
  { key: 'evrosredstva', name: 'Евросредства', kind: 'topic' },
  { key: 'kibersigurnost', name: 'Киберсигурност', kind: 'topic' },
  { key: 'zemedelie', name: 'Земеделие', kind: 'topic' },
  { key: 'futbol', name: 'Футбол', kind: 'topic' },
  { key: 'nauka', name: 'Наука', kind: 'topic' },
  { key: 'teatar', name: 'Театър', kind: 'topic' },
  { key: 'knigi', name: 'Книги', kind: 'topic' },
  { key: 'tseni', name: 'Цени', kind: 'topic' },
  { key: 'mladi-talanti', name: 'Млади таланти', kind: 'topic' },
  // Places
  { key: 'sofia', name: 'София', kind: 'place' },
  { key: 'plovdiv', name: 'Пловдив', kind: 'place' },
  { key: 'varna', name: 'Варна', kind: 'place' },
  { key: 'burgas', name: 'Бургас', kind: 'place' },
  { key: 'ruse', name: 'Русе', kind: 'place' },
  { key: 'bryuksel', name: 'Брюксел', kind: 'place' },
  { key: 'rodopi', name: 'Родопи', kind: 'place' },
  { key: 'cherno-more', name: 'Черно море', kind: 'place' },
  { key: 'dunav', name: 'Дунав', kind: 'place' },
  // Organisations
  { key: 'narodno-sabranie', name: 'Народно събрание', kind: 'organisation' },
  { key: 'ministerski-savet', name: 'Министерски съвет', kind: 'organisation' },
  { key: 'evropeyska-komisiya', name: 'Европейска комисия', kind: 'organisation' },
  { key: 'ban', name: 'БАН', kind: 'organisation' },
  { key: 'nimh', name: 'НИМХ', kind: 'organisation' },
  { key: 'bfs', name: 'БФС', kind: 'organisation' },
  { key: 'bnb', name: 'БНБ', kind: 'organisation' },
  { key: 'nsi', name: 'НСИ', kind: 'organisation' },
  { key: 'stolichna-obshtina', name: 'Столична община', kind: 'organisation' },
  // Fictional people
  { key: 'petar-kandev', name: 'Петър Кандев', kind: 'person' },
  { key: 'vesela-drenska', name: 'Весела Дренска', kind: 'person' },
  { key: 'anelia-racheva', name: 'Анелия Рачева', kind: 'person' },
  { key: 'bozhidar-nikolov', name: 'Божидар Николов', kind: 'person' },
  { key: 'teodora-mincheva', name: 'Теодора Минчева', kind: 'person' },
  { key: 'kiril-stavrev', name: 'Кирил Ставрев', kind: 'person' },
  { key: 'lilyana-doychinova', name: 'Лиляна Дойчинова', kind: 'person' },
];
