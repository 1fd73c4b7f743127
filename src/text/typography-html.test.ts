import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from './sanitize.js';
import { fixQuotesHtml } from './typography-html.js';

describe('fixQuotesHtml (bg)', () => {
  it('typesets the text of paragraphs, headings, list items and captions', () => {
    expect(fixQuotesHtml('<p>Премиерът: "Няма да има избори"</p>')).toBe(
      '<p>Премиерът: „Няма да има избори“</p>',
    );
    expect(fixQuotesHtml('<h2>Левски - ЦСКА 2-1</h2><ul><li>сезон 2015-2016</li></ul>')).toBe(
      '<h2>Левски – ЦСКА 2–1</h2><ul><li>сезон 2015–2016</li></ul>',
    );
    expect(fixQuotesHtml('<figure><figcaption>Отборът на "Берое" - архив</figcaption></figure>')).toBe(
      '<figure><figcaption>Отборът на „Берое“ – архив</figcaption></figure>',
    );
  });

  it('pairs quotes that open and close in different text nodes of one block', () => {
    expect(fixQuotesHtml('<p>Удари срещу "<em>Ислямска</em> държава".</p>')).toBe(
      '<p>Удари срещу „<em>Ислямска</em> държава“.</p>',
    );
    expect(fixQuotesHtml('<p><strong>"Партия <a href="/p">"Възраждане"</a></strong> внесе сигнал"</p>')).toBe(
      '<p><strong>„Партия <a href="/p">«Възраждане»</a></strong> внесе сигнал“</p>',
    );
    expect(fixQuotesHtml('<blockquote><p>"Първи ред<br>втори ред"</p></blockquote>')).toBe(
      '<blockquote><p>„Първи ред<br>втори ред“</p></blockquote>',
    );
  });

  it('does not pair quotes across blocks', () => {
    const html = '<p>Той каза "не</p><p>и повече" на всички.</p>';
    expect(fixQuotesHtml(html)).toBe(html);
    expect(fixQuotesHtml('<li>"а <ul><li>б</li></ul> в"</li>')).toBe('<li>"а <ul><li>б</li></ul> в"</li>');
  });

  it('never changes attributes', () => {
    const html =
      '<p><a href="https://example.bg/2015-2016/?q=&quot;a&quot;" title="Клуб &quot;Левски&quot; - 2015-2016">' +
      'Клуб "Левски"</a> <img src="/media/2015-2016-a.jpg" alt="Плакат &quot;Стоп&quot; - 2015-2016"></p>';
    expect(fixQuotesHtml(html)).toBe(
      '<p><a href="https://example.bg/2015-2016/?q=&quot;a&quot;" title="Клуб &quot;Левски&quot; - 2015-2016">' +
        'Клуб „Левски“</a> <img src="/media/2015-2016-a.jpg" alt="Плакат &quot;Стоп&quot; - 2015-2016"></p>',
    );
    // Attribute values with quotes in the other style and no text at all.
    const single = `<p title='"а" - б'>x</p>`;
    expect(fixQuotesHtml(single)).toBe(single);
  });

  it('never changes code, keyboard input, samples, preformatted text, scripts or styles', () => {
    expect(fixQuotesHtml('<p>Пишете <code>x = "a" - 1-2</code> и "готово" - край</p>')).toBe(
      '<p>Пишете <code>x = "a" - 1-2</code> и „готово“ – край</p>',
    );
    expect(fixQuotesHtml('<p>Натиснете <kbd>"Ctrl" - "S"</kbd>, изход <samp>"ok" 1-2</samp></p>')).toBe(
      '<p>Натиснете <kbd>"Ctrl" - "S"</kbd>, изход <samp>"ok" 1-2</samp></p>',
    );
    const pre = '<pre><code>echo "a" - "b"\n2015-2016</code></pre><pre>"x" - "y"</pre>';
    expect(fixQuotesHtml(pre)).toBe(pre);
    const script = '<script>var s = "a" - "b";</script><style>a::before { content: "-" }</style>';
    expect(fixQuotesHtml(script)).toBe(script);
  });

  it('pairs quotes around code without touching the code', () => {
    expect(fixQuotesHtml('<p>Командата "<code>npm "test"</code>" работи.</p>')).toBe(
      '<p>Командата „<code>npm "test"</code>“ работи.</p>',
    );
  });

  it('never changes URLs in the text, or links whose text is their address', () => {
    expect(fixQuotesHtml('<p>Вижте https://example.bg/?q="a"&amp;b=1-2 и "отговора"</p>')).toBe(
      '<p>Вижте https://example.bg/?q="a"&amp;b=1-2 и „отговора“</p>',
    );
    for (const text of ['https://example.bg/2015-2016/"a"', 'www.example.bg/a-"b"', 'example.bg/2015-2016']) {
      const html = `<p>Източник: "<a href="https://example.bg/">${text}</a>" - виж</p>`;
      expect(fixQuotesHtml(html)).toBe(`<p>Източник: „<a href="https://example.bg/">${text}</a>“ – виж</p>`);
    }
    // A link with words in it is prose.
    expect(fixQuotesHtml('<p><a href="https://example.bg/">Сайтът "Пример" - 2015-2016</a></p>')).toBe(
      '<p><a href="https://example.bg/">Сайтът „Пример“ – 2015–2016</a></p>',
    );
  });

  it('keeps entities as they are and reads them for context', () => {
    expect(fixQuotesHtml('<p>"AT&amp;T" &lt;b&gt; - "x"&nbsp;"y"</p>')).toBe(
      '<p>„AT&amp;T“ &lt;b&gt; – „x“&nbsp;„y“</p>',
    );
    // A quote written as an entity is the author's choice; the quotes around it still pair.
    expect(fixQuotesHtml('<p>"Знак &quot; в текста"</p>')).toBe('<p>„Знак &quot; в текста“</p>');
    expect(fixQuotesHtml('<p>&#8222;Вече&#8220; и "после"</p>')).toBe('<p>&#8222;Вече&#8220; и „после“</p>');
  });

  it('leaves unpaired quotes, apostrophes and other hyphens alone', () => {
    const html = "<p>Той каза \"не и COVID-19, Rock'n'roll, 02-981-12-34, 5-6-годишен</p>";
    expect(fixQuotesHtml(html)).toBe(html);
    expect(fixQuotesHtml('')).toBe('');
    expect(fixQuotesHtml('<!-- "a" - "b" --><p>x</p>')).toBe('<!-- "a" - "b" --><p>x</p>');
  });

  it('typesets text outside any element and is idempotent', () => {
    expect(fixQuotesHtml('Просто "текст" - без <b>"тагове"</b>')).toBe(
      'Просто „текст“ – без <b>„тагове“</b>',
    );
    const once = fixQuotesHtml('<p>"а "б" в" - 1-2</p>');
    expect(once).toBe('<p>„а «б» в“ – 1–2</p>');
    expect(fixQuotesHtml(once)).toBe(once);
  });
});

describe('fixQuotesHtml (en)', () => {
  it('uses curly quotes, nested single', () => {
    expect(fixQuotesHtml('<p>He said "the <em>"best"</em> day" - 2015-2016</p>', 'en')).toBe(
      '<p>He said “the <em>‘best’</em> day” – 2015–2016</p>',
    );
  });
});

describe('fixQuotesHtml on sanitized article HTML', () => {
  // Sanitized twice, as a saved body is: the first pass writes rel after target on new-tab links, a
  // second pass moves it before target, and from then on the sanitizer changes nothing.
  const sanitize = (html: string) => sanitizeArticleHtml(sanitizeArticleHtml(html));
  const rich = sanitize(
    [
      '<h2>"Голямата" промяна - 2015-2016</h2>',
      '<p>Кметът каза: "<strong>Мостът</strong> ще е готов до <em>"Гергьовден"</em>". ',
      'Виж <a href="https://example.bg/a-b?x=&quot;1&quot;&amp;y=2" target="_blank">"доклада"</a> и ',
      '<a href="https://example.bg/2015-2016">https://example.bg/2015-2016</a>. AT&amp;T &lt;3</p>',
      '<figure class="image" data-media-id="12"><picture>',
      '<source type="image/webp" srcset="/media/a-640.webp 640w, /media/a-1280.webp 1280w" sizes="100vw">',
      '<img src="/media/a-640.jpg" alt="Мостът &quot;Дунав&quot; - изглед" width="640" height="427" loading="lazy">',
      '</picture><figcaption>Мостът "Дунав" - изглед <span class="credit">Снимка: "Вестник"</span></figcaption></figure>',
      '<figure class="embed" data-embed="youtube" data-embed-id="dQw4w9WgXcQ">',
      '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>',
      '<ul><li>"Първо" - 1-2</li><li>Второ <code>"x"-1</code></li></ul>',
      '<ol><li><p>"Вложено"</p></li></ol>',
      '<blockquote><p>"Цитат - с тире"</p></blockquote>',
      '<table><tbody><tr><td>"А"</td><td>2015-2016</td></tr></tbody></table>',
      '<pre><code>"код" - 1-2</code></pre>',
    ].join(''),
  );
  const typeset = fixQuotesHtml(rich);

  it('changes the text of the sample', () => {
    expect(typeset).toContain('<h2>„Голямата“ промяна – 2015–2016</h2>');
    expect(typeset).toContain('Кметът каза: „<strong>Мостът</strong> ще е готов до <em>«Гергьовден»</em>“.');
    expect(typeset).toContain('target="_blank" rel="noopener">„доклада“</a>');
    expect(typeset).toContain('<a href="https://example.bg/2015-2016">https://example.bg/2015-2016</a>');
    expect(typeset).toContain('AT&amp;T &lt;3');
    expect(typeset).toContain('alt="Мостът &quot;Дунав&quot; - изглед"');
    expect(typeset).toContain('srcset="/media/a-640.webp 640w, /media/a-1280.webp 1280w"');
    expect(typeset).toContain(
      '<figcaption>Мостът „Дунав“ – изглед <span class="credit">Снимка: „Вестник“</span></figcaption>',
    );
    expect(typeset).toContain(
      '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a>',
    );
    expect(typeset).toContain('<li>„Първо“ – 1–2</li><li>Второ <code>"x"-1</code></li>');
    expect(typeset).toContain('<li><p>„Вложено“</p></li>');
    expect(typeset).toContain('<blockquote><p>„Цитат – с тире“</p></blockquote>');
    expect(typeset).toContain('<td>„А“</td><td>2015–2016</td>');
    expect(typeset).toContain('<pre><code>"код" - 1-2</code></pre>');
  });

  it('still passes the sanitizer unchanged', () => {
    expect(sanitizeArticleHtml(rich)).toBe(rich);
    expect(sanitizeArticleHtml(typeset)).toBe(typeset);
  });

  it('replaces quote and hyphen characters only, one for one', () => {
    expect(typeset.length).toBe(rich.length);
    const changed = [...rich].flatMap((ch, i) => (ch === typeset[i] ? [] : [ch]));
    expect(changed.length).toBeGreaterThan(20);
    expect(new Set(changed)).toEqual(new Set(['"', '-']));
  });
});
