// The tags field as an ARIA 1.2 combobox: typing asks the server for names that start with the last
// comma-separated part; arrows move through the list, Enter or a click takes a name, Escape closes.
// A name not in the list simply stays typed: the server creates the tag when the article is saved.
import { h, uid } from './dom.js';
import type { Strings } from './strings.js';
import { freshSuggestions, lastPart, replaceLastPart } from './tags.js';

interface Suggestion {
  id: number;
  name: string;
  slug: string;
}

function isSuggestion(x: unknown): x is Suggestion {
  const o = x as Suggestion;
  return typeof o === 'object' && o !== null && typeof o.name === 'string' && typeof o.id === 'number';
}

export function tagsCombobox(input: HTMLInputElement, url: string, s: Strings): void {
  const listbox = h('ul', {
    id: uid('ed-tags-list'),
    class: 'ed-suggest',
    role: 'listbox',
    'aria-label': s.tagsSuggestions,
  });
  listbox.hidden = true;
  const wrap = h('div', { class: 'ed-combobox' });
  input.replaceWith(wrap);
  wrap.append(input, listbox);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.autocomplete = 'off';

  let items: Suggestion[] = [];
  let active = -1;
  let request: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    for (const [i, li] of [...listbox.children].entries())
      li.setAttribute('aria-selected', String(i === index));
    const li = listbox.children[index];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const show = (list: Suggestion[]) => {
    items = list;
    listbox.replaceChildren(
      ...list.map((t) => h('li', { id: uid('ed-tag'), role: 'option', 'aria-selected': 'false' }, t.name)),
    );
    if (list.length === 0) return close();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };
  const choose = (index: number) => {
    const tag = items[index];
    if (!tag) return;
    input.value = replaceLastPart(input.value, tag.name);
    close();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    // The form's listeners (autosave, unsaved-changes warning) learn of the change like of typing.
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const suggest = async () => {
    const prefix = lastPart(input.value);
    request?.abort();
    if (prefix === '') return close();
    request = new AbortController();
    try {
      const res = await fetch(`${url}?q=${encodeURIComponent(prefix)}`, {
        headers: { accept: 'application/json' },
        signal: request.signal,
      });
      const data: unknown = res.ok ? await res.json() : [];
      const list = Array.isArray(data) ? data.filter(isSuggestion) : [];
      if (document.activeElement === input) show(freshSuggestions(input.value, list).slice(0, 10));
    } catch {
      // Aborted by newer typing, or offline: the field still works as plain text.
    }
  };

  input.addEventListener('input', (e) => {
    if (!e.isTrusted) return;
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener('keydown', (e) => {
    const open = !listbox.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        void suggest();
        return;
      }
      const n = items.length;
      if (e.key === 'ArrowDown') highlight(active < 0 ? 0 : (active + 1) % n);
      else highlight(active < 0 ? n - 1 : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && open && active >= 0) {
      // Taking a suggestion, not submitting the article.
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  // mousedown, not click: the field keeps its focus while a name is taken.
  listbox.addEventListener('mousedown', (e) => {
    const li = (e.target as Element).closest('li');
    if (!li) return;
    e.preventDefault();
    choose([...listbox.children].indexOf(li));
  });
}
