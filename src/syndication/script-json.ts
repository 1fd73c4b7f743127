// JSON inside an HTML <script> element. The element ends at the first "</script" whatever the JSON
// says, and "<!--" changes how the rest is read, so every "<" is written as the JSON escape
// \u003c: the text means the same to a JSON parser and can never close the element.
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
