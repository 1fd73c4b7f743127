// The small pieces of reading a page file: checking it is UTF-8 (and saying where it is not),
// telling HTML from plain text, turning paragraphs into HTML, and letting the newsroom's own
// transactional steps run inside the import's one transaction.
import { escapeHtml } from '../text/escape.js';

export type Decoded = { ok: true; text: string } | { ok: false; offset: number; line: number; byte: number };

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence; -1 when all are. */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** The file's text, or where its first byte that is not UTF-8 sits (offset from 0, line from 1). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(0, firstBadUtf8Byte(bytes));
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, offset, line, byte: bytes[offset] ?? 0 };
  }
}

const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|main)\b/i;

/** HTML by the file's extension (.html, .htm, .xhtml), else by how it starts; anything else is text. */
export function pageKind(name: string, text: string): 'html' | 'text' {
  if (/\.x?html?$/i.test(name)) return 'html';
  if (/\.txt$/i.test(name)) return 'text';
  return HTML_START.test(text.replace(/^\uFEFF/, '')) ? 'html' : 'text';
}

/** Plain-text paragraphs as article HTML. */
export function paragraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}
