// A few lines instead of a UI library: elements with attributes and children, and unique ids.

type Child = Node | string | null | undefined | false;

/** An element with attributes (false/null/undefined ones left out) and children (falsy ones skipped). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** An id for label/aria wiring; random, since elements are made before they join the page. */
export function uid(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A labelled field: <div class="field"><label for>…</label><input id></div>. */
export function field(label: string, input: HTMLInputElement | HTMLTextAreaElement): HTMLDivElement {
  if (!input.id) input.id = uid('ed-field');
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
}
