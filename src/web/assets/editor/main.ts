// The article editor: turns the form's body textarea into a rich-text editor (tiptap) and adds
// autosave, the media library, embeds, the tags combobox and the cover picker. The textarea stays
// in the form, hidden, always holding the current HTML, so a plain submit still sends the body.
import { Editor, Extension, type JSONContent } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { parseEmbedUrl } from '../../../text/embeds.js';
import { autosaveForm } from './autosave-form.js';
import { coverPicker } from './cover-picker.js';
import { h, uid } from './dom.js';
import { editorExtensions } from './extensions.js';
import { normalizeHref } from './links.js';
import { type MediaEndpoints, pickMedia } from './media-dialog.js';
import { askAddress } from './prompt.js';
import { readStrings, type Strings } from './strings.js';
import { suggestedTags } from './suggested-tags.js';
import { tagsCombobox } from './tags-combobox.js';
import { createToolbar, type Toolbar } from './toolbar.js';

/**
 * Focus back in the text at once: tiptap's focus command waits for the next frame, and keys typed
 * right after a dialog closes would go to whatever had the focus before it.
 */
function backToText(editor: Editor): void {
  editor.view.focus();
}

/**
 * Runs a dialog and gives the editor its focus back afterwards. The text is blurred first: a closing
 * dialog hands focus back to whatever had it, and handed back to the text the browser drops the caret
 * at its start and the editor would believe it. Blurred, nothing moves, and the editor's own
 * selection is put back when it is focused again.
 */
async function aroundDialog<T>(editor: Editor, ask: () => Promise<T>): Promise<T> {
  const active = document.activeElement;
  if (active instanceof HTMLElement && editor.view.dom.contains(active)) active.blur();
  const answer = await ask();
  editor.view.focus();
  return answer;
}

/**
 * Puts a block (image, embed) at the cursor and the cursor in the paragraph after it, making one when
 * the block ends the text, so that typing goes on below instead of replacing the selected block.
 */
function insertBlock(editor: Editor, node: JSONContent): void {
  backToText(editor);
  editor
    .chain()
    .focus()
    .insertContent(node)
    .command(({ tr }) => {
      if (!(tr.selection instanceof NodeSelection)) return true;
      const after = tr.selection.to;
      if (!tr.doc.resolve(after).nodeAfter?.isTextblock)
        tr.insert(after, tr.doc.type.schema.nodes.paragraph!.create());
      tr.setSelection(TextSelection.near(tr.doc.resolve(after + 1)));
      return true;
    })
    .run();
  // tiptap's focus() waits for the next frame; keys typed before it would go to the toolbar
  // button the dialog hands focus back to. Focusing the view now closes that gap.
  editor.view.focus();
}

function start(textarea: HTMLTextAreaElement, form: HTMLFormElement, s: Strings): void {
  const media: MediaEndpoints | null =
    textarea.dataset.mediaJson && textarea.dataset.mediaUpload
      ? {
          list: textarea.dataset.mediaJson,
          upload: textarea.dataset.mediaUpload,
          csrf: () => form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '',
        }
      : null;
  const editorId = uid('ed-content');
  const hintId = uid('ed-hint');
  const label = textarea.labels?.[0];
  if (label && !label.id) label.id = uid('ed-label');
  // The page's own hint speaks of editing HTML by hand: true only without this script.
  const htmlHint = document.getElementById(`${textarea.id}-hint`);
  if (htmlHint) htmlHint.hidden = true;
  const described = [hintId, ...(textarea.getAttribute('aria-describedby') ?? '').split(' ')]
    .filter((id) => id !== '' && id !== htmlHint?.id)
    .join(' ');

  const host = h('div', { class: 'ed-host' });
  const wrap = h('div', { class: 'ed' }, host, h('p', { class: 'ed-hint', id: hintId }, s.editorHint));
  textarea.before(wrap);
  textarea.hidden = true;

  let toolbar: Toolbar | null = null;
  const actions = {
    link: async () => {
      const current = (editor.getAttributes('link').href as string | undefined) ?? '';
      const answer = await aroundDialog(editor, () =>
        askAddress(s, {
          title: s.linkTitle,
          label: s.linkUrl,
          value: current,
          submitLabel: s.linkApply,
          ...(current ? { extraLabel: s.linkRemove } : {}),
          check: (v) => {
            const href = normalizeHref(v);
            return href ? { value: href } : { error: s.linkInvalid };
          },
        }),
      );
      backToText(editor);
      const chain = editor.chain().focus();
      if (answer?.action === 'extra') chain.extendMarkRange('link').unsetLink().run();
      else if (answer?.action !== 'submit') chain.run();
      else if (editor.state.selection.empty && !editor.isActive('link'))
        // Nothing selected: the address itself becomes the linked text.
        chain
          .insertContent({
            type: 'text',
            text: answer.value,
            marks: [{ type: 'link', attrs: { href: answer.value } }],
          })
          .run();
      else chain.extendMarkRange('link').setLink({ href: answer.value }).run();
    },
    image: media
      ? async () => {
          const item = await aroundDialog(editor, () => pickMedia(media, s, s.mediaTitle));
          if (!item) return backToText(editor);
          const attrs = {
            src: item.url,
            alt: item.alt,
            caption: item.caption,
            credit: item.credit,
            mediaId: String(item.id),
          };
          insertBlock(editor, { type: 'figureImage', attrs });
        }
      : undefined,
    embed: async () => {
      const answer = await aroundDialog(editor, () =>
        askAddress(s, {
          title: s.embedTitle,
          label: s.embedUrl,
          value: '',
          submitLabel: s.embedInsert,
          check: (v) => (parseEmbedUrl(v) ? { value: v } : { error: s.embedInvalid }),
        }),
      );
      const e = answer?.action === 'submit' ? parseEmbedUrl(answer.value) : null;
      if (e) insertBlock(editor, { type: 'embed', attrs: { ...e, title: '' } });
      else backToText(editor);
    },
  };

  const shortcuts = Extension.create({
    name: 'articleShortcuts',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => {
        void actions.link();
        return true;
      },
      'Alt-F10': () => {
        toolbar?.focus();
        return true;
      },
    }),
  });

  const editor: Editor = new Editor({
    element: host,
    // Its rules are in admin.css: an injected <style> element would break the CSP (style-src 'self').
    injectCSS: false,
    extensions: [...editorExtensions(s), shortcuts],
    content: textarea.value,
    editorProps: {
      attributes: {
        id: editorId,
        class: 'ed-content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(label ? { 'aria-labelledby': label.id } : { 'aria-label': s.editorLabel }),
        'aria-describedby': described,
        ...(textarea.getAttribute('aria-invalid') === 'true' ? { 'aria-invalid': 'true' } : {}),
      },
      // A YouTube or X address pasted alone into an empty paragraph becomes an embed.
      handlePaste: (view, event) => {
        const text = event.clipboardData?.getData('text/plain').trim() ?? '';
        const e = /\s/.test(text) ? null : parseEmbedUrl(text);
        const { $from, empty } = view.state.selection;
        if (!e || !empty || $from.parent.type.name !== 'paragraph' || $from.parent.content.size > 0)
          return false;
        insertBlock(editor, { type: 'embed', attrs: { ...e, title: '' } });
        return true;
      },
    },
  });

  const sync = () => {
    textarea.value = editor.isEmpty ? '' : editor.getHTML();
  };
  sync();
  toolbar = createToolbar(editor, s, actions, editorId);
  wrap.prepend(toolbar.element);
  label?.addEventListener('click', (e) => {
    e.preventDefault();
    editor.view.focus();
  });

  const saving = autosaveForm(form, s, sync);
  editor.on('update', () => {
    sync();
    saving.changed();
  });
  // Other fields (title, lead, tags, cover, selects); the editor's own typing arrives through 'update'.
  const onField = (e: Event) => {
    if (e.target instanceof Node && wrap.contains(e.target)) return;
    saving.changed();
  };
  form.addEventListener('input', onField);
  form.addEventListener('change', onField);

  const tags = form.querySelector<HTMLInputElement>('input[name="tags"][data-suggest]');
  if (tags?.dataset.suggest) tagsCombobox(tags, tags.dataset.suggest, s);
  suggestedTags(form);
  if (media) coverPicker(form, media, s);
}

const textarea = document.querySelector<HTMLTextAreaElement>('textarea[data-editor]');
if (textarea?.form) start(textarea, textarea.form, readStrings());
