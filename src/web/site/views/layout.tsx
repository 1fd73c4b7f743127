// The page shell: header with navigation, the main column, the sidebar, the footer.
import type { ComponentChildren } from 'preact';
import { formatWeekdayDate } from '../../../text/dates.js';
import { urls } from '../urls.js';
import { SiteBanner } from './banner.js';
import { FeedDiscovery, FeedLink } from './feed-links.js';
import type { Frame } from './frame.js';
import { HeadMeta, type PageMeta } from './head-meta.js';
import { Sidebar } from './sidebar.js';

export interface LayoutProps {
  frame: Frame;
  title: string;
  description?: string;
  /** Pages without a sidebar (errors) pass false. */
  sidebar?: boolean;
  noindex?: boolean;
  /** The article id, when the page is an article: the view beacon reads it. */
  articleId?: number;
  /** For search engines and social sites: canonical, Open Graph, JSON-LD (head-meta.tsx). */
  meta?: PageMeta;
  /** Feeds of what the page shows, announced beside the site's own feed. */
  feeds?: { title: string; href: string; type: string }[];
  children: ComponentChildren;
}

export function Layout({
  frame,
  title,
  description,
  sidebar = true,
  noindex,
  articleId,
  meta,
  feeds,
  children,
}: LayoutProps) {
  const f = frame;
  const fullTitle = title === f.siteName ? title : `${title} – ${f.siteName}`;
  const top = f.categories.filter((c) => c.parentId === null);
  return (
    <html lang={f.t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex, follow" /> : null}
        <HeadMeta f={f} title={title} description={description} meta={meta} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <FeedDiscovery f={f} feeds={feeds} />
        <link rel="stylesheet" href={f.assets.css} />
        <script type="module" src={f.assets.js} defer />
      </head>
      <body data-article-id={articleId}>
        <a class="skip" href="#main">
          {f.t.skipToContent}
        </a>
        <SiteBanner f={f} />
        <header class="masthead">
          <div class="masthead-top wrap">
            <span class="today">{formatWeekdayDate(f.now, f.locale, f.timeZone)}</span>
            <a href={urls.onThisDay()} class="masthead-link">
              {f.t.onThisDay}
            </a>
            {f.viewer ? (
              <a href={urls.profile()} class="masthead-link masthead-account" data-viewer>
                {f.viewer.displayName}
              </a>
            ) : (
              <a href={urls.login()} class="masthead-link masthead-account" rel="nofollow">
                {f.t.account.signIn}
              </a>
            )}
          </div>
          <div class="masthead-brand wrap">
            <a class="brand" href="/" aria-label={`${f.siteName} – ${f.t.home}`}>
              <span class="brand-mark" aria-hidden="true">
                {f.siteName.slice(0, 1)}
              </span>
              <span class="brand-name">{f.siteName}</span>
            </a>
            <span class="brand-tagline">{f.t.tagline}</span>
            {f.path === '/search' ? null : (
              // biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many readers' browsers
              <form class="masthead-search" role="search" method="get" action="/search">
                <label class="visually-hidden" for="masthead-q">
                  {f.t.search.label}
                </label>
                <input
                  id="masthead-q"
                  type="search"
                  name="q"
                  maxLength={200}
                  placeholder={f.t.search.title}
                />
                <button type="submit">{f.t.search.button}</button>
              </form>
            )}
          </div>
          <nav class="mainnav" aria-label={f.t.mainNav}>
            <ul class="wrap">
              <li>
                <a href="/" aria-current={f.path === '/' ? 'page' : undefined}>
                  {f.t.home}
                </a>
              </li>
              {top.map((c) => {
                const href = urls.category(c);
                const current = f.path === href || f.path.startsWith(`${href}/`);
                return (
                  <li key={c.id}>
                    <a href={href} aria-current={current ? 'page' : undefined}>
                      {c.name}
                    </a>
                  </li>
                );
              })}
              <li>
                <a href={urls.archive()} aria-current={f.path.startsWith('/arhiv') ? 'page' : undefined}>
                  {f.t.archive}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <div class={sidebar ? 'wrap page with-sidebar' : 'wrap page'}>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          {sidebar ? <Sidebar frame={f} /> : null}
        </div>
        <footer class="sitefooter">
          <div class="wrap">
            <p class="footer-brand">{f.siteName}</p>
            <p>{f.t.footerAbout}</p>
            <ul class="footer-nav">
              {top.map((c) => (
                <li key={c.id}>
                  <a href={urls.category(c)}>{c.name}</a>
                </li>
              ))}
              <li>
                <a href={urls.archive()}>{f.t.archive}</a>
              </li>
              <li>
                <a href={urls.onThisDay()}>{f.t.onThisDay}</a>
              </li>
              <li>
                <FeedLink f={f} href={urls.feed('rss')} />
              </li>
            </ul>
            <p class="copyright">
              © {new Date(f.now).getUTCFullYear()} {f.siteName}. {f.t.allRights}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
