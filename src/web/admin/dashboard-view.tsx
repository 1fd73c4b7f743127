// /admin: the back office's front page. Panels are shown to those whose role has use for them:
// the comment queue to moderators and up, "my articles" to those who write.
import type { ComponentChildren } from 'preact';
import type { DashboardArticle, HourlyViews, MyWork } from '../../newsroom/dashboard.js';
import type { RankedArticle } from '../../ranking/rankings.js';
import { formatNumber, plural } from '../../text/numbers.js';
import type { SiteDeps } from '../site/deps.js';
import { urls } from '../site/urls.js';
import { articleCount, clock, isoDate, when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { articleAdminUrl } from './home-view.js';
import { StaffLayout } from './layout.js';
import { ViewsChart } from './views-chart.js';

export interface DashboardData {
  today: { count: number; latest: DashboardArticle[] };
  hourly: HourlyViews;
  mostRead: RankedArticle[];
  mostReadWindow: '24h' | '7d';
  scheduled: DashboardArticle[];
  /** Null for roles that do not moderate. */
  queue: { pending: number; reported: number } | null;
  /** Null for roles that do not write. */
  mine: MyWork | null;
  /** Whether the viewer may open articles in the editor (the scheduled list links there). */
  canEdit: boolean;
}

const onSite = (a: DashboardArticle) => urls.article({ slug: a.slug, category: { slug: a.categorySlug } });

function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="dash-panel" aria-labelledby={`dash-${id}`} data-panel={id}>
      <h2 id={`dash-${id}`} class="dash-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function OwnList({ f, items, empty }: { f: Frame; items: DashboardArticle[]; empty: string }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="dash-list">
      {items.map((a) => (
        <li key={a.id}>
          <a href={articleAdminUrl(a.id)}>{a.title || `№${a.id}`}</a>{' '}
          <span class="dash-when">{f.t.cur.changed(when(f, a.at))}</span>
        </li>
      ))}
    </ul>
  );
}

export function DashboardPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: DashboardData }) {
  const t = f.t.cur;
  return (
    <StaffLayout frame={f} assets={assets} title={t.dashTitle} section="dashboard">
      <div class="dash-grid">
        <Panel id="today" title={t.today}>
          <p class="dash-big">{articleCount(f, d.today.count)}</p>
          {d.today.latest.length === 0 ? (
            <p class="muted">{t.todayNone}</p>
          ) : (
            <ul class="dash-list">
              {d.today.latest.map((a) => (
                <li key={a.id}>
                  <time class="dash-when" dateTime={isoDate(a.at)}>
                    {clock(f, a.at)}
                  </time>{' '}
                  <a href={onSite(a)}>{a.title}</a>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        {d.queue ? (
          <Panel id="queue" title={t.queue}>
            <ul class="dash-counts">
              <li>
                <a href={`${urls.moderation()}?queue=pending`}>
                  <span class="dash-big">{formatNumber(d.queue.pending, f.locale)}</span> {t.pending}
                </a>
              </li>
              <li>
                <a href={`${urls.moderation()}?queue=reported`}>
                  <span class="dash-big">{formatNumber(d.queue.reported, f.locale)}</span> {t.reported}
                </a>
              </li>
            </ul>
          </Panel>
        ) : null}
        <Panel id="views" title={`${t.views} · ${t.viewsWindow}`}>
          <ViewsChart f={f} hourly={d.hourly} />
        </Panel>
        <Panel id="most-read" title={t.mostRead}>
          <p class="dash-when">{d.mostReadWindow === '24h' ? f.t.mostReadDay : f.t.mostReadWeek}</p>
          {d.mostRead.length === 0 ? (
            <p class="muted">{t.mostReadNone}</p>
          ) : (
            <ol class="dash-list">
              {d.mostRead.map((r) => (
                <li key={r.article.id}>
                  <a href={urls.article(r.article)}>{r.article.title}</a>{' '}
                  <span class="dash-when">{plural(r.value, t.viewForms, f.locale)}</span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel id="scheduled" title={t.scheduled}>
          {d.scheduled.length === 0 ? (
            <p class="muted">{t.scheduledNone}</p>
          ) : (
            <ul class="dash-list">
              {d.scheduled.map((a) => (
                <li key={a.id}>
                  <time class="dash-when" dateTime={isoDate(a.at)}>
                    {when(f, a.at)}
                  </time>{' '}
                  {d.canEdit ? <a href={articleAdminUrl(a.id)}>{a.title}</a> : <span>{a.title}</span>}
                </li>
              ))}
            </ul>
          )}
        </Panel>
        {d.mine ? (
          <Panel id="mine" title={t.myWork}>
            <h3 class="dash-sub">{t.drafts}</h3>
            <OwnList f={f} items={d.mine.drafts} empty={t.myDraftsNone} />
            <h3 class="dash-sub">{t.inReview}</h3>
            <OwnList f={f} items={d.mine.inReview} empty={t.myReviewNone} />
          </Panel>
        ) : null}
      </div>
    </StaffLayout>
  );
}
