// What the media library hands out: plain objects, ready for pages and the editor's picker.
import type { MediaFormat } from '../db/schema.js';

/** Enough of a stored image to build its <picture>: views get this from a join, no second query. */
export interface ResponsiveSource {
  key: string;
  /** Widths made for every format, smallest first. */
  widths: number[];
  /** The image as displayed, for its aspect ratio. */
  width: number;
  height: number;
}

export interface MediaItem {
  id: number;
  key: string;
  format: MediaFormat;
  /** Size of the original upload. */
  bytes: number;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  originalName: string;
  createdAt: number;
  widths: number[];
  /** The JPEG at the middle width: the <img src> where srcset is not understood. */
  url: string;
  /** The smallest JPEG, for lists and pickers. */
  thumbUrl: string;
  /** "url 480w, url 960w" per format. */
  srcset: { avif: string; webp: string; jpeg: string };
}

export interface MediaTexts {
  alt: string;
  caption: string;
  credit: string;
}
