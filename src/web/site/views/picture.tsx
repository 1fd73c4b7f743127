// A media-library image as a <picture>: AVIF and WebP for browsers that take them, the JPEG for
// the rest, each at the widths made, so the browser fetches no more pixels than the slot needs.
import type { ResponsiveSource } from '../../../media/types.js';
import { responsive } from '../../../media/urls.js';

export function ResponsivePicture({
  media,
  alt,
  sizes,
  loading,
  class: className,
  width,
  height,
}: {
  media: ResponsiveSource;
  alt: string;
  /** Which width the image shows at, per screen: see the sizes attribute. */
  sizes: string;
  loading: 'lazy' | 'eager';
  /** On the <img>, where the site's styles expect it. */
  class?: string;
  /** The box to reserve; the image's own proportions when not given. */
  width?: number;
  height?: number;
}) {
  const r = responsive(media);
  return (
    <picture>
      <source type="image/avif" srcset={r.srcset.avif} sizes={sizes} />
      <source type="image/webp" srcset={r.srcset.webp} sizes={sizes} />
      <img
        class={className}
        src={r.src}
        srcset={r.srcset.jpeg}
        sizes={sizes}
        alt={alt}
        width={width ?? r.width}
        height={height ?? r.height}
        loading={loading}
        decoding="async"
      />
    </picture>
  );
}
