// /admin/home: the lead and top slots with what stands in them, a search to choose an article
// for a slot (a plain GET form, then one button per result), and the banner's form.
import type { Banner } from '../../newsroom/banner.js';
import { type PickableArticle, SLOTS, type SlotEntry } from '../../newsroom/curation.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type BannerFormState, BannerSection } from './banner-form.js';
import { type Notice, StaffLayout } from './layout.js';

export const HOME_URL = '/admin/home';
export const articleAdminUrl = (id: number) => `/admin/articles/${id}`;

export interface PickState {
  slot: number;
  term: string;
  results: PickableArticle[];
  until: { date: string; time: string };
  /** Messages next to the until fields and above the results. */
  errors: { until?: string; article?: string };
}

export interface HomePageData {
  slots: SlotEntry[];
  pick: PickState;
  banner: Banner | null;
  bannerActive: boolean;
  bannerForm: BannerFormState;
  csrf: string;
  notice: Notice | null;
}

function SlotsTable({ f, d }: { f: Frame; d: HomePageData }) {
  const t = f.t.cur;
  return (
    <div class="staff-table-wrap">
      <table class="staff-table home-slots">
        <caption class="visually-hidden">{t.slotsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colSlot}</th>
            <th scope="col">{t.colArticle}</th>
            <th scope="col">{t.colUntil}</th>
            <th scope="col">{t.colSetBy}</th>
            <th scope="col">{t.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {SLOTS.map((slot) => {
            const e = d.slots.find((s) => s.slot === slot);
            const name = t.slotName(slot);
            return (
              <tr key={slot} data-slot={slot} class={e ? `slot-${e.state}` : 'slot-empty'}>
                <th scope="row">{name}</th>
                <td>
                  {e ? (
                    <>
                      <a href={articleAdminUrl(e.articleId)}>{e.title}</a>{' '}
                      <span class={`slot-state slot-state-${e.state}`}>{t.states[e.state]}</span>
                    </>
                  ) : (
                    <span class="muted">{t.emptySlot}</span>
                  )}
                </td>
                <td>{e ? (e.until === null ? t.noUntil : when(f, e.until)) : ''}</td>
                <td>{e ? t.setBy(e.setBy ?? t.someone, when(f, e.setAt)) : ''}</td>
                <td class="slot-actions">
                  <a href={`${HOME_URL}?slot=${slot}#pick`} aria-label={t.chooseFor(name)}>
                    {t.choose}
                  </a>
                  {e ? (
                    <form method="post" action={`${HOME_URL}/clear`}>
                      <input type="hidden" name="_csrf" value={d.csrf} />
                      <input type="hidden" name="slot" value={String(slot)} />
                      <button type="submit" class="button button-secondary" aria-label={t.clearFor(name)}>
                        {t.clear}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pick({ f, d }: { f: Frame; d: HomePageData }) {
  const t = f.t.cur;
  const p = d.pick;
  const untilError = p.errors.until;
  return (
    <section id="pick" class="home-pick" aria-labelledby="pick-h" tabIndex={-1}>
      <h2 id="pick-h" class="staff-subtitle">
        {t.pickTitle}
      </h2>
      <form method="get" action={HOME_URL} class="home-search">
        <div class="field">
          <label for="pick-slot">{t.pickSlot}</label>
          <select id="pick-slot" name="slot">
            {SLOTS.map((slot) => (
              <option key={slot} value={String(slot)} selected={slot === p.slot}>
                {t.slotName(slot)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="pick-q">{t.searchLabel}</label>
          <input
            id="pick-q"
            name="q"
            type="search"
            value={p.term}
            maxLength={200}
            aria-describedby="pick-q-hint"
          />
        </div>
        <button type="submit" class="button">
          {t.search}
        </button>
        <p class="hint" id="pick-q-hint">
          {t.searchHint}
        </p>
      </form>
      <form method="post" action={`${HOME_URL}/slot`} class="home-put" novalidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <input type="hidden" name="slot" value={String(p.slot)} />
        <input type="hidden" name="q" value={p.term} />
        <fieldset class="date-time" aria-describedby={untilError ? 'until-hint until-error' : 'until-hint'}>
          <legend class="date-time-legend">{t.untilLegend}</legend>
          <span class="field">
            <label for="until-date">{t.untilDate}</label>
            <input
              id="until-date"
              name="until_date"
              type="date"
              value={p.until.date}
              aria-invalid={untilError ? 'true' : undefined}
            />
          </span>
          <span class="field">
            <label for="until-time">{t.untilTime}</label>
            <input
              id="until-time"
              name="until_time"
              type="time"
              value={p.until.time}
              aria-invalid={untilError ? 'true' : undefined}
            />
          </span>
          <p class="hint" id="until-hint">
            {t.untilHint}
          </p>
          {untilError ? (
            <p class="field-error" id="until-error">
              {untilError}
            </p>
          ) : null}
        </fieldset>
        {p.errors.article ? <p class="field-error">{p.errors.article}</p> : null}
        {p.results.length === 0 ? (
          <p class="empty">{t.noResults}</p>
        ) : (
          <ul class="pick-results" aria-label={t.resultsCaption(t.slotName(p.slot))}>
            {p.results.map((a) => (
              <li key={a.id}>
                <span class="pick-title">{a.title}</span>{' '}
                <span class="muted">
                  {a.status === 'scheduled' ? t.scheduledFor(when(f, a.at)) : t.published(when(f, a.at))}
                </span>
                <button
                  type="submit"
                  class="button"
                  name="article_id"
                  value={String(a.id)}
                  aria-label={t.putInLabel(p.slot, a.title)}
                >
                  {t.putIn(p.slot)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </form>
    </section>
  );
}

export function HomeCurationPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: HomePageData;
}) {
  const t = f.t.cur;
  return (
    <StaffLayout frame={f} assets={assets} title={t.homeTitle} section="home" notice={d.notice}>
      <section aria-labelledby="slots-h">
        <h2 id="slots-h" class="staff-subtitle">
          {t.slotsTitle}
        </h2>
        <p class="hint">{t.slotsIntro}</p>
        <SlotsTable f={f} d={d} />
      </section>
      <Pick f={f} d={d} />
      <BannerSection f={f} banner={d.banner} active={d.bannerActive} form={d.bannerForm} csrf={d.csrf} />
    </StaffLayout>
  );
}
