// What every page view receives besides its own data: the site, navigation, sidebar lists.
import type { SessionUser } from '../../../accounts/sessions.js';
import type { Category } from '../../../content/types.js';
import type { Locale } from '../../../infra/config.js';
import type { Banner } from '../../../newsroom/banner.js';
import type { Rankings } from '../../../ranking/rankings.js';
import type { Messages } from '../../i18n.js';

export interface Frame {
  siteName: string;
  siteUrl: string;
  /** The site's @handle on X/Twitter for its cards; null when it has none. */
  twitterSite: string | null;
  locale: Locale;
  timeZone: string;
  t: Messages;
  now: number;
  categories: Category[];
  rankings: Rankings;
  /** The path being shown, for the active navigation item and canonical links. */
  path: string;
  assets: { css: string; js: string };
  /** The signed-in reader; null on every cached (anonymous) page. */
  viewer: SessionUser | null;
  /** The banner to show above the page now, if any (from memory, never a query). */
  banner: Banner | null;
}
