// The editor's words: the page puts them in a JSON block (#editor-i18n), which a strict CSP allows
// where an inline script would not be.
import type { EditorClientStrings } from '../../i18n/editor.js';

export type Strings = EditorClientStrings;

export function readStrings(doc: Document = document): Strings {
  const block = doc.getElementById('editor-i18n');
  try {
    return JSON.parse(block?.textContent ?? '{}') as Strings;
  } catch {
    return {} as Strings;
  }
}

/** "Страница {page} от {pages}" with the values put in; unknown names stay as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
