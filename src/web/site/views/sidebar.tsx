// The sidebar: the three ranking lists and the daily rubric. Without JavaScript the lists are
// three plain sections; the site script turns them into WAI-ARIA tabs.
import type { ArticleSummary } from '../../../content/types.js';
import { localParts } from '../../../text/dates.js';
import { urls } from '../urls.js';
import { clock, commentCount } from './format.js';
import type { Frame } from './frame.js';

function Headline({ a, meta }: { a: ArticleSummary; meta?: string }) {
  return (
    <li>
      <a href={urls.article(a)}>{a.title}</a>
      {meta ? <span class="meta"> {meta}</span> : null}
    </li>
  );
}

export function Sidebar({ frame: f }: { frame: Frame }) {
  const r = f.rankings;
  const lists = [
    {
      id: 'latest',
      label: f.t.latest,
      items: r.latest.map((a) => <Headline key={a.id} a={a} meta={clock(f, a.publishedAt)} />),
    },
    {
      id: 'most-read',
      label: f.t.mostRead,
      note: r.mostReadWindow === '7d' ? f.t.mostReadWeek : f.t.mostReadDay,
      items: r.mostRead.map(({ article: a }) => <Headline key={a.id} a={a} />),
    },
    {
      id: 'most-commented',
      label: f.t.mostCommented,
      items: r.mostCommented.map(({ article: a, value }) => (
        <Headline key={a.id} a={a} meta={commentCount(f, value)} />
      )),
    },
  ];
  return (
    <aside class="sidebar">
      <section class="rankings" data-tabs aria-label={f.t.rankingsLabel}>
        {lists.map((l) => (
          <section class="ranking" id={`rank-${l.id}`} key={l.id} aria-labelledby={`rank-${l.id}-h`}>
            <h2 id={`rank-${l.id}-h`} class="ranking-title">
              {l.label}
            </h2>
            {l.note ? <p class="ranking-note">{l.note}</p> : null}
            {l.items.length > 0 ? <ol class="ranked">{l.items}</ol> : <p class="empty">{f.t.noArticles}</p>}
          </section>
        ))}
      </section>
      {r.onThisDay.length > 0 ? (
        <section class="rubric" aria-labelledby="rubric-otd">
          <h2 id="rubric-otd" class="rubric-title">
            <a href={urls.onThisDay()}>{f.t.onThisDay}</a>
          </h2>
          <ul class="rubric-list">
            {r.onThisDay.slice(0, 5).map((a) => (
              <li key={a.id}>
                <span class="year">{localParts(a.publishedAt, f.timeZone).year}</span>
                <a href={urls.article(a)}>{a.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
