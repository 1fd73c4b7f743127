// The words stored with an image: alt text, caption, credit and the uploaded file's name.
// One line each, trimmed, with limits counted in characters as people see them.

export const TEXT_LIMITS = { alt: 250, caption: 500, credit: 120 } as const;

export type TextField = keyof typeof TEXT_LIMITS;
export type TextErrors = Partial<Record<TextField, 'too-long'>>;

/** Control characters and line breaks become spaces; runs of spaces become one. */
function oneLine(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function checkTexts(
  input: Partial<Record<TextField, string>>,
): { ok: true; value: Record<TextField, string> } | { ok: false; errors: TextErrors } {
  const value = { alt: '', caption: '', credit: '' };
  const errors: TextErrors = {};
  for (const field of Object.keys(TEXT_LIMITS) as TextField[]) {
    value[field] = oneLine(input[field] ?? '');
    if ([...value[field]].length > TEXT_LIMITS[field]) errors[field] = 'too-long';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The uploaded file's own name, without any folder a browser may send, at most 200 characters. */
export function cleanName(name: string): string {
  const base = oneLine(name).split(/[/\\]/).pop() ?? '';
  return [...base].slice(0, 200).join('');
}

/**
 * What the library's search looks in, lower-cased here because SQLite's lower() knows only ASCII
 * ("Пловдив" must be found by "пловдив").
 */
export function searchText(originalName: string, t: Record<TextField, string>): string {
  return [originalName, t.alt, t.caption, t.credit].join(' ').toLowerCase();
}
