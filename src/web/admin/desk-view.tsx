// The desk page: the queue tabs with their counts, a search, and one form around the list so that
// any number of comments can be decided at once. Each comment's own buttons are submit buttons of
// that same form carrying "action:id" (forms cannot nest), so all of it works without a script.
import { BULK_MAX, DESK_QUEUES, type DeskItem, type DeskQueue } from '../../comments/desk.js';
import type { SiteDeps } from '../site/deps.js';
import { urls } from '../site/urls.js';
import type { Frame } from '../site/views/frame.js';
import { DeskItemView, type ItemExtras } from './desk-item.js';
import { type Notice, Pager, StaffLayout } from './layout.js';
import { DESK_ACTIONS, type DeskView, deskUrl } from './params.js';

export interface DeskPageData {
  view: DeskView & { page: number; search: string };
  counts: Record<DeskQueue, number>;
  items: DeskItem[];
  total: number;
  pages: number;
  extras: Map<number, ItemExtras>;
  csrf: string;
  notice: Notice | null;
}

export function DeskPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: DeskPageData }) {
  const t = f.t.desk;
  const { view } = d;
  return (
    <StaffLayout frame={f} assets={assets} title={t.queues[view.queue]} section="desk" notice={d.notice}>
      <nav aria-label={t.queuesLabel}>
        <ul class="desk-tabs">
          {DESK_QUEUES.map((queue) => (
            <li key={queue}>
              <a
                href={deskUrl({ queue, search: view.search, articleId: view.articleId })}
                aria-current={queue === view.queue ? 'page' : undefined}
              >
                {t.queues[queue]} <span class="desk-count">{d.counts[queue]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={urls.moderation()} class="desk-search">
        <input type="hidden" name="queue" value={view.queue} />
        {view.articleId !== undefined ? (
          <input type="hidden" name="article" value={String(view.articleId)} />
        ) : null}
        <label for="desk-q">{t.searchLabel}</label>
        <div class="desk-search-row">
          <input id="desk-q" type="search" name="q" value={view.search} maxLength={200} />
          <button type="submit" class="button button-secondary">
            {t.search}
          </button>
        </div>
      </form>
      {view.articleId !== undefined || view.search !== '' ? (
        <p class="desk-filtering">
          {view.articleId !== undefined ? `${t.onlyArticle(String(view.articleId))}. ` : null}
          <a href={deskUrl({ queue: view.queue })}>{t.clearFilter}</a>
        </p>
      ) : null}
      <Shortcuts f={f} />
      <p class="muted">{t.total(String(d.total))}</p>
      {d.items.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <form method="post" action={`${urls.moderation()}/action`} class="desk-form">
          <input type="hidden" name="_csrf" value={d.csrf} />
          <input type="hidden" name="return_to" value={deskUrl(view)} />
          <fieldset class="desk-bulk">
            <legend>{t.withSelected}</legend>
            {DESK_ACTIONS.map((action) => (
              <button key={action} type="submit" name="action" value={action} class="button button-secondary">
                {t.actions[action]}
              </button>
            ))}
            <span class="hint">{t.tooMany(String(BULK_MAX))}</span>
          </fieldset>
          <ol class="desk-items">
            {d.items.map((item) => (
              <li key={item.id}>
                <DeskItemView f={f} item={item} queue={view.queue} extras={d.extras.get(item.id) ?? {}} />
              </li>
            ))}
          </ol>
        </form>
      )}
      <Pager f={f} page={view.page} pages={d.pages} href={(page) => deskUrl({ ...view, page })} />
    </StaffLayout>
  );
}

function Shortcuts({ f }: { f: Frame }) {
  return (
    <details class="desk-keys">
      <summary>{f.t.desk.shortcuts}</summary>
      <dl>
        {f.t.desk.keys.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
