// The media library page: the upload form, the search box and the images as a grid of tiles.
import type { MediaPage } from '../../media/library.js';
import type { TextField } from '../../media/texts.js';
import type { MediaItem, MediaTexts } from '../../media/types.js';
import { formatNumber, plural } from '../../text/numbers.js';
import type { SiteDeps } from '../site/deps.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, Pager, StaffLayout } from './layout.js';
import { MEDIA_URL, type MediaLimitsText, mediaItemUrl, mediaListUrl, TextFields } from './media-fields.js';

export interface MediaLibraryData {
  list: MediaPage;
  query: string;
  csrf: string;
  notice: Notice | null;
  /** What was typed into the upload form, kept after a refusal. */
  values: MediaTexts;
  errors: Partial<Record<TextField, string>>;
  limits: MediaLimitsText;
}

export const ACCEPTED_TYPES = 'image/jpeg,image/png,image/webp,image/avif';

function UploadForm({ f, d }: { f: Frame; d: MediaLibraryData }) {
  const t = f.t.media;
  return (
    <section class="media-upload" aria-labelledby="media-upload-h">
      <h2 id="media-upload-h" class="staff-subtitle">
        {t.uploadTitle}
      </h2>
      <form method="post" action={MEDIA_URL} enctype="multipart/form-data" class="stacked-form" novalidate>
        {/* Before the file, so the token is read before the upload's bytes. */}
        <input type="hidden" name="_csrf" value={d.csrf} />
        <div class="field">
          <label for="media-file">{t.file}</label>
          <input
            id="media-file"
            name="file"
            type="file"
            accept={ACCEPTED_TYPES}
            required
            aria-describedby="media-file-hint"
          />
          <p class="hint" id="media-file-hint">
            {t.fileHint(d.limits.mb, d.limits.mp)}
          </p>
        </div>
        <TextFields f={f} prefix="media-new" values={d.values} errors={d.errors} />
        <button type="submit" class="button">
          {t.upload}
        </button>
      </form>
    </section>
  );
}

function SearchForm({ f, query }: { f: Frame; query: string }) {
  const t = f.t.media;
  return (
    <search>
      <form method="get" action={MEDIA_URL} class="media-search">
        <label for="media-q">{t.searchLabel}</label>
        <input
          id="media-q"
          name="q"
          type="search"
          value={query}
          maxLength={200}
          aria-describedby="media-q-hint"
        />
        <button type="submit" class="button button-secondary">
          {t.searchButton}
        </button>
        <p class="hint" id="media-q-hint">
          {t.searchHint}
          {query ? (
            <>
              {' '}
              <a href={MEDIA_URL}>{t.clearSearch}</a>
            </>
          ) : null}
        </p>
      </form>
    </search>
  );
}

function Tile({ f, item }: { f: Frame; item: MediaItem }) {
  const t = f.t.media;
  const thumbWidth = item.widths[0] ?? item.width;
  return (
    <li class="media-tile" data-media-id={item.id}>
      <img
        src={item.thumbUrl}
        alt={item.alt}
        width={thumbWidth}
        height={Math.max(1, Math.round((item.height * thumbWidth) / item.width))}
        loading="lazy"
        decoding="async"
      />
      <div class="media-tile-text">
        <p class={item.alt ? 'media-alt' : 'media-alt media-missing'}>{item.alt || t.noAlt}</p>
        {item.caption ? <p class="media-caption">{item.caption}</p> : null}
        {item.credit ? <p class="media-credit credit">{item.credit}</p> : null}
        <p class="media-meta">
          {t.size(formatNumber(item.width, f.locale), formatNumber(item.height, f.locale))}
        </p>
        <a href={mediaItemUrl(item.id)} aria-label={t.editOf(item.originalName || `#${item.id}`)}>
          {t.edit}
        </a>
      </div>
    </li>
  );
}

export function MediaLibraryPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: MediaLibraryData;
}) {
  const t = f.t.media;
  const { list, query } = d;
  return (
    <StaffLayout frame={f} assets={assets} title={t.title} section="media" notice={d.notice}>
      <p class="hint">{t.intro}</p>
      <div class="media-layout">
        <UploadForm f={f} d={d} />
        <section class="media-library" aria-labelledby="media-list-h">
          <h2 id="media-list-h" class="staff-subtitle">
            {t.listLabel}
          </h2>
          <SearchForm f={f} query={query} />
          <p class="media-count" role="status">
            {list.total === 0
              ? query
                ? t.noResults(query)
                : t.empty
              : plural(list.total, t.imageForms, f.locale)}
          </p>
          {list.items.length > 0 ? (
            <ul class="media-grid">
              {list.items.map((item) => (
                <Tile key={item.id} f={f} item={item} />
              ))}
            </ul>
          ) : null}
          <Pager f={f} page={list.page} pages={list.pages} href={(p) => mediaListUrl(query, p)} />
        </section>
      </div>
    </StaffLayout>
  );
}
