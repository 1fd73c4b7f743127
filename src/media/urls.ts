// Where the media files are on the site. Pure, so views build srcsets from a row's storage key
// without holding the storage object; LocalMediaStorage answers with the same URLs.

/** The public path the media folder is served under (app.ts serves DATA_DIR/media there). */
export const MEDIA_PREFIX = '/media/';

import type { ResponsiveSource } from './types.js';

export type VariantExt = 'avif' | 'webp' | 'jpg';

export function mediaUrl(key: string, name: string): string {
  return `${MEDIA_PREFIX}${key}/${name}`;
}

/** The file of one variant: `<width>.<ext>` in the item's folder. */
export function variantName(width: number, ext: VariantExt): string {
  return `${width}.${ext}`;
}

export function variantUrl(key: string, width: number, ext: VariantExt): string {
  return mediaUrl(key, variantName(width, ext));
}

/** "url 480w, url 960w" for one format. */
export function variantSrcset(key: string, widths: readonly number[], ext: VariantExt): string {
  return widths.map((w) => `${variantUrl(key, w, ext)} ${w}w`).join(', ');
}

/** The plain <img src>: the JPEG at the middle width, good enough where srcset is not understood. */
export function fallbackWidth(widths: readonly number[]): number {
  const w = widths[Math.floor(widths.length / 2)];
  if (w === undefined) throw new Error('a media item without variants');
  return w;
}

export interface Responsive {
  src: string;
  /** Of the fallback JPEG: the browser reserves the box from their ratio before loading. */
  width: number;
  height: number;
  srcset: { avif: string; webp: string; jpeg: string };
}

/** Every URL a <picture> of this image needs. */
export function responsive(s: ResponsiveSource): Responsive {
  const w = fallbackWidth(s.widths);
  return {
    src: variantUrl(s.key, w, 'jpg'),
    width: w,
    height: Math.max(1, Math.round((s.height * w) / s.width)),
    srcset: {
      avif: variantSrcset(s.key, s.widths, 'avif'),
      webp: variantSrcset(s.key, s.widths, 'webp'),
      jpeg: variantSrcset(s.key, s.widths, 'jpg'),
    },
  };
}
