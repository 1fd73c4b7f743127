// The cover image: [data-pick-cover] opens the media library, [data-clear-cover] empties the choice;
// the hidden cover_media_id carries it with the form, and [data-cover-preview] shows it.
import { h } from './dom.js';
import { type MediaEndpoints, type MediaItem, pickMedia } from './media-dialog.js';
import type { Strings } from './strings.js';

export function coverPicker(form: HTMLFormElement, api: MediaEndpoints, s: Strings): void {
  const input = form.querySelector<HTMLInputElement>('input[name="cover_media_id"]');
  const preview = form.querySelector<HTMLElement>('[data-cover-preview]');
  const pick = form.querySelector<HTMLButtonElement>('[data-pick-cover]');
  const clear = form.querySelector<HTMLButtonElement>('[data-clear-cover]');
  if (!input || !pick) return;

  const set = (item: MediaItem | null) => {
    input.value = item ? String(item.id) : '';
    preview?.replaceChildren(
      item
        ? h(
            'figure',
            { class: 'ed-cover' },
            h('img', { src: item.thumbUrl, alt: item.alt }),
            item.caption || item.credit
              ? h(
                  'figcaption',
                  {},
                  item.caption,
                  item.credit ? h('span', { class: 'credit' }, ` ${item.credit}`) : null,
                )
              : null,
          )
        : h('p', { class: 'ed-cover-none' }, s.coverNone),
    );
    if (clear) clear.hidden = !item;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  // The buttons do nothing without the script, so the page may send them hidden.
  pick.hidden = false;
  if (clear) clear.hidden = input.value === '';
  pick.addEventListener('click', async () => {
    const item = await pickMedia(api, s, s.coverTitle);
    if (item) set(item);
    pick.focus();
  });
  clear?.addEventListener('click', () => {
    set(null);
    pick.focus();
  });
}
