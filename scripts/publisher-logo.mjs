// The publisher logo search engines show with articles: a 512×512 PNG of the site's mark, drawn
// from src/web/assets/publisher-logo.svg (the favicon's design with the letter as a path, so no
// font is needed). Google takes no SVG for publisher logos. The name and size are fixed: the
// structured data names them (src/web/site/publisher-logo.ts).
import { join } from 'node:path';
import sharp from 'sharp';

export const PUBLISHER_LOGO = { file: 'publisher-logo.png', size: 512 };

export async function writePublisherLogo(outDir, source = 'src/web/assets/publisher-logo.svg') {
  const { file, size } = PUBLISHER_LOGO;
  // The SVG is 64 units wide: render it at the density that makes it `size` pixels, not scaled up.
  await sharp(source, { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(join(outDir, file));
  return join(outDir, file);
}
