// Image processing for uploads: what a file really is (by its content, never its name or the type
// the browser claimed), whether it is safe to decode, and the responsive variants pages use.
// Pure: bytes in, bytes out; storing them is the library's business.
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { MediaFormat } from '../db/schema.js';
import { type VariantExt, variantName } from './urls.js';

export interface ImageLimits {
  /** Largest upload, in bytes. */
  maxBytes: number;
  /** Largest image, width × height, judged from the header before any pixel is decoded. */
  maxPixels: number;
}

export type ImageRefusal = 'empty' | 'too-large' | 'unsupported-type' | 'too-many-pixels' | 'corrupt';

/** Widths made for every format, never wider than the original. */
export const VARIANT_WIDTHS: readonly number[] = [480, 960, 1600];
export const VARIANT_EXTS: readonly VariantExt[] = ['avif', 'webp', 'jpg'];

export interface ImageVariant {
  width: number;
  height: number;
  ext: VariantExt;
  name: string;
  data: Buffer;
}

export interface ProcessedImage {
  format: MediaFormat;
  /** As displayed: after turning it the way its EXIF orientation says. */
  width: number;
  height: number;
  widths: number[];
  variants: ImageVariant[];
}

export type Inspection =
  | { ok: true; format: MediaFormat; width: number; height: number }
  | { ok: false; error: ImageRefusal };

const ascii = (data: Buffer, from: number, to: number) => data.toString('latin1', from, to);

/** AVIF is an ISO-BMFF file whose ftyp box names the avif (still) or avis (sequence) brand. */
function isAvif(data: Buffer): boolean {
  if (data.length < 16 || ascii(data, 4, 8) !== 'ftyp') return false;
  const size = Math.min(data.readUInt32BE(0), data.length);
  const brands = [ascii(data, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(data, at, at + 4));
  return brands.includes('avif') || brands.includes('avis');
}

/** The format the first bytes announce; anything but the four accepted ones is null. */
export function sniffFormat(data: Buffer): MediaFormat | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])))
    return 'png';
  if (data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp';
  if (isAvif(data)) return 'avif';
  return null;
}

function sharpFormat(meta: Metadata): MediaFormat | null {
  if (meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp') return meta.format;
  if (meta.format === 'heif' && meta.compression === 'av1') return 'avif';
  return null;
}

/**
 * Checks an upload without decoding its pixels: size, real type, dimensions. A tiny file whose
 * header claims 40000 × 40000 pixels (a decompression bomb) is refused here.
 */
export async function inspectImage(data: Buffer, limits: ImageLimits): Promise<Inspection> {
  if (data.length === 0) return { ok: false, error: 'empty' };
  if (data.length > limits.maxBytes) return { ok: false, error: 'too-large' };
  const sniffed = sniffFormat(data);
  if (sniffed === null) return { ok: false, error: 'unsupported-type' };
  let meta: Metadata;
  try {
    // Reading the header only; the pixel limit is enforced below and again when decoding.
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, error: 'corrupt' };
  }
  // The magic bytes and the decoder must agree: a PNG signature on JPEG data is not a PNG.
  if (sharpFormat(meta) !== sniffed) return { ok: false, error: 'corrupt' };
  if (!(meta.width > 0 && meta.height > 0)) return { ok: false, error: 'corrupt' };
  if (meta.width * meta.height > limits.maxPixels) return { ok: false, error: 'too-many-pixels' };
  const turned = meta.autoOrient ?? { width: meta.width, height: meta.height };
  return { ok: true, format: sniffed, width: turned.width, height: turned.height };
}

/** The variant widths for an image this wide: the standard ones that fit, at least one. */
export function variantWidths(width: number): number[] {
  const fitting = VARIANT_WIDTHS.filter((w) => w <= width);
  return fitting.length > 0 ? fitting : [width];
}

function encode(pipeline: Sharp, ext: VariantExt): Sharp {
  // Effort is kept low: an upload should be ready in about a second, not a minute.
  if (ext === 'avif') return pipeline.avif({ quality: 55, effort: 2 });
  if (ext === 'webp') return pipeline.webp({ quality: 78, effort: 4 });
  // JPEG has no transparency: a transparent PNG gets a white page behind it.
  return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true, progressive: true });
}

/**
 * Inspects, then decodes and makes every variant. Orientation from EXIF is applied to the pixels,
 * and no metadata (EXIF, GPS, XMP, IPTC, ICC) is written to any variant: sharp keeps none unless
 * asked with keepMetadata/withMetadata, which this never does.
 */
export async function processImage(
  data: Buffer,
  limits: ImageLimits,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; error: ImageRefusal }> {
  const inspected = await inspectImage(data, limits);
  if (!inspected.ok) return inspected;
  const widths = variantWidths(inspected.width);
  const source = () =>
    sharp(data, {
      autoOrient: true,
      limitInputPixels: limits.maxPixels,
      // A file cut short or with broken pixel data is refused, not half-shown.
      failOn: 'truncated',
    }).toColourspace('srgb');
  const variants: ImageVariant[] = [];
  try {
    for (const width of widths) {
      const made = await Promise.all(
        VARIANT_EXTS.map(async (ext) => {
          const resized = width === inspected.width ? source() : source().resize({ width });
          const out = await encode(resized, ext).toBuffer({ resolveWithObject: true });
          return { width, height: out.info.height, ext, name: variantName(width, ext), data: out.data };
        }),
      );
      variants.push(...made);
    }
  } catch {
    return { ok: false, error: 'corrupt' };
  }
  return {
    ok: true,
    image: { format: inspected.format, width: inspected.width, height: inspected.height, widths, variants },
  };
}
