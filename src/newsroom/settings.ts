// Newsroom settings an admin edits in the back office: how slugs are written, what feeds carry.
// Stored as one JSON value in `settings`, read through validation so a hand-edited row cannot
// break saving.
import type { Db } from '../db/index.js';

/** Latin slugs follow the Transliteration Act; Cyrillic keeps the words as they are. */
export type SlugStyle = 'latin' | 'cyrillic';

/** Feeds carry each article's whole text, or only its lead with a link to the rest. */
export type FeedContent = 'full' | 'excerpt';

export const FEED_CONTENTS: readonly FeedContent[] = ['full', 'excerpt'];

export const isFeedContent = (v: unknown): v is FeedContent => v === 'full' || v === 'excerpt';

export interface NewsroomSettings {
  slugStyle: SlugStyle;
  feedContent: FeedContent;
}

export const DEFAULT_NEWSROOM_SETTINGS: Readonly<NewsroomSettings> = Object.freeze({
  slugStyle: 'latin',
  feedContent: 'full',
});

const KEY = 'newsroom.settings';

export function parseNewsroomSettings(raw: unknown): NewsroomSettings {
  const v = (raw ?? {}) as Partial<Record<keyof NewsroomSettings, unknown>>;
  return {
    slugStyle: v.slugStyle === 'cyrillic' ? 'cyrillic' : 'latin',
    feedContent: isFeedContent(v.feedContent) ? v.feedContent : DEFAULT_NEWSROOM_SETTINGS.feedContent,
  };
}

export class NewsroomSettingsStore {
  private current: NewsroomSettings = { ...DEFAULT_NEWSROOM_SETTINGS };

  constructor(private readonly db: Db) {}

  get(): NewsroomSettings {
    return this.current;
  }

  async reload(): Promise<NewsroomSettings> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', KEY)
      .executeTakeFirst();
    let parsed: unknown = null;
    try {
      parsed = row ? JSON.parse(row.value) : null;
    } catch {
      parsed = null;
    }
    this.current = parseNewsroomSettings(parsed);
    return this.current;
  }

  async save(next: NewsroomSettings): Promise<void> {
    const value = JSON.stringify(parseNewsroomSettings(next));
    await this.db
      .insertInto('settings')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await this.reload();
  }
}
