// Links to the feeds: the <link rel="alternate"> lines feed readers discover in the page head, and
// the small visible "RSS" link on section, topic and author pages and in the footer.
import { feedMessages } from '../../i18n/feeds.js';
import { type FeedScopeRef, urls } from '../urls.js';
import type { Frame } from './frame.js';

export interface FeedRef {
  title: string;
  href: string;
  type: string;
}

const RSS_TYPE = 'application/rss+xml';

/** The RSS feed of a section, topic or author page, for the head and the visible link. */
export function scopeFeed(f: Frame, scope: FeedScopeRef, name: string): FeedRef & { name: string } {
  const w = feedMessages[f.locale];
  const title = w.discovery(w.title(f.siteName, name));
  return { title, href: urls.feed('rss', scope), type: RSS_TYPE, name };
}

/** The site's feed on every page, then the page's own. */
export function FeedDiscovery({ f, feeds = [] }: { f: Frame; feeds?: FeedRef[] | undefined }) {
  const w = feedMessages[f.locale];
  const all = [{ title: w.discovery(f.siteName), href: urls.feed('rss'), type: RSS_TYPE }, ...feeds];
  return (
    <>
      {all.map((feed) => (
        <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
      ))}
    </>
  );
}

/** "RSS" beside a listing's heading, or in the footer for the whole site. */
export function FeedLink({ f, href, name }: { f: Frame; href: string; name?: string }) {
  const w = feedMessages[f.locale];
  return (
    <a class="feed-link" href={href} type={RSS_TYPE} title={name ? w.linkTitle(name) : w.siteLinkTitle}>
      {w.link}
    </a>
  );
}
