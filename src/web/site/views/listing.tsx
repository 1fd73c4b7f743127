// Category, topic and author pages: a heading, an optional intro, articles, paging.
import type { ComponentChildren } from 'preact';
import type { ArticleSummary, Page } from '../../../content/types.js';
import { formatNumber } from '../../../text/numbers.js';
import { Row } from './cards.js';
import { FeedLink, type FeedRef } from './feed-links.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';
import { listMeta, type Step } from './page-meta.js';

export interface ListingData {
  title: string;
  kicker?: string;
  intro?: ComponentChildren;
  description: string;
  page: Page<ArticleSummary>;
  pageUrl: (page: number) => string;
  showCategory?: boolean;
  /** The list's own feed (feed-links.tsx scopeFeed). */
  feed?: FeedRef & { name: string };
  /** The trail to this list from the home page, itself last (breadcrumbs for search engines). */
  crumbs?: Step[];
}

export function Pager({
  f,
  page,
  pages,
  pageUrl,
  labels,
}: {
  f: Frame;
  page: number;
  pages: number;
  pageUrl: (p: number) => string;
  /** Lists not ordered by date say "previous/next" rather than "newer/older". */
  labels?: { prev: string; next: string };
}) {
  if (pages <= 1) return null;
  const n = (x: number) => formatNumber(x, f.locale);
  return (
    <nav class="pager" aria-label={f.t.page}>
      {page > 1 ? (
        <a href={pageUrl(page - 1)} rel="prev">
          ← {labels?.prev ?? f.t.prev}
        </a>
      ) : (
        <span />
      )}
      <span class="pager-pos">{f.t.pageOf(n(page), n(pages))}</span>
      {page < pages ? (
        <a href={pageUrl(page + 1)} rel="next">
          {labels?.next ?? f.t.next} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function ArticleRows({
  f,
  items,
  showCategory = true,
}: {
  f: Frame;
  items: ArticleSummary[];
  showCategory?: boolean;
}) {
  if (items.length === 0) return <p class="empty">{f.t.noArticles}</p>;
  return (
    <div class="rows">
      {items.map((a) => (
        <Row key={a.id} f={f} a={a} showCategory={showCategory} />
      ))}
    </div>
  );
}

export function ListingPage({ frame: f, data }: { frame: Frame; data: ListingData }) {
  const p = data.page;
  const title = p.page > 1 ? `${data.title} – ${f.t.page} ${p.page}` : data.title;
  return (
    <Layout
      frame={f}
      title={title}
      description={data.description}
      noindex={p.page > 5}
      meta={listMeta(f, data.pageUrl(p.page), data.crumbs ?? [])}
      feeds={data.feed ? [data.feed] : undefined}
    >
      <header class="listing-head">
        {data.kicker ? <p class="kicker">{data.kicker}</p> : null}
        <h1 class="listing-title">{data.title}</h1>
        {data.feed ? <FeedLink f={f} href={data.feed.href} name={data.feed.name} /> : null}
        {data.intro ? <div class="listing-intro">{data.intro}</div> : null}
      </header>
      <ArticleRows f={f} items={p.items} showCategory={data.showCategory ?? true} />
      <Pager f={f} page={p.page} pages={p.pages} pageUrl={data.pageUrl} />
    </Layout>
  );
}
