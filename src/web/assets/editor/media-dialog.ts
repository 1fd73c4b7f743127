// Choosing an image: a modal <dialog> over the media library (search, pages) with an upload form
// for a new one. Resolves with the chosen item, or null when closed without choosing.
import { field, h, uid } from './dom.js';
import { fill, type Strings } from './strings.js';

export interface MediaItem {
  id: number;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface MediaEndpoints {
  list: string;
  upload: string;
  /** The form's CSRF token, sent as x-csrf-token with uploads. */
  csrf(): string;
}

function isMediaItem(x: unknown): x is MediaItem {
  const o = x as MediaItem;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.id === 'number' &&
    typeof o.url === 'string' &&
    typeof o.thumbUrl === 'string'
  );
}

/** The item with its words as strings, whatever the server left out. */
function tidy(o: MediaItem): MediaItem {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { ...o, alt: text(o.alt), caption: text(o.caption), credit: text(o.credit) };
}

export function pickMedia(api: MediaEndpoints, s: Strings, title: string): Promise<MediaItem | null> {
  const titleId = uid('ed-media');
  const search = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
  const status = h('p', { class: 'ed-media-status', role: 'status' });
  const grid = h('ul', { class: 'ed-media-grid', 'aria-label': s.mediaResults });
  const prev = h('button', { type: 'button', class: 'button button-secondary' }, s.mediaPrev);
  const next = h('button', { type: 'button', class: 'button button-secondary' }, s.mediaNext);
  const position = h('span', { class: 'ed-media-position' });
  const pager = h('div', { class: 'ed-media-pager' }, prev, position, next);
  const close = h('button', { type: 'button', class: 'button button-secondary ed-dialog-close' }, s.close);
  const file = h('input', {
    type: 'file',
    name: 'file',
    accept: 'image/jpeg,image/png,image/webp,image/avif',
  });
  const alt = h('input', { type: 'text', name: 'alt', maxlength: 300 });
  const caption = h('input', { type: 'text', name: 'caption', maxlength: 500 });
  const credit = h('input', { type: 'text', name: 'credit', maxlength: 200 });
  const uploadButton = h('button', { type: 'submit', class: 'button' }, s.uploadButton);
  const uploadError = h('p', { class: 'field-error', role: 'alert' });
  const uploadTitleId = uid('ed-upload');
  const searchForm = h(
    'form',
    { class: 'ed-media-search', role: 'search' },
    field(s.mediaSearch, search),
    h('button', { type: 'submit', class: 'button' }, s.mediaSearchButton),
  );
  const uploadForm = h(
    'form',
    { class: 'ed-upload', 'aria-labelledby': uploadTitleId, novalidate: true },
    h('h3', { id: uploadTitleId }, s.uploadTitle),
    field(s.uploadFile, file),
    field(s.imageAlt, alt),
    field(s.imageCaption, caption),
    field(s.imageCredit, credit),
    uploadError,
    uploadButton,
  );
  const dialog = h(
    'dialog',
    { class: 'ed-dialog ed-media', 'aria-labelledby': titleId },
    h('div', { class: 'ed-dialog-head' }, h('h2', { id: titleId, class: 'ed-dialog-title' }, title), close),
    searchForm,
    status,
    grid,
    pager,
    uploadForm,
  );
  document.body.append(dialog);

  return new Promise((resolve) => {
    let chosen: MediaItem | null = null;
    let page = 1;
    let pages = 1;
    const choose = (item: MediaItem) => {
      chosen = item;
      dialog.close();
    };

    const load = async (wanted: number) => {
      status.textContent = s.mediaLoading;
      const query = new URLSearchParams({ q: search.value.trim(), page: String(wanted) });
      try {
        const res = await fetch(`${api.list}?${query}`, { headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as { items?: unknown; page?: unknown; pages?: unknown };
        const items = (Array.isArray(data.items) ? data.items : []).filter(isMediaItem).map(tidy);
        page = typeof data.page === 'number' ? data.page : wanted;
        pages = typeof data.pages === 'number' ? Math.max(1, data.pages) : 1;
        grid.replaceChildren(
          ...items.map((item) => {
            const words = item.caption || item.alt || s.mediaNoAlt;
            const button = h(
              'button',
              { type: 'button', class: 'ed-media-item' },
              h('img', { src: item.thumbUrl, alt: '', loading: 'lazy', width: 160, height: 107 }),
              h('span', { class: 'ed-media-words' }, words),
            );
            button.addEventListener('click', () => choose(item));
            return h('li', {}, button);
          }),
        );
        status.textContent = items.length === 0 ? s.mediaEmpty : '';
        position.textContent = fill(s.mediaPage, { page, pages });
        prev.disabled = page <= 1;
        next.disabled = page >= pages;
        pager.hidden = pages <= 1;
      } catch {
        status.textContent = s.mediaError;
      }
    };

    searchForm.addEventListener('submit', (e) => {
      e.preventDefault();
      void load(1);
    });
    prev.addEventListener('click', () => void load(page - 1));
    next.addEventListener('click', () => void load(page + 1));
    close.addEventListener('click', () => dialog.close());
    uploadForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      uploadError.textContent = '';
      if (!file.files?.length) {
        uploadError.textContent = s.uploadNoFile;
        file.focus();
        return;
      }
      uploadButton.disabled = true;
      uploadButton.textContent = s.uploading;
      try {
        const res = await fetch(api.upload, {
          method: 'POST',
          headers: { accept: 'application/json', 'x-csrf-token': api.csrf() },
          body: new FormData(uploadForm),
        });
        const data = (await res.json().catch(() => ({}))) as { item?: unknown; error?: unknown };
        if (res.status === 201 && isMediaItem(data.item)) return choose(tidy(data.item));
        uploadError.textContent = typeof data.error === 'string' ? data.error : s.uploadFailed;
      } catch {
        uploadError.textContent = s.uploadFailed;
      } finally {
        uploadButton.disabled = false;
        uploadButton.textContent = s.uploadButton;
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(chosen);
    });
    dialog.showModal();
    search.focus();
    void load(1);
  });
}
