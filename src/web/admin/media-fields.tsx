// Pieces the media library's pages share: the text fields of an image with their errors, and how
// sizes and limits are written out for people.
import type { TextErrors, TextField } from '../../media/texts.js';
import type { MediaTexts } from '../../media/types.js';
import { formatNumber } from '../../text/numbers.js';
import type { Messages } from '../i18n.js';
import type { Frame } from '../site/views/frame.js';

export const MEDIA_URL = '/admin/media';
export const MEDIA_JSON_URL = '/admin/media.json';
export const mediaItemUrl = (id: number) => `${MEDIA_URL}/${id}`;
export const mediaDeleteUrl = (id: number) => `${MEDIA_URL}/${id}/delete`;

export function mediaListUrl(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `${MEDIA_URL}?${s}` : MEDIA_URL;
}

/** "1,5 MB", "820 KB": one decimal at most, in the reader's number format. */
export function fileSize(f: Frame, bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), f.locale)} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, f.locale)} MB`;
}

export interface MediaLimitsText {
  mb: string;
  mp: string;
}

export function limitsText(f: Frame, limits: { maxBytes: number; maxPixels: number }): MediaLimitsText {
  return {
    mb: formatNumber(Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10, f.locale),
    mp: formatNumber(Math.round((limits.maxPixels / 1_000_000) * 10) / 10, f.locale),
  };
}

/** The field errors of the library, in words. */
export function textErrorMessages(t: Messages, errors: TextErrors): Partial<Record<TextField, string>> {
  const out: Partial<Record<TextField, string>> = {};
  for (const field of Object.keys(errors) as TextField[]) out[field] = t.media.errors.tooLong[field];
  return out;
}

/** Alt text, caption and credit, each with its hint and error, keeping what was typed. */
export function TextFields({
  f,
  prefix,
  values,
  errors,
}: {
  f: Frame;
  prefix: string;
  values: MediaTexts;
  errors: Partial<Record<TextField, string>>;
}) {
  const t = f.t.media;
  const fields: { name: TextField; label: string; hint?: string; max: number; area?: boolean }[] = [
    { name: 'alt', label: t.alt, hint: t.altHint, max: 250 },
    { name: 'caption', label: t.caption, max: 500, area: true },
    { name: 'credit', label: t.credit, hint: t.creditHint, max: 120 },
  ];
  return (
    <>
      {fields.map(({ name, label, hint, max, area }) => {
        const id = `${prefix}-${name}`;
        const error = errors[name];
        const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
        const common = {
          id,
          name,
          'aria-invalid': error ? ('true' as const) : undefined,
          'aria-describedby': described || undefined,
        };
        return (
          <div class="field" key={name}>
            <label for={id}>{label}</label>
            {area ? (
              <textarea {...common} rows={2}>
                {values[name]}
              </textarea>
            ) : (
              // maxLength is only a help: the server counts again, in characters.
              <input {...common} type="text" value={values[name]} maxLength={max} />
            )}
            {hint ? (
              <p class="hint" id={`${id}-hint`}>
                {hint}
              </p>
            ) : null}
            {error ? (
              <p class="field-error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
