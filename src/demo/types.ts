// The shape of the demo newsroom's content. The data files beside this one are original
// text written for Vestnik; times are relative so a fresh install always looks current.

export type DemoCategoryKey =
  | 'svyat'
  | 'bulgaria'
  | 'ikonomika'
  | 'tehnologii'
  | 'sport'
  | 'kultura'
  | 'vremeto';

export type TagKind = 'topic' | 'person' | 'place' | 'organisation';

export interface DemoAuthor {
  key: string;
  name: string;
  /** A short job title shown on the author page, e.g. "Репортер, отдел „Свят“". */
  title: string;
  bio: string;
}

export interface DemoTag {
  key: string;
  name: string;
  kind: TagKind;
}

/** A body block: a plain paragraph, a subheading, a quotation or a bulleted list. */
export type DemoBlock = string | { h: string } | { quote: string; cite?: string } | { list: string[] };

export interface DemoComment {
  name: string;
  body: string;
  /** Minutes after the article's publication. */
  after: number;
  replies?: DemoComment[];
}

/** When the article was published, relative to the moment the demo is loaded. */
export type DemoWhen =
  | { hoursAgo: number }
  /** The same calendar day in an earlier year, for "На днешната дата". */
  | { yearsAgo: number; hour: number; minute?: number };

export interface DemoArticle {
  key: string;
  category: DemoCategoryKey;
  title: string;
  lead: string;
  body: DemoBlock[];
  authors: string[];
  tags: string[];
  when: DemoWhen;
  cover: { caption: string; credit: string; alt: string };
  /** 0..1: how much readers want it; shapes the generated view history. */
  popularity: number;
  commentsPolicy?: 'open' | 'premoderated' | 'closed';
  comments?: DemoComment[];
}
