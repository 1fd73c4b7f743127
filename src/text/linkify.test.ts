import { describe, expect, it } from 'vitest';
import { commentToHtml } from './linkify.js';

const A = 'rel="nofollow ugc noopener" target="_blank"';

describe('commentToHtml: structure', () => {
  it('wraps paragraphs and breaks lines', () => {
    expect(commentToHtml('Първи ред\nвтори ред\n\nНов абзац')).toBe(
      '<p>Първи ред<br>втори ред</p><p>Нов абзац</p>',
    );
  });

  it('normalises CRLF and collapses runs of blank lines', () => {
    expect(commentToHtml('а\r\nб\r\n\r\n\r\n\r\n\r\nв\rг')).toBe('<p>а<br>б</p><p>в<br>г</p>');
    expect(commentToHtml('а\n  \n\t\n\nб')).toBe('<p>а</p><p>б</p>');
  });

  it('trims surrounding blank lines and returns "" for empty input', () => {
    expect(commentToHtml('\n\n  текст  \n\n')).toBe('<p>текст</p>');
    expect(commentToHtml('')).toBe('');
    expect(commentToHtml(' \n \n ')).toBe('');
  });

  it('keeps Cyrillic and emoji intact', () => {
    expect(commentToHtml('Браво, „Левски“! 👍🏽🇧🇬')).toBe('<p>Браво, „Левски“! 👍🏽🇧🇬</p>');
  });
});

describe('commentToHtml: escaping', () => {
  it('escapes markup', () => {
    expect(commentToHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(commentToHtml('<img src=x onerror="alert(1)">')).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>',
    );
    expect(commentToHtml(`Tom & Jerry's "show"`)).toBe('<p>Tom &amp; Jerry&#39;s &quot;show&quot;</p>');
  });

  it('never links javascript: or data:', () => {
    expect(commentToHtml('javascript:alert(1)')).toBe('<p>javascript:alert(1)</p>');
    expect(commentToHtml('data:text/html,<script>alert(1)</script>')).toBe(
      '<p>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(commentToHtml('JaVaScRiPt://www.x.com/%0aalert(1)')).not.toContain('href="javascript');
  });

  it('does not let a URL break out of the attribute', () => {
    const html = commentToHtml('http://x.com/"onmouseover="alert(1)');
    expect(html).toBe(
      `<p><a href="http://x.com/%22onmouseover=%22alert(1)" ${A}>` +
        'http://x.com/&quot;onmouseover=&quot;alert(1)</a></p>',
    );
    const lt = commentToHtml("https://x.com/a'b<script>alert(1)</script>");
    expect(lt).toBe(
      `<p><a href="https://x.com/a&#39;b" ${A}>https://x.com/a&#39;b</a>` +
        '&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
});

describe('commentToHtml: links', () => {
  it('links http, https and www.', () => {
    expect(commentToHtml('Виж https://dnevnik.bg/a?b=1&c=2.')).toBe(
      `<p>Виж <a href="https://dnevnik.bg/a?b=1&amp;c=2" ${A}>https://dnevnik.bg/a?b=1&amp;c=2</a>.</p>`,
    );
    expect(commentToHtml('(www.mediapool.bg)')).toBe(
      `<p>(<a href="http://www.mediapool.bg/" ${A}>www.mediapool.bg</a>)</p>`,
    );
  });

  it('does not link bare domains, emails or other schemes', () => {
    expect(commentToHtml('dnevnik.bg и Node.js')).toBe('<p>dnevnik.bg и Node.js</p>');
    expect(commentToHtml('пиши на a@b.bg или mailto:a@b.bg')).toBe('<p>пиши на a@b.bg или mailto:a@b.bg</p>');
    expect(commentToHtml('ftp://x.com и //x.com')).toBe('<p>ftp://x.com и //x.com</p>');
  });

  it('shortens long link text to 60 characters but keeps the full href', () => {
    const url = `https://example.com/${'a'.repeat(100)}`;
    const html = commentToHtml(url);
    const text = />([^<]*)<\/a>/.exec(html)?.[1] ?? '';
    expect([...text].length).toBe(60);
    expect(text.endsWith('…')).toBe(true);
    expect(html).toContain(`href="${url}"`);
  });

  it('links Cyrillic URLs with an encoded href and readable text', () => {
    expect(commentToHtml('https://пример.бг/път')).toBe(
      `<p><a href="https://xn--e1afmkfd.xn--90ae/%D0%BF%D1%8A%D1%82" ${A}>https://пример.бг/път</a></p>`,
    );
  });

  it('links across lines independently', () => {
    expect(commentToHtml('http://a.bg\nhttp://b.bg')).toBe(
      `<p><a href="http://a.bg/" ${A}>http://a.bg</a><br><a href="http://b.bg/" ${A}>http://b.bg</a></p>`,
    );
  });
});
