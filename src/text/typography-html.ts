// The quotes and dashes of fixQuotes for article HTML. Only the text a reader sees is changed, and
// only one quote or hyphen character at a time, in place: tags, attributes, entities and everything
// else come out byte for byte, so sanitized HTML stays exactly as the sanitizer writes it.
//
// A quote may open in one text node and close in another ("<em>Ислямска</em> държава"), so the text
// of each block is joined and typeset as one string; code, URL links and images take part in it as
// neutral characters that are never changed, and each change is mapped back to its place in the HTML.
import type { AnyNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Locale } from './locale.js';
import { fixQuotes } from './typography.js';

/** Neither a letter nor a space nor punctuation: a quote next to it opens or closes as by a word. */
const NEUTRAL = '\uFFFC';

// Elements that flow inside a line of text; any other element starts and ends a block.
const INLINE = new Set(
  (
    'a abbr b bdi bdo cite data del dfn em i ins mark q s small span strong sub sup time u var wbr ' +
    'font big tt'
  ).split(' '),
);
// Code inside a line: kept as it is, but part of the sentence around it.
const INLINE_VERBATIM = new Set(['code', 'kbd', 'samp']);
// Blocks whose text is code or not text at all: kept as they are, and never part of a sentence.
const BLOCK_VERBATIM = new Set(['pre', 'script', 'style', 'textarea', 'xmp', 'template', 'svg', 'math']);
// Things in a line that are not text: one neutral character each.
const OBJECTS = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas']);

// The characters fixQuotes may replace; an entity standing for one of them is never typeset.
const TYPESET_CHARS = new Set(['"', "'", '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '-']);
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{0,31}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * The raw text of a node as fixQuotes should see it, at the same length: each entity becomes its
 * character repeated (so "&amp;" reads as "&&&&&" and "&nbsp;" as spaces on both sides), or neutral
 * characters where the entity stands for a quote or hyphen (that one is left as the author wrote it).
 */
function textView(raw: string): string {
  return raw.replace(ENTITY_RE, (m, dec?: string, hex?: string, name?: string) => {
    let ch: string | undefined;
    if (name !== undefined) ch = NAMED[name.toLowerCase()];
    else {
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
      ch = code > 0 && code < 0xd800 ? String.fromCharCode(code) : undefined;
    }
    return ch === undefined || TYPESET_CHARS.has(ch) ? NEUTRAL.repeat(m.length) : ch.repeat(m.length);
  });
}

const URL_TEXT_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+$/i;
const DOMAIN_TEXT_RE = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:[/?#:]\S*)?$/u;

/** A link that shows its own address (https://…, www.…, example.bg/…): its text is a URL, not prose. */
function isUrlLink(el: Element): boolean {
  const text = DomUtils.textContent(el).trim();
  return text !== '' && (URL_TEXT_RE.test(text) || DOMAIN_TEXT_RE.test(text));
}

/** The text of one block, gathered from its nodes, and where each of its characters sits in the HTML. */
class Block {
  private text = '';
  /** Joined-text offset → source offset of the first character of each mapped text node. */
  private pieces: { at: number; length: number; source: number }[] = [];

  constructor(
    private readonly html: string,
    private readonly locale: Locale,
    private readonly edits: Map<number, string>,
  ) {}

  addText(raw: string, source: number): void {
    this.pieces.push({ at: this.text.length, length: raw.length, source });
    this.text += textView(raw);
  }

  /** Text that takes part in pairing quotes but is never changed. */
  addFixed(text: string): void {
    this.text += text;
  }

  /** Typesets the gathered text and records each changed character at its place in the HTML. */
  flush(): void {
    const before = this.text;
    const pieces = this.pieces;
    this.text = '';
    this.pieces = [];
    if (pieces.length === 0) return;
    const after = fixQuotes(before, this.locale);
    for (const piece of pieces) {
      for (let i = piece.at; i < piece.at + piece.length; i++) {
        const ch = after[i];
        if (ch === undefined || ch === before[i]) continue;
        const at = piece.source + (i - piece.at);
        // fixQuotes keeps lengths; should that ever change, a mismatch here leaves the text alone.
        if (this.html[at] === before[i]) this.edits.set(at, ch);
      }
    }
  }
}

function walk(nodes: AnyNode[], block: Block): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      // Without end indices a node cannot be mapped back; it is then left as it is.
      if (node.startIndex !== null) block.addText(node.data, node.startIndex);
      continue;
    }
    if (!DomUtils.isTag(node)) continue; // comments, doctypes, CDATA
    const name = node.name.toLowerCase();
    if (name === 'br') {
      block.addFixed('\n');
    } else if (OBJECTS.has(name)) {
      block.addFixed(NEUTRAL);
    } else if (INLINE_VERBATIM.has(name) || (name === 'a' && isUrlLink(node))) {
      block.addFixed(NEUTRAL.repeat(DomUtils.textContent(node).length));
    } else if (BLOCK_VERBATIM.has(name)) {
      block.flush();
    } else if (INLINE.has(name)) {
      walk(node.children, block);
    } else {
      block.flush();
      walk(node.children, block);
      block.flush();
    }
  }
}

/**
 * fixQuotes for article HTML (Bulgarian „…“ by default): straight and misused quotes paired across
 * inline tags, spaced hyphens to en dashes, number ranges to en dashes. Never touched: attributes,
 * <code>, <kbd>, <samp>, <pre>, <script>, <style>, URLs in the text, the text of links that show
 * their own address, and characters written as entities.
 */
export function fixQuotesHtml(html: string, locale: Locale = 'bg'): string {
  if (html === '') return html;
  const doc = parseDocument(html, { decodeEntities: false, withStartIndices: true, withEndIndices: true });
  const edits = new Map<number, string>();
  const block = new Block(html, locale, edits);
  walk(doc.children, block);
  block.flush();
  if (edits.size === 0) return html;
  let out = '';
  let from = 0;
  for (const at of [...edits.keys()].sort((a, b) => a - b)) {
    out += html.slice(from, at) + edits.get(at);
    from = at + 1;
  }
  return out + html.slice(from);
}
