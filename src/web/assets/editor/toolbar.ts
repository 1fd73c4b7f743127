// The formatting toolbar: one tab stop (roving tabindex, arrows/Home/End inside, Escape back to the
// text), marks and blocks show their state with aria-pressed, every button has a name and its shortcut.
import type { Editor } from '@tiptap/core';
import { h } from './dom.js';
import type { Strings } from './strings.js';

export interface ToolbarActions {
  link(): void;
  /** Absent when the page offers no media library. */
  image?: () => void;
  embed(): void;
}

interface Tool {
  /** For styles and tests: data-tool. */
  name: string;
  label: string;
  /** What the button shows; the label is its accessible name. */
  glyph: string;
  /** ProseMirror key notation ("Mod-Alt-2"). */
  keys?: string;
  run(): void;
  active?(): boolean;
  enabled?(): boolean;
  group: number;
}

/** "Mod-Shift-8" as people read it on this computer ("Ctrl+Shift+8", "⌘⇧8"). */
export function shortcutText(keys: string, mac: boolean): string {
  const names: Record<string, string> = mac
    ? { Mod: '⌘', Alt: '⌥', Shift: '⇧' }
    : { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };
  const parts = keys.split('-').map((k) => names[k] ?? k.toUpperCase());
  return mac ? parts.join('') : parts.join('+');
}

/** The same keys in aria-keyshortcuts notation ("Control+Shift+8"). */
export function ariaShortcut(keys: string, mac: boolean): string {
  const names: Record<string, string> = { Mod: mac ? 'Meta' : 'Control', Alt: 'Alt', Shift: 'Shift' };
  return keys
    .split('-')
    .map((k) => names[k] ?? k.toUpperCase())
    .join('+');
}

function tools(editor: Editor, s: Strings, actions: ToolbarActions): Tool[] {
  const chain = () => editor.chain().focus();
  const list: (Tool | null)[] = [
    {
      group: 0,
      name: 'bold',
      label: s.bold,
      glyph: 'B',
      keys: 'Mod-b',
      run: () => chain().toggleBold().run(),
      active: () => editor.isActive('bold'),
    },
    {
      group: 0,
      name: 'italic',
      label: s.italic,
      glyph: 'I',
      keys: 'Mod-i',
      run: () => chain().toggleItalic().run(),
      active: () => editor.isActive('italic'),
    },
    {
      group: 0,
      name: 'link',
      label: s.link,
      glyph: s.link,
      keys: 'Mod-k',
      run: actions.link,
      active: () => editor.isActive('link'),
    },
    {
      group: 1,
      name: 'heading2',
      label: s.heading2,
      glyph: 'H2',
      keys: 'Mod-Alt-2',
      run: () => chain().toggleHeading({ level: 2 }).run(),
      active: () => editor.isActive('heading', { level: 2 }),
    },
    {
      group: 1,
      name: 'heading3',
      label: s.heading3,
      glyph: 'H3',
      keys: 'Mod-Alt-3',
      run: () => chain().toggleHeading({ level: 3 }).run(),
      active: () => editor.isActive('heading', { level: 3 }),
    },
    {
      group: 1,
      name: 'quote',
      label: s.quote,
      glyph: '„“',
      keys: 'Mod-Shift-b',
      run: () => chain().toggleBlockquote().run(),
      active: () => editor.isActive('blockquote'),
    },
    {
      group: 1,
      name: 'bulletList',
      label: s.bulletList,
      glyph: '•',
      keys: 'Mod-Shift-8',
      run: () => chain().toggleBulletList().run(),
      active: () => editor.isActive('bulletList'),
    },
    {
      group: 1,
      name: 'orderedList',
      label: s.orderedList,
      glyph: '1.',
      keys: 'Mod-Shift-7',
      run: () => chain().toggleOrderedList().run(),
      active: () => editor.isActive('orderedList'),
    },
    actions.image ? { group: 2, name: 'image', label: s.image, glyph: s.image, run: actions.image } : null,
    { group: 2, name: 'embed', label: s.embed, glyph: s.embed, run: actions.embed },
    {
      group: 3,
      name: 'undo',
      label: s.undo,
      glyph: '↶',
      keys: 'Mod-z',
      run: () => chain().undo().run(),
      enabled: () => editor.can().undo(),
    },
    {
      group: 3,
      name: 'redo',
      label: s.redo,
      glyph: '↷',
      keys: 'Mod-Shift-z',
      run: () => chain().redo().run(),
      enabled: () => editor.can().redo(),
    },
  ];
  return list.filter((t): t is Tool => t !== null);
}

export interface Toolbar {
  element: HTMLElement;
  focus(): void;
}

export function createToolbar(
  editor: Editor,
  s: Strings,
  actions: ToolbarActions,
  editorId: string,
): Toolbar {
  const element = h('div', {
    class: 'ed-toolbar',
    role: 'toolbar',
    'aria-label': s.toolbarLabel,
    'aria-controls': editorId,
  });
  const defs = tools(editor, s, actions);
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  let group = defs[0]?.group ?? 0;
  const buttons = defs.map((tool, i) => {
    const hint = tool.keys ? `${tool.label} (${shortcutText(tool.keys, mac)})` : tool.label;
    const button = h(
      'button',
      {
        type: 'button',
        class: tool.glyph === tool.label ? 'ed-tool ed-tool-text' : 'ed-tool',
        'data-tool': tool.name,
        tabindex: i === 0 ? 0 : -1,
        title: hint,
        'aria-label': tool.glyph === tool.label ? null : tool.label,
        'aria-keyshortcuts': tool.keys ? ariaShortcut(tool.keys, mac) : null,
        'aria-pressed': tool.active ? 'false' : null,
      },
      tool.glyph,
    );
    if (tool.group !== group) element.append(h('span', { class: 'ed-sep', 'aria-hidden': 'true' }));
    group = tool.group;
    // A click must not take the focus (and the selection) away from the text.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      tool.run();
    });
    element.append(button);
    return button;
  });

  const move = (index: number) => {
    const next = (index + buttons.length) % buttons.length;
    buttons.forEach((b, i) => {
      b.tabIndex = i === next ? 0 : -1;
    });
    buttons[next]?.focus();
  };
  element.addEventListener('keydown', (e) => {
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const target: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      editor.view.focus();
    } else if (target[e.key] !== undefined) {
      e.preventDefault();
      move(target[e.key]!);
    }
  });

  const refresh = () => {
    defs.forEach((tool, i) => {
      const button = buttons[i]!;
      if (tool.active) button.setAttribute('aria-pressed', String(tool.active()));
      if (tool.enabled) button.setAttribute('aria-disabled', String(!tool.enabled()));
    });
  };
  editor.on('transaction', refresh);
  refresh();

  return {
    element,
    focus: () => {
      const i = buttons.findIndex((b) => b.tabIndex === 0);
      move(Math.max(i, 0));
    },
  };
}
