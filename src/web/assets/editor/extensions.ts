// The editor's schema: what the article body may hold, matching the server's allow-list
// (src/text/sanitize.ts). Marks and blocks the toolbar does not offer (strike, code, rules) stay
// so that imported articles keep them when they are edited.
import type { AnyExtension } from '@tiptap/core';
import { Link } from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { EmbedNode } from './embed-node.js';
import { FigureImage } from './figure-image.js';
import { normalizeHref } from './links.js';
import type { Strings } from './strings.js';

export function editorExtensions(strings: Strings): AnyExtension[] {
  return [
    StarterKit.configure({
      // The page title is the one h1; the body has sections and subsections.
      heading: { levels: [2, 3] },
      link: false,
    }),
    // Not inclusive: text typed right after a link is plain text, not more of the link.
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['mailto'],
      // Plain links in the stored HTML: no target or rel unless an imported link had them.
      HTMLAttributes: { target: null, rel: null, class: null },
      // Typed and pasted addresses are checked before they become links; javascript: and data: never do.
      isAllowedUri: (url) => normalizeHref(url) !== null,
      shouldAutoLink: (url) => /^(?:https?:\/\/|www\.)/i.test(url),
    }),
    FigureImage.configure({ strings }),
    EmbedNode.configure({ strings }),
  ];
}
