// An image in the body: one atom node holding the picture and its words (see figure-model.ts for the
// stored form), edited through the fields of its node view.
import { Node } from '@tiptap/core';
import { figureImageView } from './figure-image-view.js';
import { type FigureImageAttrs, figureImageSpec, readBareImage, readFigureImage } from './figure-model.js';
import type { Strings } from './strings.js';

// Every attribute is read and written by the rules below as a whole, not one by one.
const whole = { parseHTML: () => null, renderHTML: () => ({}) };

export interface FigureImageOptions {
  strings: Strings;
}

export const FigureImage = Node.create<FigureImageOptions>({
  name: 'figureImage',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { strings: {} as Strings };
  },

  addAttributes() {
    return {
      src: { default: '', ...whole },
      alt: { default: '', ...whole },
      caption: { default: '', ...whole },
      credit: { default: '', ...whole },
      mediaId: { default: null, ...whole },
    };
  },

  parseHTML() {
    return [
      { tag: 'figure.image', getAttrs: (el) => readFigureImage(el) ?? false },
      // Imported text may hold images outside any figure; they become figures without words.
      { tag: 'img[src]', priority: 40, getAttrs: (el) => readBareImage(el) ?? false },
    ];
  },

  renderHTML({ node }) {
    return figureImageSpec(node.attrs as FigureImageAttrs);
  },

  addNodeView() {
    return (props) => figureImageView(props, this.options.strings);
  },
});
