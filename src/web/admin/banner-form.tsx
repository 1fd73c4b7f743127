// The banner part of /admin/home: what shows now, the form to set it, and the button to remove it.
import { BANNER_LEVELS, BANNER_TEXT_MAX, type Banner, type BannerLevel } from '../../newsroom/banner.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';

export const BANNER_URL = '/admin/home/banner';

export type BannerFormField = 'text' | 'link' | 'level' | 'expires';

export interface BannerFormState {
  values: { text: string; link: string; level: string; date: string; time: string };
  errors: Partial<Record<BannerFormField, string>>;
}

function described(form: BannerFormState, name: BannerFormField, hint: boolean) {
  const error = form.errors[name];
  const ids = [hint ? `banner-${name}-hint` : '', error ? `banner-${name}-error` : ''].filter(Boolean);
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': ids.join(' ') || undefined,
  };
}

function FieldError({ form, name }: { form: BannerFormState; name: BannerFormField }) {
  const error = form.errors[name];
  return error ? (
    <p class="field-error" id={`banner-${name}-error`}>
      {error}
    </p>
  ) : null;
}

function Current({ f, banner, active }: { f: Frame; banner: Banner | null; active: boolean }) {
  const t = f.t.cur;
  if (!banner) return <p class="muted">{t.bannerNone}</p>;
  return (
    <div class="banner-now">
      <p>{active ? t.bannerShown : t.bannerExpired}</p>
      <p class={`banner-preview banner-${banner.level}`}>
        <strong>{t.levels[banner.level]}:</strong> {banner.text}
        {banner.link ? <span class="banner-preview-link"> → {banner.link}</span> : null}
        {banner.expiresAt !== null ? <span class="muted"> ({when(f, banner.expiresAt)})</span> : null}
      </p>
    </div>
  );
}

export function BannerSection({
  f,
  banner,
  active,
  form,
  csrf,
}: {
  f: Frame;
  banner: Banner | null;
  active: boolean;
  form: BannerFormState;
  csrf: string;
}) {
  const t = f.t.cur;
  const v = form.values;
  return (
    <section id="banner" class="home-banner" aria-labelledby="banner-h" tabIndex={-1}>
      <h2 id="banner-h" class="staff-subtitle">
        {t.bannerTitle}
      </h2>
      <p class="hint">{t.bannerIntro}</p>
      <Current f={f} banner={banner} active={active} />
      <form method="post" action={BANNER_URL} class="stacked-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="banner-text">{t.bannerText}</label>
          <input
            id="banner-text"
            name="text"
            type="text"
            value={v.text}
            maxLength={BANNER_TEXT_MAX}
            required
            {...described(form, 'text', true)}
          />
          <p class="hint" id="banner-text-hint">
            {t.bannerTextHint}
          </p>
          <FieldError form={form} name="text" />
        </div>
        <div class="field">
          <label for="banner-link">{t.bannerLink}</label>
          <input
            id="banner-link"
            name="link"
            type="text"
            inputMode="url"
            value={v.link}
            maxLength={500}
            {...described(form, 'link', true)}
          />
          <p class="hint" id="banner-link-hint">
            {t.bannerLinkHint}
          </p>
          <FieldError form={form} name="link" />
        </div>
        <fieldset class="banner-levels" {...described(form, 'level', false)}>
          <legend>{t.bannerLevel}</legend>
          {BANNER_LEVELS.map((level: BannerLevel) => (
            <span class="field-check" key={level}>
              <input
                type="radio"
                id={`banner-level-${level}`}
                name="level"
                value={level}
                checked={v.level === level}
              />
              <label for={`banner-level-${level}`}>
                <span class={`level-swatch banner-${level}`} aria-hidden="true" /> {t.levels[level]}
              </label>
            </span>
          ))}
          <FieldError form={form} name="level" />
        </fieldset>
        <fieldset class="date-time" {...described(form, 'expires', true)}>
          <legend class="date-time-legend">{t.bannerExpires}</legend>
          <span class="field">
            <label for="banner-date">{t.untilDate}</label>
            <input id="banner-date" name="expires_date" type="date" value={v.date} />
          </span>
          <span class="field">
            <label for="banner-time">{t.untilTime}</label>
            <input id="banner-time" name="expires_time" type="time" value={v.time} />
          </span>
          <p class="hint" id="banner-expires-hint">
            {t.bannerExpiresHint}
          </p>
          <FieldError form={form} name="expires" />
        </fieldset>
        <button type="submit" class="button">
          {t.bannerSave}
        </button>
      </form>
      {banner ? (
        <form method="post" action={`${BANNER_URL}/remove`} class="banner-remove">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="button button-secondary">
            {t.bannerRemove}
          </button>
        </form>
      ) : null}
    </section>
  );
}
