// The side column's suggested topics with the script on: each offer becomes a button that puts the
// tag's name into the tags field at once, instead of a box ticked for the next save. The field then
// carries the name like a typed one, and autosave or the next save links the tag.

/** The tags field's value with `name` added at the end, unless a name of any case is already there. */
export function withTagName(value: string, name: string): string {
  const parts = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const wanted = name.trim();
  const key = wanted.toLocaleLowerCase('bg');
  if (wanted === '' || parts.some((n) => n.toLocaleLowerCase('bg') === key)) return parts.join(', ');
  return [...parts, wanted].join(', ');
}

export function suggestedTags(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLElement>('[data-suggested-tags]');
  const field = form.querySelector<HTMLInputElement>('input[name="tags"]');
  if (!box || !field) return;
  const status = box.querySelector<HTMLElement>('[data-suggested-status]');
  const buttons = [...box.querySelectorAll<HTMLButtonElement>('button[data-add-tag]')];

  for (const button of buttons) {
    const item = button.closest('li');
    const tick = item?.querySelector<HTMLInputElement>('input[name="add_tags"]');
    const label = item?.querySelector('label');
    // A disabled box is not sent: with the button, the name travels in the tags field instead.
    if (tick) {
      if (tick.checked) {
        field.value = withTagName(field.value, button.dataset.addTag ?? '');
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      tick.disabled = true;
      tick.hidden = true;
    }
    if (label) label.hidden = true;
    button.hidden = false;
    button.addEventListener('click', () => {
      field.value = withTagName(field.value, button.dataset.addTag ?? '');
      // The form's listeners (autosave, unsaved-changes warning) learn of it like of typing.
      field.dispatchEvent(new Event('input', { bubbles: true }));
      if (status) status.textContent = button.dataset.added ?? '';
      const next = item?.nextElementSibling?.querySelector<HTMLButtonElement>('button[data-add-tag]');
      const previous = item?.previousElementSibling?.querySelector<HTMLButtonElement>('button[data-add-tag]');
      item?.remove();
      // Focus stays in the list while offers remain, else goes to the field that now holds them.
      (next ?? previous ?? field).focus();
    });
  }
}
