import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectImage, processImage, sniffFormat, variantWidths } from './images.js';
import { jpegClaiming, photoWithGps, SVG, testImage } from './testing.js';

const LIMITS = { maxBytes: 5 * 1024 * 1024, maxPixels: 50_000_000 };

describe('image inspection: the content decides, never the name or claimed type', () => {
  it.each(['jpeg', 'png', 'webp', 'avif'] as const)('accepts %s', async (format) => {
    const data = await testImage(640, 360, format);
    expect(sniffFormat(data)).toBe(format);
    expect(await inspectImage(data, LIMITS)).toEqual({ ok: true, format, width: 640, height: 360 });
  });

  it.each(['gif', 'tiff'] as const)('refuses %s', async (format) => {
    expect(await inspectImage(await testImage(64, 64, format), LIMITS)).toEqual({
      ok: false,
      error: 'unsupported-type',
    });
  });

  it('refuses SVG (it can carry script) and text', async () => {
    expect(await inspectImage(SVG, LIMITS)).toEqual({ ok: false, error: 'unsupported-type' });
    const text = Buffer.from('Това не е снимка, а просто текст с разширение .jpg\n');
    expect(await inspectImage(text, LIMITS)).toEqual({ ok: false, error: 'unsupported-type' });
  });

  it('refuses an empty file and one over the byte limit', async () => {
    expect(await inspectImage(Buffer.alloc(0), LIMITS)).toEqual({ ok: false, error: 'empty' });
    const data = await testImage(400, 300);
    expect(await inspectImage(data, { ...LIMITS, maxBytes: data.length - 1 })).toEqual({
      ok: false,
      error: 'too-large',
    });
    expect((await inspectImage(data, { ...LIMITS, maxBytes: data.length })).ok).toBe(true);
  });

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    const bomb = await jpegClaiming(40000, 40000);
    expect(bomb.length).toBeLessThan(1000);
    const started = performance.now();
    expect(await processImage(bomb, LIMITS)).toEqual({ ok: false, error: 'too-many-pixels' });
    // Decoding 1.6 gigapixels would take many seconds and gigabytes.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses an image over the pixel limit even when it is small in bytes', async () => {
    const flat = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(flat.length).toBeLessThan(100_000);
    expect(await inspectImage(flat, { ...LIMITS, maxPixels: 5_999_999 })).toEqual({
      ok: false,
      error: 'too-many-pixels',
    });
  });

  it('refuses a truncated JPEG and garbage behind a real signature as corrupt', async () => {
    const whole = await testImage(600, 400);
    const cut = await processImage(whole.subarray(0, Math.floor(whole.length / 2)), LIMITS);
    expect(cut).toEqual({ ok: false, error: 'corrupt' });
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), Buffer.alloc(200, 7)]);
    expect(await processImage(fake, LIMITS)).toEqual({ ok: false, error: 'corrupt' });
  });
});

describe('variants', () => {
  it('are 480, 960 and 1600 wide, never wider than the original, at least one', () => {
    expect(variantWidths(4000)).toEqual([480, 960, 1600]);
    expect(variantWidths(1600)).toEqual([480, 960, 1600]);
    expect(variantWidths(1200)).toEqual([480, 960]);
    expect(variantWidths(480)).toEqual([480]);
    expect(variantWidths(300)).toEqual([300]);
  });

  it('come in AVIF, WebP and JPEG at every width, never upscaled', async () => {
    const result = await processImage(await testImage(1200, 900, 'png'), LIMITS);
    if (!result.ok) throw new Error(result.error);
    const { image } = result;
    expect(image).toMatchObject({ format: 'png', width: 1200, height: 900, widths: [480, 960] });
    expect(image.variants.map((v) => v.name)).toEqual([
      '480.avif',
      '480.webp',
      '480.jpg',
      '960.avif',
      '960.webp',
      '960.jpg',
    ]);
    for (const v of image.variants) {
      const meta = await sharp(v.data).metadata();
      expect(meta.width).toBe(v.width);
      expect(meta.height).toBe(v.width * 0.75);
      expect(v.ext === 'jpg' ? meta.format : v.ext === 'avif' ? meta.compression : meta.format).toBe(
        v.ext === 'jpg' ? 'jpeg' : v.ext === 'avif' ? 'av1' : 'webp',
      );
      if (v.ext === 'jpg') expect(meta.isProgressive).toBe(true);
    }
  });

  it('a small image keeps its own width', async () => {
    const result = await processImage(await testImage(320, 200, 'webp'), LIMITS);
    if (!result.ok) throw new Error(result.error);
    expect(result.image.widths).toEqual([320]);
    expect(result.image.variants.map((v) => v.name)).toEqual(['320.avif', '320.webp', '320.jpg']);
  });

  it('carry no EXIF, GPS or other metadata, whatever the upload had', async () => {
    const photo = await photoWithGps();
    const original = await sharp(photo).metadata();
    expect(original.exif?.toString('latin1')).toContain('VestnikCam');
    const result = await processImage(photo, LIMITS);
    if (!result.ok) throw new Error(result.error);
    for (const v of result.image.variants) {
      const meta = await sharp(v.data).metadata();
      expect(meta.exif, v.name).toBeUndefined();
      expect(meta.xmp, v.name).toBeUndefined();
      expect(meta.iptc, v.name).toBeUndefined();
      expect(v.data.toString('latin1')).not.toContain('VestnikCam');
      expect(v.data.toString('latin1')).not.toContain('Svidetel');
    }
  });

  it('are turned the way the EXIF orientation says, then lose it', async () => {
    // Stored 900 × 600 with "rotate 90°": shown 600 × 900.
    const sideways = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#246' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const result = await processImage(sideways, LIMITS);
    if (!result.ok) throw new Error(result.error);
    expect(result.image).toMatchObject({ width: 600, height: 900, widths: [480] });
    const jpg = result.image.variants.find((v) => v.ext === 'jpg');
    const meta = await sharp(jpg?.data).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([480, 720, undefined]);
  });

  it('of a transparent PNG keep transparency in WebP and AVIF, and get white behind in JPEG', async () => {
    const clear = await sharp({
      create: { width: 500, height: 500, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const result = await processImage(clear, LIMITS);
    if (!result.ok) throw new Error(result.error);
    const byExt = Object.fromEntries(result.image.variants.map((v) => [v.ext, v.data]));
    expect((await sharp(byExt.webp).metadata()).hasAlpha).toBe(true);
    const { data } = await sharp(byExt.jpg).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([255, 255, 255]);
  });
});
