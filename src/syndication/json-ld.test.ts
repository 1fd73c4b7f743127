import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../text/escape.js';
import { isoWithOffset } from './iso-time.js';
import {
  breadcrumbList,
  cutHeadline,
  jsonLdDocument,
  newsArticle,
  type Publisher,
  webSite,
} from './json-ld.js';

const publisher: Publisher = {
  name: 'Вестник',
  url: 'https://vestnik.example/',
  logo: { url: 'https://vestnik.example/assets/publisher-logo.png', width: 512, height: 512 },
};

const facts = {
  url: 'https://vestnik.example/svyat/novina',
  title: 'Новина',
  lead: 'Кратко резюме.',
  publishedAt: Date.UTC(2026, 6, 1, 9, 30),
  modifiedAt: Date.UTC(2026, 6, 1, 10, 0),
  timeZone: 'Europe/Sofia',
  authors: [{ name: 'Мария Иванова', url: 'https://vestnik.example/avtor/maria' }],
  images: [],
  section: 'Свят',
  tags: [],
  language: 'bg',
};

describe('cutHeadline', () => {
  it('keeps a headline of up to 110 characters as it is', () => {
    const exact = 'а'.repeat(110);
    expect(cutHeadline(exact)).toBe(exact);
    expect(cutHeadline('  Две   думи ')).toBe('Две думи');
  });

  it('cuts a longer one between words, with an ellipsis, in at most 110 characters', () => {
    const words = Array.from({ length: 30 }, (_, i) => `дума${i}`).join(' ');
    const cut = cutHeadline(words);
    expect([...cut].length).toBeLessThanOrEqual(110);
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(words.startsWith(kept)).toBe(true);
    expect(words[kept.length]).toBe(' ');
  });

  it('cuts one endless word where it must, and drops a dangling comma', () => {
    expect([...cutHeadline('я'.repeat(300))].length).toBe(110);
    expect(cutHeadline(`${'дума '.repeat(20)}край, още много думи`)).toBe(`${'дума '.repeat(20)}край…`);
  });
});

describe('isoWithOffset', () => {
  it('writes the Sofia wall clock with +02:00 in winter and +03:00 in summer', () => {
    expect(isoWithOffset(Date.UTC(2026, 0, 15, 10, 0, 5), 'Europe/Sofia')).toBe('2026-01-15T12:00:05+02:00');
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 9, 30), 'Europe/Sofia')).toBe('2026-07-01T12:30:00+03:00');
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 9, 30), 'UTC')).toBe('2026-07-01T09:30:00+00:00');
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 9, 30), 'America/St_Johns')).toBe('2026-07-01T07:00:00-02:30');
  });

  it('names the same instant on both sides of the autumn change', () => {
    // 25 October 2026: 04:00 summer time becomes 03:00 winter time.
    const before = Date.UTC(2026, 9, 25, 0, 30);
    const after = Date.UTC(2026, 9, 25, 1, 30);
    expect(isoWithOffset(before, 'Europe/Sofia')).toBe('2026-10-25T03:30:00+03:00');
    expect(isoWithOffset(after, 'Europe/Sofia')).toBe('2026-10-25T03:30:00+02:00');
    expect(Date.parse(isoWithOffset(after, 'Europe/Sofia'))).toBe(after);
  });
});

describe('newsArticle', () => {
  it('has the fields Google reads, dates with their offset', () => {
    const a = newsArticle(publisher, {
      ...facts,
      images: ['https://vestnik.example/media/k/1600.jpg'],
      tags: ['ЕС'],
    });
    expect(a).toMatchObject({
      '@type': 'NewsArticle',
      url: facts.url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': facts.url },
      headline: 'Новина',
      description: 'Кратко резюме.',
      image: ['https://vestnik.example/media/k/1600.jpg'],
      datePublished: '2026-07-01T12:30:00+03:00',
      dateModified: '2026-07-01T13:00:00+03:00',
      author: [{ '@type': 'Person', name: 'Мария Иванова', url: 'https://vestnik.example/avtor/maria' }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Вестник',
        logo: { '@type': 'ImageObject', width: 512, height: 512 },
      },
      articleSection: 'Свят',
      keywords: ['ЕС'],
      inLanguage: 'bg',
      isAccessibleForFree: true,
    });
  });

  it('leaves out what the article lacks instead of writing empty values', () => {
    const a = newsArticle(publisher, { ...facts, lead: ' ', authors: [] });
    expect(a).not.toHaveProperty('image');
    expect(a).not.toHaveProperty('description');
    expect(a).not.toHaveProperty('author');
    expect(a).not.toHaveProperty('keywords');
  });

  it('never says an article changed before it came out', () => {
    const a = newsArticle(publisher, { ...facts, modifiedAt: facts.publishedAt - 86_400_000 });
    expect(a.dateModified).toBe(a.datePublished);
  });
});

it('breadcrumbList numbers the steps from 1', () => {
  const list = breadcrumbList([
    { name: 'Начало', url: 'https://vestnik.example/' },
    { name: 'Свят', url: 'https://vestnik.example/svyat' },
  ]);
  expect(list.itemListElement).toEqual([
    { '@type': 'ListItem', position: 1, name: 'Начало', item: 'https://vestnik.example/' },
    { '@type': 'ListItem', position: 2, name: 'Свят', item: 'https://vestnik.example/svyat' },
  ]);
});

it('webSite offers the search with the placeholder Google expects', () => {
  const site = webSite({
    name: 'Вестник',
    url: 'https://vestnik.example/',
    language: 'bg',
    searchPath: '/search',
  });
  expect(site.potentialAction).toEqual({
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: 'https://vestnik.example/search?q={search_term_string}' },
    'query-input': 'required name=search_term_string',
  });
});

describe('jsonForScript', () => {
  it('writes no "<", so nothing in the data can end the script element', () => {
    const doc = jsonLdDocument([{ '@type': 'Thing', name: '</script><!-- „Вестник“ & "x"' }]);
    const text = jsonForScript(doc);
    expect(text).not.toContain('<');
    expect(text).toContain('„Вестник“');
    expect(JSON.parse(text)).toEqual(doc);
  });
});
