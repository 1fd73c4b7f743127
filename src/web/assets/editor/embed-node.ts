// A YouTube video or an X post in the body. Stored as the canonical embed figure (a plain link that
// the reading site turns into a click-to-load frame); shown here as a labelled box that loads nothing.
import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { EMBED_PROVIDER_NAMES, type Embed, embedFrom, embedUrl } from '../../../text/embeds.js';
import { h } from './dom.js';
import { fill, type Strings } from './strings.js';

export interface EmbedAttrs {
  provider: Embed['provider'];
  id: string;
  /** The link's words when they are more than the address itself. */
  title: string;
}

/** The stored form: the same as embedHtml in src/text/embeds.ts writes. */
export function embedSpec(a: EmbedAttrs): DOMOutputSpec {
  const href = embedUrl(a);
  return [
    'figure',
    { class: 'embed', 'data-embed': a.provider, 'data-embed-id': a.id },
    ['a', { href }, a.title.trim() || href],
  ];
}

/** Reads a stored embed figure; null when its provider or id is not one we know (its link then stays). */
export function readEmbed(figure: HTMLElement): EmbedAttrs | null {
  const e = embedFrom(figure.getAttribute('data-embed') ?? '', figure.getAttribute('data-embed-id') ?? '');
  if (!e) return null;
  const text = (figure.querySelector('a')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { ...e, title: text === embedUrl(e) ? '' : text };
}

const whole = { parseHTML: () => null, renderHTML: () => ({}) };

export const EmbedNode = Node.create<{ strings: Strings }>({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { strings: {} as Strings };
  },

  addAttributes() {
    return {
      provider: { default: 'youtube', ...whole },
      id: { default: '', ...whole },
      title: { default: '', ...whole },
    };
  },

  parseHTML() {
    return [{ tag: 'figure.embed[data-embed][data-embed-id]', getAttrs: (el) => readEmbed(el) ?? false }];
  },

  renderHTML({ node }) {
    return embedSpec(node.attrs as EmbedAttrs);
  },

  addNodeView() {
    const s = this.options.strings;
    return ({ node, editor, getPos }): NodeView => {
      const attrs = node.attrs as EmbedAttrs;
      const provider = EMBED_PROVIDER_NAMES[attrs.provider] ?? attrs.provider;
      const remove = h('button', { type: 'button', class: 'ed-remove' }, s.remove);
      const dom = h(
        'figure',
        { class: 'ed-embed', 'data-embed': attrs.provider, contenteditable: 'false' },
        h('p', { class: 'ed-embed-title' }, fill(s.embedBox, { provider })),
        // The address as text, not a link: a click inside the editor must not leave the page.
        h('p', { class: 'ed-embed-url' }, attrs.title || embedUrl(attrs)),
        h('p', { class: 'ed-embed-note' }, fill(s.embedBoxNote, { provider })),
        remove,
      );
      remove.addEventListener('click', () => {
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        if (pos === undefined) return;
        editor
          .chain()
          .focus()
          .deleteRange({ from: pos, to: pos + node.nodeSize })
          .run();
      });
      return {
        dom,
        selectNode: () => dom.classList.add('is-selected'),
        deselectNode: () => dom.classList.remove('is-selected'),
        stopEvent: (event) => event.target instanceof Element && event.target.closest('button') !== null,
        ignoreMutation: () => true,
      };
    };
  },
});
