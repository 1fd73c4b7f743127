// Words of the feeds: their titles and descriptions, and the links pages show to them.

const bg = {
  /** A section, topic or author feed's title: "Вестник – Спорт". */
  title: (site: string, name: string) => `${site} – ${name}`,
  sectionDescription: (name: string) => `Най-новото от рубриката „${name}“.`,
  topicDescription: (name: string) => `Статиите по темата „${name}“.`,
  authorDescription: (name: string) => `Статиите на ${name}.`,
  /** The title of a <link rel="alternate"> in the page head. */
  discovery: (feedTitle: string) => `${feedTitle} (RSS)`,
  /** The visible link on section, topic and author pages, and in the footer. */
  link: 'RSS',
  linkTitle: (name: string) => `Абонамент за „${name}“ чрез RSS`,
  siteLinkTitle: 'Абонамент за всички новини чрез RSS',
};

type FeedWords = typeof bg;

const en: FeedWords = {
  title: (site: string, name: string) => `${site} – ${name}`,
  sectionDescription: (name: string) => `The latest from ${name}.`,
  topicDescription: (name: string) => `Articles on ${name}.`,
  authorDescription: (name: string) => `Articles by ${name}.`,
  discovery: (feedTitle: string) => `${feedTitle} (RSS)`,
  link: 'RSS',
  linkTitle: (name: string) => `Follow ${name} by RSS`,
  siteLinkTitle: 'Follow all the news by RSS',
};

export const feedMessages = { bg, en };
export type FeedMessages = FeedWords;
