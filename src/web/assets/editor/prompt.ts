// A small modal form asking for one address (a link, an embed). A native <dialog>: focus moves in
// and is kept there, Escape closes it, and the page behind is inert while it is open.
import { field, h, uid } from './dom.js';
import type { Strings } from './strings.js';

export interface PromptOptions {
  title: string;
  label: string;
  value: string;
  submitLabel: string;
  /** A second action (e.g. "remove the link"), shown when given. */
  extraLabel?: string;
  /** The value to use, or an error message to show next to the field. */
  check(value: string): { value: string } | { error: string };
}

export type PromptAnswer = { action: 'submit'; value: string } | { action: 'extra' } | null;

export function askAddress(s: Strings, o: PromptOptions): Promise<PromptAnswer> {
  const titleId = uid('ed-prompt');
  const errorId = uid('ed-prompt-error');
  const input = h('input', {
    type: 'text',
    inputmode: 'url',
    autocomplete: 'off',
    spellcheck: 'false',
    value: o.value,
    'aria-describedby': errorId,
  });
  const error = h('p', { class: 'field-error', id: errorId, role: 'alert' });
  const extra = o.extraLabel
    ? h('button', { type: 'button', class: 'button button-secondary' }, o.extraLabel)
    : null;
  const cancel = h('button', { type: 'button', class: 'button button-secondary' }, s.cancel);
  const form = h(
    'form',
    { class: 'ed-prompt-form', novalidate: true },
    field(o.label, input),
    error,
    h(
      'div',
      { class: 'ed-dialog-actions' },
      h('button', { type: 'submit', class: 'button' }, o.submitLabel),
      extra,
      cancel,
    ),
  );
  const dialog = h(
    'dialog',
    { class: 'ed-dialog ed-prompt', 'aria-labelledby': titleId },
    h('h2', { id: titleId, class: 'ed-dialog-title' }, o.title),
    form,
  );
  document.body.append(dialog);

  return new Promise((resolve) => {
    let answer: PromptAnswer = null;
    const finish = (a: PromptAnswer) => {
      answer = a;
      dialog.close();
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const checked = o.check(input.value);
      if ('error' in checked) {
        error.textContent = checked.error;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      finish({ action: 'submit', value: checked.value });
    });
    extra?.addEventListener('click', () => finish({ action: 'extra' }));
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    input.select();
  });
}
