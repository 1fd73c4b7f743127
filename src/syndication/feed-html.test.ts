import { describe, expect, it } from 'vitest';
import { absoluteBody, absoluteUrl } from './feed-html.js';

const ARTICLE = 'https://vestnik.bg/svyat/zelen-plan';

describe('article bodies in feeds', () => {
  it('makes site-relative links, images and sources absolute', () => {
    const html =
      '<p><a href="/sport/derbi">дербито</a> и <a href="https://example.org/x?a=1&amp;b=2">друго</a></p>' +
      '<picture><source type="image/avif" srcset="/media/2026/11/ab/480.avif 480w, /media/2026/11/ab/960.avif 960w">' +
      '<img src="/media/2026/11/ab/960.jpg" alt="Мост „Дунав“"></picture>' +
      '<blockquote cite="/citat">„Цитат“</blockquote>';
    expect(absoluteBody(html, ARTICLE)).toBe(
      '<p><a href="https://vestnik.bg/sport/derbi">дербито</a> и <a href="https://example.org/x?a=1&amp;b=2">друго</a></p>' +
        '<picture><source type="image/avif" srcset="https://vestnik.bg/media/2026/11/ab/480.avif 480w, https://vestnik.bg/media/2026/11/ab/960.avif 960w">' +
        '<img src="https://vestnik.bg/media/2026/11/ab/960.jpg" alt="Мост „Дунав“"></picture>' +
        '<blockquote cite="https://vestnik.bg/citat">„Цитат“</blockquote>',
    );
  });

  it('leaves embeds’ data attributes, mail links and text alone', () => {
    const html =
      '<figure class="embed" data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">видео</a></figure>' +
      '<p>Пишете на <a href="mailto:redakcia@vestnik.bg">редакцията</a>; href="/не-е-атрибут"</p>';
    expect(absoluteBody(html, ARTICLE)).toBe(html);
  });

  it('resolves anchors, protocol-relative and folder-relative addresses', () => {
    const base = new URL(ARTICLE);
    expect(absoluteUrl('#comments', base)).toBe('https://vestnik.bg/svyat/zelen-plan#comments');
    expect(absoluteUrl('//cdn.example.org/a.jpg', base)).toBe('https://cdn.example.org/a.jpg');
    expect(absoluteUrl('drugo', base)).toBe('https://vestnik.bg/svyat/drugo');
    expect(absoluteUrl('/%D0%B0', base)).toBe('https://vestnik.bg/%D0%B0');
    expect(absoluteUrl('', base)).toBe('');
  });
});
