// The moderation desk's keyboard shortcuts: j/k move between comments, x ticks one, a/r/f decide
// the one in focus, o opens its author's history. Keys typed into a field are left alone, and
// without this script every shortcut is still a button or a link on the page.

const TYPING =
  'input:not([type="checkbox"]):not([type="radio"]):not([type="submit"]):not([type="button"]), textarea, select, [contenteditable]';

function items(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-desk-item]')];
}

function focusItem(item: HTMLElement): void {
  item.focus();
  item.scrollIntoView({ block: 'nearest' });
}

function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target instanceof Element && e.target.closest(TYPING)) return;
  const list = items();
  if (list.length === 0) return;
  const active = document.activeElement;
  const index = list.findIndex((el) => el === active || el.contains(active));
  if (e.key === 'j' || e.key === 'k') {
    e.preventDefault();
    const step = e.key === 'j' ? 1 : -1;
    const next = index < 0 ? 0 : Math.min(list.length - 1, Math.max(0, index + step));
    focusItem(list[next]!);
    return;
  }
  const item = list[index];
  if (!item) return;
  if (e.key === 'x') {
    const box = item.querySelector<HTMLInputElement>('input[data-select]');
    if (!box) return;
    e.preventDefault();
    box.checked = !box.checked;
    item.classList.toggle('is-selected', box.checked);
  } else if (e.key === 'a' || e.key === 'r' || e.key === 'f') {
    const button = item.querySelector<HTMLButtonElement>(`button[data-key="${e.key}"]`);
    if (!button) return;
    e.preventDefault();
    button.click();
  } else if (e.key === 'o') {
    const link = item.querySelector<HTMLAnchorElement>('a[data-key="o"]');
    if (!link) return;
    e.preventDefault();
    window.location.assign(link.href);
  }
}

document.addEventListener('keydown', onKey);
document.addEventListener('change', (e) => {
  const box = e.target;
  if (box instanceof HTMLInputElement && box.matches('input[data-select]'))
    box.closest('[data-desk-item]')?.classList.toggle('is-selected', box.checked);
});
