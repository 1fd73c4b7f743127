// What saving an article needs from the media library, as a port: the newsroom does not care
// how images are stored, only that a cover id resolves and body images get their variants.
import type { Db } from '../db/index.js';

export interface CoverFacts {
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface ArticleMedia {
  /** The cover's fallback URL and texts; null when there is no such image. */
  cover(db: Db, mediaId: number): Promise<CoverFacts | null>;
  /** Body HTML with editor image figures expanded to responsive pictures. */
  expandBody(db: Db, html: string): Promise<string>;
}

/** For sites and tests without a media library: covers never resolve, bodies stay as they are. */
export const NO_MEDIA: ArticleMedia = {
  cover: async () => null,
  expandBody: async (_db, html) => html,
};
