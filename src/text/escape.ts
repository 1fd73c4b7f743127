// Text into markup. Every hand-built piece of HTML or XML escapes through here, so the rule is in
// one place: the five markup characters, which is safe in element content and in quoted attributes.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/**
 * JSON inside an HTML <script> element. The element ends at the first "</script" whatever the JSON
 * says, and "<!--" changes how the rest is read, so every "<" is written as the JSON escape
 * \u003c: the text means the same to a JSON parser and can never close the element.
 */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
