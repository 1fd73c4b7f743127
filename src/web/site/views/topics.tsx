// The index of topics (/temi), grouped by kind, and one topic's page (/tema/:slug): a breadcrumb back
// to the index, the kind, the name and the topic's articles.
import type { ArticleSummary, Page, TagRef } from '../../../content/types.js';
import type { TagKind } from '../../../db/schema.js';
import type { TopicIndex } from '../../../newsroom/tag-index.js';
import { formatNumber } from '../../../text/numbers.js';
import { urls } from '../urls.js';
import { FeedLink, scopeFeed } from './feed-links.js';
import { articleCount } from './format.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';
import { ArticleRows, Pager } from './listing.js';
import { listMeta } from './page-meta.js';

/** Where each kind's group starts on the index page. */
export const KIND_ANCHORS: Record<TagKind, string> = {
  person: 'lichnosti',
  place: 'mesta',
  organisation: 'organizatsii',
  topic: 'temi',
};

export const topicGroupUrl = (kind: TagKind) => `${urls.topics()}#${KIND_ANCHORS[kind]}`;

export function TopicsIndexPage({ frame: f, index }: { frame: Frame; index: TopicIndex }) {
  const t = f.t.tg;
  return (
    <Layout frame={f} title={t.indexTitle} description={t.indexIntro}>
      <header class="listing-head">
        <h1 class="listing-title">{t.indexTitle}</h1>
        <div class="listing-intro">
          <p>{t.indexIntro}</p>
        </div>
      </header>
      {index.length === 0 ? (
        <p class="empty">{t.indexEmpty}</p>
      ) : (
        <>
          <nav class="topics-jump" aria-label={t.indexTitle}>
            <ul>
              {index.map((g) => (
                <li key={g.kind}>
                  <a href={`#${KIND_ANCHORS[g.kind]}`}>{t.groups[g.kind]}</a>
                </li>
              ))}
            </ul>
          </nav>
          {index.map((g) => (
            <section key={g.kind} class="topics-group" aria-labelledby={KIND_ANCHORS[g.kind]}>
              <h2 class="section-title" id={KIND_ANCHORS[g.kind]}>
                {t.groups[g.kind]} <span class="count">({formatNumber(g.tags.length, f.locale)})</span>
              </h2>
              <ul class="topics-list">
                {g.tags.map((tag) => (
                  <li key={tag.id}>
                    <a href={urls.tag(tag)}>{tag.name}</a>{' '}
                    <span class="muted">{articleCount(f, tag.articles)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}

export function TopicPage({
  frame: f,
  tag,
  page: p,
}: {
  frame: Frame;
  tag: TagRef;
  page: Page<ArticleSummary>;
}) {
  const t = f.t;
  const kind = t.topicKinds[tag.kind];
  const title = p.page > 1 ? `${tag.name} – ${t.page} ${p.page}` : tag.name;
  const feed = scopeFeed(f, { kind: 'tag', slug: tag.slug }, tag.name);
  return (
    <Layout
      frame={f}
      title={title}
      description={t.tg.topicDescription(kind, tag.name, articleCount(f, p.total))}
      noindex={p.page > 5}
      feeds={[feed]}
      meta={listMeta(f, urls.tag(tag, p.page), [
        { name: t.home, path: urls.home() },
        { name: t.tg.indexTitle, path: urls.topics() },
        { name: tag.name, path: urls.tag(tag) },
      ])}
    >
      <nav class="breadcrumb" aria-label={t.tg.breadcrumb}>
        <ol>
          <li>
            <a href={urls.home()}>{t.home}</a>
          </li>
          <li>
            <a href={urls.topics()}>{t.tg.indexTitle}</a>
          </li>
        </ol>
      </nav>
      <header class="listing-head">
        <p class="kicker">
          <a href={topicGroupUrl(tag.kind)}>{kind}</a>
        </p>
        <h1 class="listing-title">{tag.name}</h1>
        <FeedLink f={f} href={feed.href} name={feed.name} />
      </header>
      <ArticleRows f={f} items={p.items} />
      <Pager f={f} page={p.page} pages={p.pages} pageUrl={(n) => urls.tag(tag, n)} />
    </Layout>
  );
}
