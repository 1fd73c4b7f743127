// One image of the library: a preview as readers get it, its facts, the form for its texts and
// the delete button.
import type { TextField } from '../../media/texts.js';
import type { MediaItem, MediaTexts } from '../../media/types.js';
import { formatNumber } from '../../text/numbers.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { ResponsivePicture } from '../site/views/picture.js';
import { type Notice, StaffLayout } from './layout.js';
import { fileSize, MEDIA_URL, mediaDeleteUrl, mediaItemUrl, TextFields } from './media-fields.js';

export interface MediaItemData {
  item: MediaItem;
  csrf: string;
  notice: Notice | null;
  values: MediaTexts;
  errors: Partial<Record<TextField, string>>;
}

const FORMAT_NAMES = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF' } as const;

export function MediaItemPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: MediaItemData }) {
  const t = f.t.media;
  const { item } = d;
  const n = (x: number) => formatNumber(x, f.locale);
  const facts: [string, string][] = [
    [t.originalName, item.originalName || '—'],
    [t.format, FORMAT_NAMES[item.format]],
    [t.dimensions, t.size(n(item.width), n(item.height))],
    [t.bytes, fileSize(f, item.bytes)],
    [t.variants, t.variantsList(item.widths.map(n).join(', '))],
    [t.uploaded, when(f, item.createdAt)],
  ];
  return (
    <StaffLayout frame={f} assets={assets} title={t.itemTitle} section="media" notice={d.notice}>
      <p>
        <a href={MEDIA_URL}>{t.back}</a>
      </p>
      <div class="media-item">
        <section class="media-preview" aria-labelledby="media-preview-h">
          <h2 id="media-preview-h" class="staff-subtitle">
            {t.preview}
          </h2>
          <figure>
            <ResponsivePicture
              media={item}
              alt={item.alt}
              sizes="(max-width: 960px) 100vw, 640px"
              loading="eager"
            />
            {item.caption || item.credit ? (
              <figcaption>
                {item.caption} {item.credit ? <span class="credit">{item.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
          <h2 class="staff-subtitle">{t.facts}</h2>
          <dl class="media-facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div class="media-forms">
          <form method="post" action={mediaItemUrl(item.id)} class="stacked-form" novalidate>
            <input type="hidden" name="_csrf" value={d.csrf} />
            <TextFields f={f} prefix="media-edit" values={d.values} errors={d.errors} />
            <button type="submit" class="button">
              {t.save}
            </button>
          </form>
          <form
            method="post"
            action={mediaDeleteUrl(item.id)}
            class="media-delete"
            aria-labelledby="media-delete-h"
          >
            <h2 id="media-delete-h" class="staff-subtitle">
              {t.deleteTitle}
            </h2>
            <p class="hint">{t.deleteHint}</p>
            <input type="hidden" name="_csrf" value={d.csrf} />
            <button type="submit" class="button media-delete-button">
              {t.delete}
            </button>
          </form>
        </div>
      </div>
    </StaffLayout>
  );
}
