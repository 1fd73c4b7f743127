// The HTML of images in article bodies: a <picture> per media item, and the editor's image figures
// turned into them. Pure string work. The output is already in the exact form the sanitizer writes
// (attribute order, escaping, "<img …>" without a slash), so sanitizing it again changes nothing.
import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { MediaItem } from './types.js';
import { responsive } from './urls.js';

/** How wide a body image shows: the text column on wide screens, the screen on narrow ones. */
export const BODY_IMAGE_SIZES = '(min-width: 960px) 720px, 100vw';

export interface PictureOptions {
  sizes: string;
  /** Falls back to the item's own alt text. */
  alt?: string;
  loading: 'lazy' | 'eager';
  /** On the <picture>; the sanitizer drops it, so article bodies go without. */
  className?: string;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attrs(pairs: [string, string | number][]): string {
  return pairs.map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join('');
}

/** <picture> with AVIF and WebP sources and the JPEG <img> every browser understands. */
export function pictureHtml(item: MediaItem, o: PictureOptions): string {
  const r = responsive(item);
  const source = (type: string, srcset: string) =>
    `<source${attrs([
      ['type', type],
      ['srcset', srcset],
      ['sizes', o.sizes],
    ])}>`;
  const img = `<img${attrs([
    ['src', r.src],
    ['srcset', r.srcset.jpeg],
    ['sizes', o.sizes],
    ['alt', o.alt ?? item.alt],
    ['width', r.width],
    ['height', r.height],
    ['loading', o.loading],
    ['decoding', 'async'],
  ])}>`;
  const open = o.className ? `<picture${attrs([['class', o.className]])}>` : '<picture>';
  return `${open}${source('image/avif', r.srcset.avif)}${source('image/webp', r.srcset.webp)}${img}</picture>`;
}

const MEDIA_ID = /^[1-9][0-9]{0,9}$/;

function parse(html: string) {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true });
}

/** The editor's image figures: <figure class="image" data-media-id="12">. */
function imageFigures(html: string): { figure: Element; id: number }[] {
  const figures = DomUtils.findAll(
    (el) =>
      el.name === 'figure' &&
      (el.attribs.class ?? '').split(/\s+/).includes('image') &&
      MEDIA_ID.test(el.attribs['data-media-id'] ?? ''),
    parse(html).children,
  );
  return figures.map((figure) => ({ figure, id: Number(figure.attribs['data-media-id']) }));
}

/** Ids of the media items the body shows, each once, in order of appearance. */
export function mediaIdsInBody(html: string): number[] {
  return [...new Set(imageFigures(html).map((f) => f.id))];
}

/** The figure's image: its first <picture> or <img> outside the caption. */
function imageOf(figure: Element): Element | null {
  let found: Element | null = null;
  const visit = (nodes: Element['children']) => {
    for (const node of nodes) {
      if (found || !DomUtils.isTag(node) || node.name === 'figcaption') continue;
      if (node.name === 'picture' || node.name === 'img') found = node;
      else visit(node.children);
    }
  };
  visit(figure.children);
  return found;
}

/**
 * Every image figure of a known media item gets that item's <picture> in place of its <img> (or
 * of the <picture> an earlier save made); the caption and everything else stay byte for byte.
 * The alt text typed in the editor wins over the library's.
 */
export function expandBodyImages(html: string, items: Map<number, MediaItem>): string {
  const edits: { from: number; to: number; text: string }[] = [];
  for (const { figure, id } of imageFigures(html)) {
    const item = items.get(id);
    const image = item ? imageOf(figure) : null;
    if (!item || !image || image.endIndex === null) continue;
    const img = image.name === 'img' ? image : DomUtils.findOne((el) => el.name === 'img', image.children);
    const typed = img?.attribs.alt?.trim() ?? '';
    const text = pictureHtml(item, {
      sizes: BODY_IMAGE_SIZES,
      alt: typed !== '' ? typed : item.alt,
      loading: 'lazy',
    });
    edits.push({ from: image.startIndex ?? 0, to: image.endIndex + 1, text });
  }
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += html.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + html.slice(at);
}
