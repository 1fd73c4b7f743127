import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../text/sanitize.js';
import { BODY_IMAGE_SIZES, expandBodyImages, mediaIdsInBody, pictureHtml } from './markup.js';
import type { MediaItem } from './types.js';
import { responsive } from './urls.js';

function item(id: number, over: Partial<MediaItem> = {}): MediaItem {
  const key = `2026/11/${'ab'.repeat(11)}${String(id).padStart(2, '0')}`;
  const widths = [480, 960, 1600];
  const r = responsive({ key, widths, width: 2400, height: 1600 });
  return {
    id,
    key,
    format: 'jpeg',
    bytes: 123_456,
    width: 2400,
    height: 1600,
    alt: 'Площадът пред храм-паметника',
    caption: '',
    credit: '',
    originalName: 'ploshtad.jpg',
    createdAt: 0,
    widths,
    url: r.src,
    thumbUrl: `/media/${key}/480.jpg`,
    srcset: r.srcset,
    ...over,
  };
}

describe('pictureHtml', () => {
  it('gives AVIF and WebP sources and a JPEG img with srcset, sizes and dimensions', () => {
    const it7 = item(7);
    const html = pictureHtml(it7, { sizes: '100vw', loading: 'lazy' });
    const k = `/media/${it7.key}`;
    expect(html).toBe(
      '<picture>' +
        `<source type="image/avif" srcset="${k}/480.avif 480w, ${k}/960.avif 960w, ${k}/1600.avif 1600w" sizes="100vw">` +
        `<source type="image/webp" srcset="${k}/480.webp 480w, ${k}/960.webp 960w, ${k}/1600.webp 1600w" sizes="100vw">` +
        `<img src="${k}/960.jpg" srcset="${k}/480.jpg 480w, ${k}/960.jpg 960w, ${k}/1600.jpg 1600w" sizes="100vw"` +
        ' alt="Площадът пред храм-паметника" width="960" height="640" loading="lazy" decoding="async">' +
        '</picture>',
    );
  });

  it('escapes every attribute value', () => {
    const html = pictureHtml(item(1, { alt: 'x" onerror="alert(1)' }), {
      sizes: '100vw',
      alt: '<b>„Кавички“ & "други"</b>',
      loading: 'eager',
      className: 'a"b',
    });
    expect(html).toContain('alt="&lt;b&gt;„Кавички“ &amp; &quot;други&quot;&lt;/b&gt;"');
    expect(html).toContain('<picture class="a&quot;b">');
    expect(html).not.toContain('onerror');
  });

  it('survives the sanitizer unchanged', () => {
    const html = pictureHtml(item(3, { alt: 'Тест & „кавички“ <нещо> "x"' }), {
      sizes: BODY_IMAGE_SIZES,
      loading: 'lazy',
    });
    expect(sanitizeArticleHtml(html)).toBe(html);
  });
});

const figure = (
  id: number | string,
  img: string,
  caption = 'Надпис<span class="credit">Снимка: Автор</span>',
) => `<figure class="image" data-media-id="${id}">${img}<figcaption>${caption}</figcaption></figure>`;

describe('expandBodyImages', () => {
  const items = new Map([
    [12, item(12)],
    [13, item(13)],
  ]);

  it('replaces the img of a known figure with the item’s picture, keeping the rest byte for byte', () => {
    const body = `<p>Преди &amp; „след“.</p>${figure(12, '<img src="/x.jpg" alt="Написано в редактора" />')}<p>Край.</p>`;
    const out = expandBodyImages(body, items);
    const picture = pictureHtml(item(12), {
      sizes: BODY_IMAGE_SIZES,
      alt: 'Написано в редактора',
      loading: 'lazy',
    });
    expect(out).toBe(`<p>Преди &amp; „след“.</p>${figure(12, picture)}<p>Край.</p>`);
  });

  it('takes the library’s alt when the editor left it empty', () => {
    const out = expandBodyImages(figure(13, '<img src="/x.jpg" alt="" />'), items);
    expect(out).toContain('alt="Площадът пред храм-паметника"');
  });

  it('replaces a picture an earlier save made, so expanding twice changes nothing', () => {
    const once = expandBodyImages(figure(12, '<img src="/x.jpg" alt="Едно" />'), items);
    expect(expandBodyImages(once, items)).toBe(once);
    expect(once.match(/<picture>/g)).toHaveLength(1);
  });

  it('leaves unknown ids, figures without an id and other markup as they are', () => {
    const body =
      figure(99, '<img src="/ext.jpg" alt="Чужда" />') +
      '<figure class="image"><img src="/plain.jpg" alt="Без номер" /></figure>' +
      '<p><img src="/inline.jpg" alt="В текста" /></p>';
    expect(expandBodyImages(body, items)).toBe(body);
  });

  it('gives output the sanitizer keeps exactly', () => {
    const dirty =
      '<p>Текст</p><figure class="image" data-media-id="12" onclick="x()"><img src="/x.jpg" alt="Алт &quot;кавички&quot;"><figcaption>Подпис <span class="credit">БТА</span></figcaption></figure>' +
      '<figure class="image" data-media-id="13"><img src="/y.jpg"><figcaption>Втори</figcaption></figure>';
    const stored = expandBodyImages(sanitizeArticleHtml(dirty), items);
    expect(stored).toContain('<picture><source type="image/avif"');
    expect(sanitizeArticleHtml(stored)).toBe(stored);
  });

  it('lists the media ids a body shows, each once, in order', () => {
    const body =
      figure(13, '<img src="/a.jpg" alt="" />') +
      figure(12, '<img src="/b.jpg" alt="" />') +
      figure(13, '<img src="/c.jpg" alt="" />') +
      figure('01', '<img src="/d.jpg" alt="" />') +
      '<figure class="embed" data-media-id="5"></figure>';
    expect(mediaIdsInBody(body)).toEqual([13, 12]);
    expect(mediaIdsInBody('<p>Без снимки</p>')).toEqual([]);
  });
});
