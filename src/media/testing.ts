// Test images, made by sharp at run time: the repository holds no binary fixtures.
import sharp from 'sharp';

export type TestFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff';

/** A photo-like picture (noise, so encoders cannot squash it to nothing). */
export async function testImage(width: number, height: number, format: TestFormat = 'jpeg'): Promise<Buffer> {
  const pipeline = sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#777',
      noise: { type: 'gaussian', mean: 120, sigma: 30 },
    },
  });
  if (format === 'avif') return pipeline.avif({ effort: 0 }).toBuffer();
  return pipeline.toFormat(format).toBuffer();
}

/** A JPEG whose EXIF names the camera, the owner and where it was taken. */
export async function photoWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#4a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'VestnikCam', Model: 'Test 1', Copyright: 'Svidetel' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '42/1 41/1 52/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '23/1 19/1 17/1',
      },
    })
    .toBuffer();
}

/** A 1×1 JPEG whose header claims to be much bigger: the decompression bomb. */
export async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  // The baseline frame header: FFC0, length (2), precision (1), height (2), width (2).
  const sof = tiny.indexOf(Buffer.from([0xff, 0xc0]));
  if (sof < 0) throw new Error('no SOF0 marker');
  const bomb = Buffer.from(tiny);
  bomb.writeUInt16BE(height, sof + 5);
  bomb.writeUInt16BE(width, sof + 7);
  return bomb;
}

export const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><script>alert(1)</script><rect width="40" height="40"/></svg>',
);
