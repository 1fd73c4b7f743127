// The date archive (years and months, a month's or a day's articles) and "На днешната дата".
import type { ArticleSummary, Page } from '../../../content/types.js';
import { localParts, monthNameTitle } from '../../../text/dates.js';
import { urls } from '../urls.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';
import { ArticleRows, Pager } from './listing.js';

export function ArchiveIndexPage({
  frame: f,
  years,
}: {
  frame: Frame;
  years: { year: number; months: number[] }[];
}) {
  return (
    <Layout frame={f} title={f.t.archive} description={f.t.archiveIntro}>
      <header class="listing-head">
        <h1 class="listing-title">{f.t.archive}</h1>
        <p class="listing-intro">{f.t.archiveIntro}</p>
      </header>
      {years.length === 0 ? <p class="empty">{f.t.noArticles}</p> : null}
      {years.map(({ year, months }) => (
        <section class="archive-year" key={year} aria-labelledby={`y-${year}`}>
          <h2 id={`y-${year}`} class="section-title">
            {year}
          </h2>
          <ul class="archive-months">
            {months.map((m) => (
              <li key={m}>
                <a href={urls.archiveMonth(year, m)}>{monthNameTitle(m, f.locale)}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export function ArchiveListPage(props: {
  frame: Frame;
  title: string;
  page: Page<ArticleSummary>;
  pageUrl: (p: number) => string;
}) {
  const { frame: f, title, page } = props;
  return (
    <Layout
      frame={f}
      title={title}
      description={title}
      noindex={page.page > 1}
      meta={{ canonicalPath: props.pageUrl(page.page) }}
    >
      <header class="listing-head">
        <p class="kicker">
          <a href={urls.archive()}>{f.t.archive}</a>
        </p>
        <h1 class="listing-title">{title}</h1>
      </header>
      <ArticleRows f={f} items={page.items} />
      <Pager f={f} page={page.page} pages={page.pages} pageUrl={props.pageUrl} />
    </Layout>
  );
}

export function OnThisDayPage(props: {
  frame: Frame;
  dateLabel: string;
  today: ArticleSummary[];
  earlier: ArticleSummary[];
  isToday: boolean;
}) {
  const { frame: f, dateLabel, today, earlier } = props;
  const byYear = new Map<number, ArticleSummary[]>();
  for (const a of earlier) {
    const y = localParts(a.publishedAt, f.timeZone).year;
    byYear.set(y, [...(byYear.get(y) ?? []), a]);
  }
  return (
    <Layout frame={f} title={`${f.t.onThisDay}, ${dateLabel}`} description={f.t.onThisDayIntro(dateLabel)}>
      <header class="listing-head">
        <p class="kicker">{f.t.onThisDay}</p>
        <h1 class="listing-title">{dateLabel}</h1>
        <p class="listing-intro">{f.t.onThisDayIntro(dateLabel)}</p>
      </header>
      {props.isToday && today.length > 0 ? (
        <section aria-labelledby="otd-today">
          <h2 id="otd-today" class="section-title">
            {f.t.onThisDayToday}
          </h2>
          <ArticleRows f={f} items={today} />
        </section>
      ) : null}
      <section aria-labelledby="otd-earlier">
        <h2 id="otd-earlier" class="section-title">
          {f.t.onThisDayEarlier}
        </h2>
        {earlier.length === 0 ? <p class="empty">{f.t.onThisDayEmpty}</p> : null}
        {[...byYear].map(([year, items]) => (
          <section class="otd-year" key={year} aria-labelledby={`otd-${year}`}>
            <h3 id={`otd-${year}`} class="otd-year-title">
              {year}
            </h3>
            <ArticleRows f={f} items={items} />
          </section>
        ))}
      </section>
    </Layout>
  );
}
