// The editor's schema writes the stored forms the server and the site expect. ProseMirror's serializer
// only needs a document that can make elements and text, so a tiny one stands in for the browser's.
import { getSchema, type JSONContent } from '@tiptap/core';
import { DOMSerializer, Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { embedHtml } from '../../../text/embeds.js';
import { sanitizeArticleHtml } from '../../../text/sanitize.js';
import { editorExtensions } from './extensions.js';
import { type FigureImageAttrs, figureImageSpec } from './figure-model.js';
import type { Strings } from './strings.js';

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const VOID = new Set(['img', 'br', 'hr']);

class FakeText {
  readonly nodeType = 3;
  constructor(readonly text: string) {}
  html(): string {
    return escapeText(this.text);
  }
}

class FakeElement {
  readonly nodeType = 1;
  readonly attrs: [string, string][] = [];
  readonly children: (FakeElement | FakeText)[] = [];
  constructor(readonly tag: string) {}
  setAttribute(name: string, value: string): void {
    this.attrs.push([name, String(value)]);
  }
  appendChild<T extends FakeElement | FakeText>(child: T): T {
    this.children.push(child);
    return child;
  }
  html(): string {
    const attrs = this.attrs.map(([k, v]) => ` ${k}="${escapeText(v).replace(/"/g, '&quot;')}"`).join('');
    const inner = this.children.map((c) => c.html()).join('');
    if (this.tag === '#fragment') return inner;
    return VOID.has(this.tag) ? `<${this.tag}${attrs}>` : `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
}

const fakeDocument = {
  createElement: (tag: string) => new FakeElement(tag),
  createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
  createTextNode: (text: string) => new FakeText(text),
  createDocumentFragment: () => new FakeElement('#fragment'),
};

const schema = getSchema(editorExtensions({} as Strings));

function toHtml(content: JSONContent[]): string {
  const doc = Node.fromJSON(schema, { type: 'doc', content });
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(doc.content, {
    document: fakeDocument as unknown as Document,
  });
  return (fragment as unknown as FakeElement).html();
}

const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
});

describe('the editor schema', () => {
  it('writes headings, marks, links, quotes and lists as the allow-list keeps them', () => {
    const html = toHtml([
      { type: 'heading', attrs: { level: 2 }, content: [text('Бюджетът за 2026 г.')] },
      {
        type: 'paragraph',
        content: [
          text('Депутатите '),
          text('приеха', [{ type: 'bold' }]),
          text(' проекта '),
          text('на първо четене', [{ type: 'italic' }]),
          text(' – вижте '),
          text('документа', [{ type: 'link', attrs: { href: 'https://www.parliament.bg/bg/bills' } }]),
          text('.'),
        ],
      },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [text('„Дефицитът остава под 3%.“')] }] },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('приходи')] }] }],
      },
    ]);
    expect(html).toBe(
      '<h2>Бюджетът за 2026 г.</h2>' +
        '<p>Депутатите <strong>приеха</strong> проекта <em>на първо четене</em> – вижте ' +
        '<a href="https://www.parliament.bg/bg/bills">документа</a>.</p>' +
        '<blockquote><p>„Дефицитът остава под 3%.“</p></blockquote>' +
        '<ul><li><p>приходи</p></li></ul>',
    );
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('writes only h2 and h3: other levels become the first', () => {
    expect(toHtml([{ type: 'heading', attrs: { level: 1 }, content: [text('Заглавие')] }])).toBe(
      '<h2>Заглавие</h2>',
    );
    expect(toHtml([{ type: 'heading', attrs: { level: 3 }, content: [text('Подзаглавие')] }])).toBe(
      '<h3>Подзаглавие</h3>',
    );
  });

  it('writes an image figure in the canonical stored form', () => {
    const attrs: FigureImageAttrs = {
      src: '/media/2026/01/abc.jpg',
      alt: 'Сградата на парламента',
      caption: 'Народното събрание в понеделник',
      credit: 'Снимка: Иван Петров',
      mediaId: '12',
    };
    const html = toHtml([{ type: 'figureImage', attrs }]);
    expect(html).toBe(
      '<figure class="image" data-media-id="12"><img src="/media/2026/01/abc.jpg" alt="Сградата на парламента">' +
        '<figcaption>Народното събрание в понеделник<span class="credit">Снимка: Иван Петров</span></figcaption></figure>',
    );
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('leaves out an empty caption and an id that is not a number', () => {
    const spec = figureImageSpec({
      src: 'https://example.org/a.jpg',
      alt: '',
      caption: ' ',
      credit: '',
      mediaId: 'x1',
    });
    expect(spec).toEqual([
      'figure',
      { class: 'image' },
      ['img', { src: 'https://example.org/a.jpg', alt: '' }],
    ]);
    expect(figureImageSpec({ src: '/a.jpg', alt: 'a', caption: '', credit: 'БТА', mediaId: null })).toEqual([
      'figure',
      { class: 'image' },
      ['img', { src: '/a.jpg', alt: 'a' }],
      ['figcaption', {}, ['span', { class: 'credit' }, 'БТА']],
    ]);
  });

  it('writes embeds exactly as the server does', () => {
    const video = { provider: 'youtube' as const, id: 'dQw4w9WgXcQ' };
    const post = { provider: 'x' as const, id: '1790123456789012345' };
    expect(toHtml([{ type: 'embed', attrs: { ...video, title: '' } }])).toBe(embedHtml(video));
    expect(toHtml([{ type: 'embed', attrs: { ...post, title: 'Изявление на министъра' } }])).toBe(
      embedHtml(post, 'Изявление на министъра'),
    );
  });
});
