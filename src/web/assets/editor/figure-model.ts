// The stored form of an image in the body and how it is read back: the canonical
// <figure class="image" data-media-id="12"><img src alt><figcaption>Caption<span class="credit">Credit
// </span></figcaption></figure>, the expanded form the site serves (<picture> with <source>s around the
// <img>), and a bare <img> in imported text. No editor here, so the rules can be tested alone.
import type { DOMOutputSpec } from '@tiptap/pm/model';

export interface FigureImageAttrs {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  /** The media library's id, so the site can serve its responsive variants; null for outside images. */
  mediaId: string | null;
}

/** The stored form; the caption is left out when it has neither text nor credit. */
export function figureImageSpec(a: FigureImageAttrs): DOMOutputSpec {
  const attrs: Record<string, string> = { class: 'image' };
  if (a.mediaId && /^\d+$/.test(a.mediaId)) attrs['data-media-id'] = a.mediaId;
  const caption = a.caption.trim();
  const credit = a.credit.trim();
  const img: DOMOutputSpec = ['img', { src: a.src, alt: a.alt.trim() }];
  if (!caption && !credit) return ['figure', attrs, img];
  // Strings become text nodes (prosemirror-model's renderSpec), though its type does not say so.
  const words: (string | DOMOutputSpec)[] = [];
  if (caption) words.push(caption);
  if (credit) words.push(['span', { class: 'credit' }, credit]);
  return ['figure', attrs, img, ['figcaption', {}, ...words]];
}

/** The words of a figcaption apart from its credit, with runs of white space made single. */
function captionText(figcaption: Element): string {
  let text = '';
  for (const child of figcaption.childNodes) {
    if (child.nodeType === 1 && (child as Element).classList.contains('credit')) continue;
    text += child.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads a stored figure (either form); null when it holds no image. */
export function readFigureImage(figure: HTMLElement): FigureImageAttrs | null {
  const img = figure.querySelector('img');
  const src = img?.getAttribute('src') ?? '';
  if (!img || src === '') return null;
  const figcaption = figure.querySelector('figcaption');
  const mediaId = figure.getAttribute('data-media-id');
  return {
    src,
    alt: img.getAttribute('alt') ?? '',
    caption: figcaption ? captionText(figcaption) : '',
    credit: (figcaption?.querySelector('.credit')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    mediaId: mediaId && /^\d+$/.test(mediaId) ? mediaId : null,
  };
}

export function readBareImage(img: HTMLElement): FigureImageAttrs | null {
  const src = img.getAttribute('src') ?? '';
  if (src === '') return null;
  return { src, alt: img.getAttribute('alt') ?? '', caption: '', credit: '', mediaId: null };
}
