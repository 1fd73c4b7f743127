import { describe, expect, it } from 'vitest';
import { extractPageHtml, resolveUrl } from './page-html.js';

// A saved page of our own: site chrome around one article, with the things a sanitizer must stop.
const PAGE = `<!doctype html>
<html lang="bg">
<head>
  <title>Нова детска площадка в квартал Изгрев | Градски вести</title>
  <style>body { color: red }</style>
  <script>window.tracker = 1;</script>
</head>
<body onload="steal()">
  <nav class="menu"><a href="/">Начало</a> <a href="/obshtestvo">Общество</a> <a href="/sport">Спорт</a></nav>
  <main>
    <article>
      <h1>Нова детска площадка в квартал Изгрев</h1>
      <p class="meta">12 май 2024</p>
      <p>Новата детска площадка в квартал Изгрев отвори врати в събота сутринта. Тя има пясъчник, люлки и
      катерушка с мека настилка, избрани след допитване до родителите от квартала.</p>
      <p onclick="alert('x')">Площадката е отворена всеки ден от осем сутринта до девет вечерта. Според
      районната администрация <a href="/rajon/izgrev" onmouseover="bad()">районът</a> ще поддържа
      съоръженията, а <a href="javascript:alert(1)">охраната</a> ще минава вечер.</p>
      <script>document.write('<p>инжектиран текст</p>')</script>
      <p>Снимки от откриването: <img src="/media/izgrev.jpg" alt="Площадката"> и
      <img src="https://tracker.example/pixel.gif" alt="">. Следващата площадка ще бъде в квартал Витоша
      до края на годината, обещаха от общината, като проектът вече е одобрен.</p>
      <iframe src="https://ads.example/frame"></iframe>
    </article>
  </main>
  <footer><p>© 2024 Градски вести. Всички права запазени.</p><a href="/kontakti">Контакти</a></footer>
</body>
</html>`;

describe('extractPageHtml', () => {
  it('takes the headline and the article, without the chrome', () => {
    const page = extractPageHtml(PAGE);
    expect(page?.title).toBe('Нова детска площадка в квартал Изгрев');
    expect(page?.bodyHtml).toContain('Новата детска площадка в квартал Изгрев отвори врати');
    expect(page?.bodyHtml).toContain('Следващата площадка');
    // The headline is the title, not the body's first line too.
    expect(page?.bodyHtml).not.toContain('<h2>Нова детска площадка');
    expect(page?.bodyHtml).not.toMatch(/Начало|Общество|Всички права|Контакти/);
    expect(page?.paragraphs).toBeGreaterThanOrEqual(3);
  });

  it('never lets scripts, styles, frames or event handlers through', () => {
    const html = extractPageHtml(PAGE)?.bodyHtml ?? '';
    expect(html).not.toMatch(
      /<script|<style|<iframe|onclick|onmouseover|onload|javascript:|инжектиран|color: red/i,
    );
  });

  it('without a base URL drops relative links (keeping their text) and relative images', () => {
    const html = extractPageHtml(PAGE)?.bodyHtml ?? '';
    expect(html).toContain('районът');
    expect(html).not.toContain('href="/rajon/izgrev"');
    expect(html).not.toContain('<img');
  });

  it('with a base URL resolves links; images stay only from the site itself', () => {
    const fromElsewhere = extractPageHtml(PAGE, { baseUrl: 'https://vesti.example/obshtestvo/ploshtadka' });
    expect(fromElsewhere?.bodyHtml).toContain('href="https://vesti.example/rajon/izgrev"');
    expect(fromElsewhere?.bodyHtml).not.toContain('<img');
    const ours = extractPageHtml(PAGE, {
      baseUrl: 'https://vesti.example/obshtestvo/ploshtadka',
      siteOrigin: 'https://vesti.example',
    });
    expect(ours?.bodyHtml).toContain('<img src="https://vesti.example/media/izgrev.jpg" alt="Площадката">');
    expect(ours?.bodyHtml).not.toContain('tracker.example');
  });

  it('finds no article in a page without text', () => {
    expect(extractPageHtml('<html><body><nav><a href="/">Начало</a></nav></body></html>')).toBeNull();
  });
});

describe('resolveUrl', () => {
  const base = new URL('https://vesti.example/a/b');
  it.each([
    ['c', base, 'https://vesti.example/a/c'],
    ['/x?y=1', base, 'https://vesti.example/x?y=1'],
    ['https://other.example/', null, 'https://other.example/'],
    ['/x', null, null],
    ['javascript:alert(1)', base, null],
    ['mailto:a@b.bg', base, null],
    ['  ', base, null],
  ])('%s → %s', (href, b, expected) => {
    expect(resolveUrl(href, b)).toBe(expected);
  });
});
