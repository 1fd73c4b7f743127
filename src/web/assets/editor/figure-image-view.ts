// How an image looks while editing: the picture, then its description, caption and credit as real,
// labelled fields (typed into directly, reached with Tab), and a button that removes it.
import type { NodeViewRendererProps } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { field, h } from './dom.js';
import type { FigureImageAttrs } from './figure-model.js';
import type { Strings } from './strings.js';

type Words = 'alt' | 'caption' | 'credit';

export function figureImageView({ node, editor, getPos }: NodeViewRendererProps, s: Strings): NodeView {
  let current: PmNode = node;
  const img = h('img', { src: node.attrs.src, alt: node.attrs.alt, class: 'ed-figure-img' });
  const inputs: Record<Words, HTMLInputElement> = {
    alt: h('input', { type: 'text', 'data-field': 'alt', maxlength: 300 }),
    caption: h('input', { type: 'text', 'data-field': 'caption', maxlength: 500 }),
    credit: h('input', { type: 'text', 'data-field': 'credit', maxlength: 200 }),
  };
  const remove = h('button', { type: 'button', class: 'ed-remove' }, s.remove);
  const dom = h(
    'figure',
    { class: 'ed-figure', contenteditable: 'false', role: 'group', 'aria-label': s.imageLabel },
    img,
    h(
      'div',
      { class: 'ed-figure-fields' },
      field(s.imageAlt, inputs.alt),
      field(s.imageCaption, inputs.caption),
      field(s.imageCredit, inputs.credit),
      remove,
    ),
  );

  const show = (attrs: FigureImageAttrs) => {
    if (img.getAttribute('src') !== attrs.src) img.src = attrs.src;
    img.alt = attrs.alt;
    for (const key of Object.keys(inputs) as Words[]) {
      // A field being typed into already shows its value; resetting it would move the caret.
      if (document.activeElement !== inputs[key] && inputs[key].value !== attrs[key])
        inputs[key].value = attrs[key];
    }
  };
  show(node.attrs as FigureImageAttrs);

  const position = (): number | undefined => (typeof getPos === 'function' ? getPos() : undefined);

  for (const key of Object.keys(inputs) as Words[]) {
    inputs[key].addEventListener('input', () => {
      const pos = position();
      if (pos === undefined) return;
      const attrs = { ...current.attrs, [key]: inputs[key].value };
      editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, attrs));
    });
    // Enter in a caption field would otherwise submit the whole article form.
    inputs[key].addEventListener('keydown', (e) => {
      if (e.key === 'Enter') e.preventDefault();
    });
  }
  remove.addEventListener('click', () => {
    const pos = position();
    if (pos === undefined) return;
    editor
      .chain()
      .focus()
      .deleteRange({ from: pos, to: pos + current.nodeSize })
      .run();
  });

  return {
    dom,
    update(next) {
      if (next.type !== current.type) return false;
      current = next;
      show(next.attrs as FigureImageAttrs);
      return true;
    },
    selectNode() {
      dom.classList.add('is-selected');
    },
    deselectNode() {
      dom.classList.remove('is-selected');
    },
    // Typing, clicks and focus inside the fields belong to the fields, not to the editor.
    stopEvent(event) {
      const target = event.target;
      return target instanceof Element && target.closest('input, button') !== null;
    },
    ignoreMutation() {
      return true;
    },
  };
}
