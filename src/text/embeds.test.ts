import { describe, expect, it } from 'vitest';
import { embedFrameUrl, embedFrom, embedHtml, embedUrl, parseEmbedUrl } from './embeds.js';
import { sanitizeArticleHtml } from './sanitize.js';

const VIDEO = 'dQw4w9WgXcQ';
const POST = '1790123456789012345';

describe('parseEmbedUrl', () => {
  it.each([
    `https://www.youtube.com/watch?v=${VIDEO}`,
    `https://youtube.com/watch?v=${VIDEO}&t=42s`,
    `https://www.youtube.com/watch?feature=share&v=${VIDEO}`,
    `https://m.youtube.com/watch?v=${VIDEO}`,
    `https://youtu.be/${VIDEO}`,
    `https://youtu.be/${VIDEO}?si=abc123`,
    `https://www.youtube.com/shorts/${VIDEO}`,
    `https://www.youtube.com/embed/${VIDEO}`,
    `https://www.youtube-nocookie.com/embed/${VIDEO}?autoplay=1`,
    `https://www.youtube.com/live/${VIDEO}`,
    `http://www.youtube.com/watch?v=${VIDEO}`,
    `  youtu.be/${VIDEO}  `,
    `www.youtube.com/watch?v=${VIDEO}`,
    `HTTPS://WWW.YOUTUBE.COM/watch?v=${VIDEO}`,
  ])('finds the YouTube video in %s', (url) => {
    expect(parseEmbedUrl(url)).toEqual({ provider: 'youtube', id: VIDEO });
  });

  it.each([
    `https://x.com/novinar_bg/status/${POST}`,
    `https://x.com/novinar_bg/status/${POST}/photo/1`,
    `https://twitter.com/novinar_bg/status/${POST}?s=20`,
    `https://www.twitter.com/novinar_bg/status/${POST}`,
    `https://mobile.twitter.com/novinar_bg/status/${POST}`,
    `https://x.com/i/status/${POST}`,
    `https://x.com/i/web/status/${POST}`,
    `https://twitter.com/novinar_bg/statuses/${POST}`,
    `x.com/novinar_bg/status/${POST}`,
  ])('finds the X post in %s', (url) => {
    expect(parseEmbedUrl(url)).toEqual({ provider: 'x', id: POST });
  });

  it.each([
    '',
    'не е адрес',
    'https://vimeo.com/123456',
    'https://www.youtube.com/',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/watch?v=short',
    `https://www.youtube.com/watch?v=${VIDEO}x`,
    'https://www.youtube.com/watch?v=<script>12',
    `https://www.youtube.com/channel/${VIDEO}`,
    `https://youtu.be/${VIDEO}/extra`,
    `https://notyoutube.com/watch?v=${VIDEO}`,
    `https://youtube.com.evil.example/watch?v=${VIDEO}`,
    `javascript:alert(1)//youtu.be/${VIDEO}`,
    `ftp://youtu.be/${VIDEO}`,
    'https://x.com/novinar_bg',
    'https://x.com/novinar_bg/status/abc',
    'https://x.com/novinar_bg/status/123456789012345678901',
    `https://x.com/a-b/status/${POST}`,
    `https://x.com.evil.example/u/status/${POST}`,
  ])('refuses %s', (url) => {
    expect(parseEmbedUrl(url)).toBeNull();
  });
});

describe('embedFrom', () => {
  it('accepts known providers with ids that fit them', () => {
    expect(embedFrom('youtube', VIDEO)).toEqual({ provider: 'youtube', id: VIDEO });
    expect(embedFrom('x', POST)).toEqual({ provider: 'x', id: POST });
  });

  it('refuses unknown providers and ids that do not fit', () => {
    expect(embedFrom('vimeo', '123')).toBeNull();
    expect(embedFrom('youtube', POST)).toBeNull();
    expect(embedFrom('x', VIDEO)).toBeNull();
    expect(embedFrom('x', '')).toBeNull();
    expect(embedFrom('__proto__', 'x')).toBeNull();
  });
});

describe('addresses', () => {
  it('links to the provider page and loads the privacy-friendly frame', () => {
    const video = { provider: 'youtube' as const, id: VIDEO };
    const post = { provider: 'x' as const, id: POST };
    expect(embedUrl(video)).toBe(`https://www.youtube.com/watch?v=${VIDEO}`);
    expect(embedUrl(post)).toBe(`https://x.com/i/status/${POST}`);
    expect(embedFrameUrl(video)).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO}?autoplay=1`);
    expect(embedFrameUrl(post)).toBe(`https://platform.twitter.com/embed/Tweet.html?id=${POST}&dnt=true`);
  });
});

describe('embedHtml', () => {
  it('writes the canonical stored form with the address as link text', () => {
    expect(embedHtml({ provider: 'youtube', id: VIDEO })).toBe(
      `<figure class="embed" data-embed="youtube" data-embed-id="${VIDEO}">` +
        `<a href="https://www.youtube.com/watch?v=${VIDEO}">https://www.youtube.com/watch?v=${VIDEO}</a></figure>`,
    );
    expect(embedHtml({ provider: 'x', id: POST })).toBe(
      `<figure class="embed" data-embed="x" data-embed-id="${POST}">` +
        `<a href="https://x.com/i/status/${POST}">https://x.com/i/status/${POST}</a></figure>`,
    );
  });

  it('escapes the title it is given', () => {
    const html = embedHtml({ provider: 'youtube', id: VIDEO }, ' Пресконференция <b>„на живо“</b> & "още" ');
    expect(html).toContain('>Пресконференция &lt;b&gt;„на живо“&lt;/b&gt; &amp; &quot;още&quot;</a>');
  });

  it('survives the sanitizer unchanged', () => {
    for (const e of [
      { provider: 'youtube' as const, id: VIDEO },
      { provider: 'x' as const, id: POST },
    ]) {
      const html = embedHtml(e, 'Видео от сесията');
      expect(sanitizeArticleHtml(html)).toBe(html);
    }
  });
});
