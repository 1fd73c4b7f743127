import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeArticleHtml } from './sanitize.js';

describe('sanitizeArticleHtml: ordinary markup', () => {
  it('keeps allowed markup unchanged', () => {
    const html = [
      '<h2>Заглавие</h2>',
      '<p>Текст с <strong>удебелен</strong>, <em>наклонен</em>, <b>b</b>, <i>i</i>, <u>u</u>, <s>s</s>, ',
      'H<sub>2</sub>O, m<sup>2</sup>, <mark>важно</mark>, <small>дребно</small>, <code>x = 1</code>, ',
      '<abbr title="Народно събрание">НС</abbr>, <q>цитат</q> и <cite>източник</cite>.<br>Нов ред.</p>',
      '<h3>Под</h3><h4>Подпод</h4>',
      '<blockquote><p>Цитат</p></blockquote>',
      '<ul><li>едно</li><li>две</li></ul><ol><li>1</li></ol>',
      '<figure><img src="https://cdn.example.bg/a.jpg" srcset="/a-640.jpg 640w, /a-1280.jpg 1280w" ',
      'sizes="100vw" alt="Снимка" width="640" height="480" loading="lazy">',
      '<figcaption>Подпис</figcaption></figure>',
      '<hr>',
      '<table><thead><tr><th colspan="2">Г</th></tr></thead>',
      '<tbody><tr><td rowspan="1">1</td><td>2</td></tr></tbody></table>',
      '<pre><code>let a = 1;\n</code></pre>',
      '<p><a href="https://dnevnik.bg/x?a=1&amp;b=2" title="Т">връзка</a> и ',
      '<a href="mailto:redakcia@example.bg">поща</a> и <a href="/svyat/putin">относителна</a></p>',
    ].join('');
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('keeps entities and Cyrillic text', () => {
    expect(sanitizeArticleHtml('<p>„Левски“ &amp; ЦСКА &lt;3</p>')).toBe('<p>„Левски“ &amp; ЦСКА &lt;3</p>');
  });

  it('turns h1 into h2, h5/h6 into h4', () => {
    expect(sanitizeArticleHtml('<h1>А</h1><h5>Б</h5><h6>В</h6>')).toBe('<h2>А</h2><h4>Б</h4><h4>В</h4>');
  });

  it('adds rel="noopener" to target=_blank links and drops other targets', () => {
    expect(sanitizeArticleHtml('<a href="https://x.bg" target="_blank">a</a>')).toBe(
      '<a href="https://x.bg" target="_blank" rel="noopener">a</a>',
    );
    expect(sanitizeArticleHtml('<a href="https://x.bg" target="_blank" rel="nofollow">a</a>')).toBe(
      '<a href="https://x.bg" target="_blank" rel="nofollow noopener">a</a>',
    );
    // Cleaning clean HTML again changes nothing.
    const once = sanitizeArticleHtml('<a href="https://x.bg" rel="nofollow" target="_blank">a</a>');
    expect(sanitizeArticleHtml(once)).toBe(once);
    expect(sanitizeArticleHtml('<a href="https://x.bg" target="_top">a</a>')).toBe(
      '<a href="https://x.bg">a</a>',
    );
  });

  it('removes empty paragraphs but not image paragraphs', () => {
    expect(sanitizeArticleHtml('<p></p><p> </p><p>&nbsp;</p><p><br></p><p><b></b></p><p>а</p>')).toBe(
      '<p>а</p>',
    );
    expect(sanitizeArticleHtml('<p><img src="/a.jpg"></p>')).toBe('<p><img src="/a.jpg"></p>');
  });

  it('drops unknown tags but keeps their text', () => {
    expect(sanitizeArticleHtml('<div><span class="x">текст</span></div><font>още</font>')).toBe('текстоще');
  });
});

describe('sanitizeArticleHtml: attacks', () => {
  it('drops event handlers and style', () => {
    expect(sanitizeArticleHtml('<img src="/a.jpg" onerror="alert(1)">')).toBe('<img src="/a.jpg">');
    expect(sanitizeArticleHtml('<img src=x onerror=alert(1)//>')).toBe('<img src="x">');
    expect(sanitizeArticleHtml('<p style="background:url(javascript:alert(1))" class="c" id="i">т</p>')).toBe(
      '<p>т</p>',
    );
  });

  it('removes javascript: hrefs, however obfuscated', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java&#x09;script:alert(1)',
      'jav&#x61;script:alert(1)',
      '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
      'java\nscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    ]) {
      expect(sanitizeArticleHtml(`<a href="${href}">x</a>`), href).toBe('<a>x</a>');
    }
  });

  it('removes data: and javascript: images and srcset entries', () => {
    expect(sanitizeArticleHtml('<p>а<img src="data:image/png;base64,AAAA">б</p>')).toBe('<p>аб</p>');
    expect(sanitizeArticleHtml('<img src="javascript:alert(1)">')).toBe('');
    expect(sanitizeArticleHtml('<img src="/a.jpg" srcset="/a.jpg 1x, javascript:alert(1) 2x">')).toBe(
      '<img src="/a.jpg" srcset="/a.jpg 1x">',
    );
  });

  it('drops script, style, iframe, object, svg and math with their contents', () => {
    expect(
      sanitizeArticleHtml(
        '<script>alert(1)</script><style>p{}</style><iframe src="https://evil">x</iframe>' +
          '<object data="x.swf"><p>резервен</p></object><embed src="x.swf">' +
          '<svg onload="alert(1)"><text>svg</text></svg>' +
          '<math><mi xlink:href="javascript:alert(1)">m</mi></math><p>остава</p>',
      ),
    ).toBe('<p>остава</p>');
  });

  it('escapes text that looks like markup and attribute breakouts', () => {
    expect(sanitizeArticleHtml('<img src="/a.jpg" alt="&quot;><script>alert(1)</script>">')).toBe(
      '<img src="/a.jpg" alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">',
    );
    expect(sanitizeArticleHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(sanitizeArticleHtml('<<script>script>alert(1)<</script>/script>')).not.toMatch(/<script/i);
  });
});

describe('htmlToText', () => {
  it('separates blocks by newlines and decodes entities', () => {
    expect(
      htmlToText(
        '<h2>Заглавие</h2><p>Първи &amp; „втори“\n  ред<br>след br</p><ul><li>а</li><li>б</li></ul>' +
          '<table><tr><td>1</td><td>2</td></tr></table><p>&lt;край&gt; &quot;к&quot; &#39;a&#39;</p>',
      ),
    ).toBe('Заглавие\nПърви & „втори“ ред\nслед br\nа\nб\n1 2\n<край> "к" \'a\'');
  });

  it('keeps inline text together and non-breaking spaces', () => {
    expect(htmlToText('<p>5&nbsp;км <strong>път</strong>и <a href="/x">връзка</a>.</p>')).toBe(
      '5\u00A0км пъти връзка.',
    );
  });

  it('never includes dropped content', () => {
    expect(htmlToText('<script>var a = "<p>x</p>";</script><style>p{}</style><p>текст</p>')).toBe('текст');
    expect(htmlToText('')).toBe('');
  });
});

describe('sanitizeArticleHtml: the editor’s images and embeds', () => {
  it('keeps a responsive picture with its sources, caption and credit', () => {
    const html =
      '<figure class="image" data-media-id="12"><picture>' +
      '<source type="image/avif" srcset="/media/a/480.avif 480w, /media/a/960.avif 960w" sizes="100vw">' +
      '<source type="image/webp" srcset="/media/a/480.webp 480w" sizes="100vw">' +
      '<img src="/media/a/960.jpg" srcset="/media/a/480.jpg 480w" sizes="100vw" alt="Мост" width="960" height="540" loading="lazy" decoding="async">' +
      '</picture><figcaption>Мостът при Видин<span class="credit">Снимка: Вестник</span></figcaption></figure>';
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('drops sources without a known type and spans without the credit class, keeping text', () => {
    expect(
      sanitizeArticleHtml(
        '<picture><source type="text/html" srcset="/x.html"><img src="/a.jpg"></picture><p><span style="color:red" class="x">т</span></p>',
      ),
    ).toBe('<picture><img src="/a.jpg"></picture><p>т</p>');
  });

  it('keeps YouTube and X embeds whose ids fit the provider, as plain links otherwise', () => {
    const yt =
      '<figure class="embed" data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Видео</a></figure>';
    expect(sanitizeArticleHtml(yt)).toBe(yt);
    const x =
      '<figure class="embed" data-embed="x" data-embed-id="1234567890"><a href="https://x.com/i/status/1234567890">Пост</a></figure>';
    expect(sanitizeArticleHtml(x)).toBe(x);
    expect(
      sanitizeArticleHtml(
        '<figure class="embed" data-embed="youtube" data-embed-id="&quot;onload=x"><a href="https://youtube.com">В</a></figure>',
      ),
    ).toBe('<figure><a href="https://youtube.com">В</a></figure>');
    expect(
      sanitizeArticleHtml(
        '<figure class="evil" data-embed="vimeo" data-embed-id="1"><a href="https://v.com">В</a></figure>',
      ),
    ).toBe('<figure><a href="https://v.com">В</a></figure>');
  });

  it('keeps data-media-id only when it is a number', () => {
    expect(
      sanitizeArticleHtml('<figure class="image" data-media-id="1 or 1"><img src="/a.jpg"></figure>'),
    ).toBe('<figure class="image"><img src="/a.jpg"></figure>');
  });
});
