import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateSitemap } from './sitemap-testing.js';
import { newestOf, renderSitemapIndex, renderUrlset, w3cDate, xmlText } from './sitemaps.js';

/** What an XML parser reads back from the first element with this local name. */
function textOf(xml: string, localName: string): string {
  const run = spawnSync('xmllint', ['--xpath', `string(//*[local-name()="${localName}"])`, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  // xmllint ends what it prints with a newline of its own.
  return run.stdout.replace(/\n$/, '');
}

const T = Date.UTC(2026, 10, 25, 8, 30, 15, 250);

describe('xmlText', () => {
  it('escapes the five markup characters', () => {
    expect(xmlText(`"Газ & ток" <над> 'нормата'`)).toBe(
      '&quot;Газ &amp; ток&quot; &lt;над&gt; &apos;нормата&apos;',
    );
  });

  it('leaves plain and Cyrillic text, and emoji pairs, untouched', () => {
    expect(xmlText('Общината прие бюджета 🏛')).toBe('Общината прие бюджета 🏛');
    expect(xmlText('http://localhost:3000/svyat/%D0%B1')).toBe('http://localhost:3000/svyat/%D0%B1');
  });

  it('drops what XML 1.0 cannot carry: control characters and lone surrogates', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\u001fe\ud800f\udc00g\uffffh')).toBe('abcdefgh');
    expect(xmlText('tab\tand\nline')).toBe('tab\tand\nline');
  });
});

describe('w3cDate', () => {
  it('is UTC to the second', () => {
    expect(w3cDate(T)).toBe('2026-11-25T08:30:15Z');
  });

  it('agrees with Date#toISOString, before 1970 and across leap days too', () => {
    const samples = [0, -1, -86_400_001, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2100, 0, 1)];
    for (let i = 0; i < 2000; i++) samples.push(Math.round((i * 7_919_777_777) % 4e12) - 1e12);
    for (const ms of samples)
      expect(w3cDate(ms), String(ms)).toBe(`${new Date(ms).toISOString().slice(0, 19)}Z`);
  });
});

describe('renderUrlset', () => {
  it('makes a plain urlset that sitemap.xsd accepts', () => {
    const xml = renderUrlset([
      { loc: 'http://localhost:3000/', lastmod: T },
      { loc: 'http://localhost:3000/svyat?x=1&y=2' },
    ]);
    expect(xml).not.toContain('xmlns:news');
    expect(xml).not.toContain('xmlns:image');
    expect(xml).toContain('<loc>http://localhost:3000/svyat?x=1&amp;y=2</loc>');
    expect(validateSitemap(xml, 'urlset')).toEqual({ ok: true, errors: '- validates\n' });
  });

  it('gives news and image entries their namespaces, valid under the strict wildcard', () => {
    const title = `„Газ & ток“ <над> "нормата" за 'зимата'\u0001`;
    const xml = renderUrlset([
      {
        loc: 'http://localhost:3000/svyat/gaz',
        lastmod: T,
        images: ['http://localhost:3000/media/abc/960.jpg'],
        news: { publicationName: 'Вестник & Ко', language: 'bg', publishedAt: T, title },
      },
    ]);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain('xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"');
    expect(validateSitemap(xml, 'urlset+extensions').ok).toBe(true);
    // sitemap.xsd alone refuses them: its wildcard for other namespaces is strict.
    expect(validateSitemap(xml, 'urlset').errors).toContain('strict wildcard');
    expect(textOf(xml, 'title')).toBe(`„Газ & ток“ <над> "нормата" за 'зимата'`);
    expect(textOf(xml, 'name')).toBe('Вестник & Ко');
    expect(textOf(xml, 'publication_date')).toBe('2026-11-25T08:30:15Z');
  });

  it('is caught by the schema when an entry is wrong', () => {
    const xml = renderUrlset([{ loc: 'short' }]);
    const verdict = validateSitemap(xml, 'urlset');
    expect(verdict.ok).toBe(false);
    expect(verdict.errors).toContain('loc');
  });
});

describe('renderSitemapIndex', () => {
  it('lists the children with their lastmod, and siteindex.xsd accepts it', () => {
    const xml = renderSitemapIndex([
      { loc: 'http://localhost:3000/sitemaps/articles-1.xml', lastmod: T },
      { loc: 'http://localhost:3000/sitemaps/categories.xml', lastmod: null },
    ]);
    expect(xml).toContain(
      '<sitemap><loc>http://localhost:3000/sitemaps/articles-1.xml</loc><lastmod>2026-11-25T08:30:15Z</lastmod></sitemap>',
    );
    expect(xml).toContain('<sitemap><loc>http://localhost:3000/sitemaps/categories.xml</loc></sitemap>');
    expect(validateSitemap(xml, 'index').ok).toBe(true);
  });
});

describe('newestOf', () => {
  it('skips missing stamps', () => {
    expect(newestOf([null, 5, undefined, 9, 2])).toBe(9);
    expect(newestOf([null])).toBeNull();
  });
});
