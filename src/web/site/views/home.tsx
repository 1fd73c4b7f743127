// The front page: the lead story, top stories, latest headlines and a block per category.
import type { ArticleSummary, Category } from '../../../content/types.js';
import { urls } from '../urls.js';
import { Card, LeadCard } from './cards.js';
import { clock } from './format.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';
import { homeMeta } from './page-meta.js';

export interface HomeData {
  lead: ArticleSummary | null;
  top: ArticleSummary[];
  latest: ArticleSummary[];
  sections: { category: Category; articles: ArticleSummary[] }[];
}

export function HomePage({ frame: f, data }: { frame: Frame; data: HomeData }) {
  return (
    <Layout frame={f} title={f.siteName} description={f.t.tagline} meta={homeMeta(f)}>
      <h1 class="visually-hidden">
        {f.siteName} – {f.t.tagline}
      </h1>
      <section class="front" aria-label={f.t.topStories}>
        {data.lead ? <LeadCard f={f} a={data.lead} /> : <p class="empty">{f.t.noArticles}</p>}
        <div class="front-top">
          {data.top.map((a) => (
            <Card key={a.id} f={f} a={a} />
          ))}
        </div>
      </section>
      <section class="headlines" aria-labelledby="latest-h">
        <h2 id="latest-h" class="section-title">
          {f.t.latestHeadlines}
        </h2>
        <ul class="headline-list">
          {data.latest.map((a) => (
            <li key={a.id}>
              <time dateTime={new Date(a.publishedAt).toISOString()}>{clock(f, a.publishedAt)}</time>
              <a href={urls.article(a)}>{a.title}</a>
              <a class="kicker" href={urls.category(a.category)}>
                {a.category.name}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {data.sections.map(({ category, articles }) =>
        articles.length === 0 ? null : (
          <section class="section-block" key={category.id} aria-labelledby={`sec-${category.id}`}>
            <h2 id={`sec-${category.id}`} class="section-title">
              <a href={urls.category(category)}>{category.name}</a>
            </h2>
            <div class="section-grid">
              {articles.map((a, i) => (
                <Card key={a.id} f={f} a={a} lead={i === 0} showCategory={false} />
              ))}
            </div>
            <p class="section-more">
              <a href={urls.category(category)}>{f.t.moreIn(category.name)} →</a>
            </p>
          </section>
        ),
      )}
    </Layout>
  );
}
