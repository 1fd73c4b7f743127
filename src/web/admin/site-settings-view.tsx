// The site's own settings: the style of article and section addresses, each choice shown with the
// address it would give a sample headline, and what the feeds carry.
import { FEED_CONTENTS, type SlugStyle } from '../../newsroom/settings.js';
import { slugify } from '../../text/slug.js';
import type { SiteDeps } from '../site/deps.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, StaffLayout } from './layout.js';

export const SITE_SETTINGS_URL = '/admin/settings';

export const SLUG_STYLES: readonly SlugStyle[] = ['latin', 'cyrillic'];

export interface SiteSettingsData {
  slugStyle: string;
  feedContent: string;
  error: string | null;
  csrf: string;
  notice: Notice | null;
}

export function SiteSettingsPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: SiteSettingsData;
}) {
  const t = f.t.staff;
  return (
    <StaffLayout
      frame={f}
      assets={assets}
      title={t.siteSettingsTitle}
      section="site-settings"
      notice={d.notice}
    >
      <form method="post" action={SITE_SETTINGS_URL} class="stacked-form settings-form" noValidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <fieldset aria-describedby={d.error ? 'slug-style-error slug-style-hint' : 'slug-style-hint'}>
          <legend>{t.slugStyle}</legend>
          <p class="hint" id="slug-style-hint">
            {t.slugStyleHint}
          </p>
          {SLUG_STYLES.map((style) => (
            <div class="slug-style" key={style}>
              <span class="field-check">
                <input
                  type="radio"
                  id={`slug-style-${style}`}
                  name="slugStyle"
                  value={style}
                  checked={d.slugStyle === style}
                  aria-describedby={`slug-style-${style}-example`}
                />
                <label for={`slug-style-${style}`}>{t.slugStyles[style]}</label>
              </span>
              <p
                class="hint slug-example"
                id={`slug-style-${style}-example`}
                lang={style === 'cyrillic' ? 'bg' : undefined}
              >
                {t.example(slugify(t.sampleTitle, { style }))}
              </p>
            </div>
          ))}
          {d.error ? (
            <p class="field-error" id="slug-style-error">
              {d.error}
            </p>
          ) : null}
        </fieldset>
        <fieldset aria-describedby="feed-content-hint">
          <legend>{t.feedContent}</legend>
          <p class="hint" id="feed-content-hint">
            {t.feedContentHint}
          </p>
          {FEED_CONTENTS.map((choice) => (
            <span class="field-check" key={choice}>
              <input
                type="radio"
                id={`feed-content-${choice}`}
                name="feedContent"
                value={choice}
                checked={d.feedContent === choice}
              />
              <label for={`feed-content-${choice}`}>{t.feedContents[choice]}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t.saveChanges}
        </button>
      </form>
    </StaffLayout>
  );
}
