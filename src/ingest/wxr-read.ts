// Streaming reader for WordPress exports (WXR 1.0–1.2). The file is read in chunks, decoded as
// strict UTF-8 and pushed through saxes; the site, authors, categories, tags, terms and items come
// out one by one, so a 2 GB export never sits in memory. Only one item's elements are held at a
// time. Every problem is a WxrError naming the line, column and element.

import { createReadStream } from 'node:fs';
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import { WxrError, type WxrErrorCode } from './wxr-error.js';
import { toAuthor, toCategory, toItem, toTag, toTerm, type XmlNode } from './wxr-fields.js';
import type { WxrEvent, WxrSite } from './wxr-types.js';

export interface WxrReadOptions {
  /** The old site's time zone, for items whose GMT date is 0000-00-00 (drafts, old exports). */
  timeZone: string;
}

const CHUNK_BYTES = 256 * 1024;

/** Reads the export at `path`, yielding the site first, then channel data and items in file order. */
export function readWxr(path: string, options: WxrReadOptions): AsyncGenerator<WxrEvent> {
  return readWxrFrom(createReadStream(path, { highWaterMark: CHUNK_BYTES }), options);
}

/** The same over any byte stream (a file stream, an upload). */
export async function* readWxrFrom(
  source: AsyncIterable<Uint8Array>,
  options: WxrReadOptions,
): AsyncGenerator<WxrEvent> {
  const parser = new WxrStreamParser(options.timeZone);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of source) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw parser.encodingError(chunk, offset);
    }
    parser.write(text);
    offset += chunk.length;
    yield* parser.take();
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw parser.encodingError(new Uint8Array(0), offset);
  }
  parser.write(tail);
  parser.close();
  yield* parser.take();
}

/** Element names under the namespaces a WXR uses, whatever prefixes the file binds them to. */
function prefixFor(uri: string): string | null {
  if (uri === '') return '';
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/.test(uri)) return 'wp:';
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/.test(uri)) return 'excerpt:';
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content:';
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc:';
  if (uri === 'http://wellformedweb.org/CommentAPI/') return 'wfw:';
  return null;
}

const SITE_FIELDS: Record<string, keyof WxrSite> = {
  title: 'title',
  link: 'link',
  description: 'description',
  language: 'language',
  'wp:wxr_version': 'wxrVersion',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
};

const BARE_AMPERSAND =
  'the XML is not well-formed: an "&" that starts no entity (write &amp;) stands at or before this point.';

const RECORDS = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'item']);

class WxrStreamParser {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly prefixes = new Map<string, string>();
  /** Names of the open elements, outermost first. */
  private readonly open: string[] = [];
  /** The record (author, item, …) being collected, innermost element last. */
  private readonly building: XmlNode[] = [];
  private siteField: keyof WxrSite | null = null;
  private siteText = '';
  private readonly site: WxrSite = {
    title: '',
    link: '',
    description: '',
    language: '',
    wxrVersion: '',
    baseSiteUrl: '',
    baseBlogUrl: '',
  };
  private siteSent = false;
  private channelSeen = false;
  private closing = false;
  private queue: WxrEvent[] = [];

  constructor(private readonly timeZone: string) {
    const p = this.parser;
    p.on('xmldecl', (decl) => {
      if (decl.encoding && !/^utf-?8$/i.test(decl.encoding))
        this.fail('not-utf8', `the file declares encoding "${decl.encoding}"; exports must be UTF-8.`);
    });
    p.on('opentag', (tag) => this.openTag(tag));
    p.on('text', (t) => this.addText(t));
    p.on('cdata', (t) => this.addText(t));
    p.on('closetag', () => this.closeTag());
    p.on('error', (err) => {
      const detail = err.message.replace(/^.*?:\d+:\d+: /, '');
      if (this.pendingEntity() > 0 || /entity/.test(detail)) this.fail('malformed', BARE_AMPERSAND);
      if (this.closing) {
        if (this.open.length === 0) this.fail('not-wxr', 'the file holds no XML element at all.');
        this.fail('truncated', `the file ends before this element is closed: it is cut short (${detail}).`);
      }
      this.fail('malformed', `the XML is not well-formed: ${detail}.`);
    });
  }

  write(text: string): void {
    this.parser.write(text);
    if (this.pendingEntity() > 256) this.fail('malformed', BARE_AMPERSAND);
  }

  /**
   * saxes reads a bare "&" as the start of an entity up to the next ";", however far away (it would
   * hold the rest of a 2 GB file); a pending entity name longer than any real one means a bare "&".
   */
  private pendingEntity(): number {
    return (this.parser as unknown as { entity?: string }).entity?.length ?? 0;
  }

  close(): void {
    this.closing = true;
    this.parser.close();
    if (!this.channelSeen) this.fail('not-wxr', 'there is no <channel>: this is not a WordPress export.');
  }

  take(): WxrEvent[] {
    const events = this.queue;
    this.queue = [];
    return events;
  }

  /** The error for bytes that are not UTF-8, placed by byte offset and line. */
  encodingError(chunk: Uint8Array, chunkOffset: number): WxrError {
    const at = Math.max(0, firstInvalidUtf8(chunk));
    let line = this.parser.line;
    let lineStart = -1;
    for (let i = 0; i < at; i++)
      if (chunk[i] === 0x0a) {
        line++;
        lineStart = i;
      }
    const column = lineStart >= 0 ? at - lineStart : this.parser.column + 1 + at;
    const byte = chunk[at];
    const what =
      byte === undefined
        ? 'the file ends in the middle of a UTF-8 character'
        : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${chunkOffset + at} is not UTF-8`;
    return new WxrError(
      'not-utf8',
      `${what}. Exports must be UTF-8; convert the file first (for example with iconv from Latin-1 or Windows-1251).`,
      { line, column, element: this.open.at(-1) ?? 'document', byteOffset: chunkOffset + at },
    );
  }

  private fail(code: WxrErrorCode, detail: string): never {
    throw new WxrError(code, detail, {
      line: this.parser.line,
      column: this.parser.column + 1,
      element: this.open.at(-1) ?? 'document',
    });
  }

  private nameOf(tag: SaxesTagNS | SaxesAttributeNS): string {
    let prefix = this.prefixes.get(tag.uri);
    if (prefix === undefined) {
      prefix = prefixFor(tag.uri) ?? `{${tag.uri}}`;
      this.prefixes.set(tag.uri, prefix);
    }
    return prefix + tag.local;
  }

  private openTag(tag: SaxesTagNS): void {
    const name = this.nameOf(tag);
    const depth = this.open.length;
    this.open.push(name);
    const parent = this.building.at(-1);
    if (parent || (depth === 2 && RECORDS.has(name))) {
      if (!parent) this.sendSite();
      const attrs: Record<string, string> = {};
      for (const a of Object.values(tag.attributes)) attrs[this.nameOf(a)] = a.value;
      const node: XmlNode = {
        name,
        attrs,
        text: '',
        children: [],
        line: this.parser.line,
        column: this.parser.column + 1,
      };
      parent?.children.push(node);
      this.building.push(node);
      return;
    }
    if (depth === 0 && name !== 'rss')
      this.fail('not-wxr', `the root element is <${name}>, not <rss>: this is not a WordPress export.`);
    if (depth === 1 && name === 'channel') this.channelSeen = true;
    if (depth === 2 && this.open[1] === 'channel') {
      this.siteField = SITE_FIELDS[name] ?? null;
      this.siteText = '';
    }
  }

  private addText(text: string): void {
    const node = this.building.at(-1);
    if (node) node.text += text;
    else if (this.siteField !== null && this.open.length === 3) this.siteText += text;
  }

  private closeTag(): void {
    const node = this.building.pop();
    if (node) {
      if (this.building.length === 0) this.emit(node);
    } else if (this.siteField !== null && this.open.length === 3) {
      this.site[this.siteField] = this.siteText.trim();
      if (this.siteField === 'wxrVersion' && !/^1\.[012]$/.test(this.site.wxrVersion))
        this.fail(
          'wxr-version',
          `WXR version "${this.site.wxrVersion}" is not supported (1.0, 1.1 and 1.2 are).`,
        );
      this.siteField = null;
    } else if (this.open.length === 2 && this.open[1] === 'channel') this.sendSite();
    this.open.pop();
  }

  /** The site goes out before the first author, term or item, once it is known to be a WXR. */
  private sendSite(): void {
    if (this.siteSent) return;
    if (this.site.wxrVersion === '')
      this.fail(
        'not-wxr',
        'the channel has no <wp:wxr_version>: this is an RSS feed or another XML file, not a WordPress export.',
      );
    this.siteSent = true;
    this.queue.push({ kind: 'site', site: { ...this.site } });
  }

  private emit(node: XmlNode): void {
    switch (node.name) {
      case 'wp:author':
        this.queue.push({ kind: 'author', author: toAuthor(node) });
        break;
      case 'wp:category':
        this.queue.push({ kind: 'category', category: toCategory(node) });
        break;
      case 'wp:tag':
        this.queue.push({ kind: 'tag', tag: toTag(node) });
        break;
      case 'wp:term':
        this.queue.push({ kind: 'term', term: toTerm(node) });
        break;
      default: {
        const item = toItem(node, this.timeZone);
        this.queue.push('reason' in item ? { kind: 'skipped', skipped: item } : { kind: 'item', item });
      }
    }
  }
}

/**
 * Index of the first byte that cannot be UTF-8, or -1. Up to three leading continuation bytes
 * belong to a character begun in the previous chunk; a character cut at the end is left for the next.
 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < 3 && i < b.length && ((b[i] ?? 0) & 0xc0) === 0x80) i++;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (extra === 0) return i;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= b.length) return -1;
      if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return -1;
}
