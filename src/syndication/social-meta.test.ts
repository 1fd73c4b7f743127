import { expect, it } from 'vitest';
import { type MetaTag, type SocialPage, socialMeta } from './social-meta.js';

const page: SocialPage = {
  siteName: 'Вестник',
  language: 'bg',
  title: 'Начало',
  description: 'Новини от България и света',
  url: 'https://vestnik.example/',
  image: null,
  article: null,
  twitterSite: null,
};

const asPairs = (tags: MetaTag[]) => tags.map((t) => ['property' in t ? t.property : t.name, t.content]);

it('a page without an image: website, summary card, no image tags', () => {
  expect(asPairs(socialMeta(page))).toEqual([
    ['og:site_name', 'Вестник'],
    ['og:locale', 'bg_BG'],
    ['og:type', 'website'],
    ['og:title', 'Начало'],
    ['og:description', 'Новини от България и света'],
    ['og:url', 'https://vestnik.example/'],
    ['twitter:card', 'summary'],
    ['twitter:title', 'Начало'],
    ['twitter:description', 'Новини от България и света'],
  ]);
});

it('Open Graph tags are named by property, Twitter tags by name', () => {
  for (const tag of socialMeta({ ...page, twitterSite: '@vestnik' })) {
    const key = 'property' in tag ? tag.property : tag.name;
    expect('property' in tag).toBe(!key.startsWith('twitter:'));
  }
});

it('an article: its times with the offset, section, every tag and author, the large image', () => {
  const tags = asPairs(
    socialMeta({
      ...page,
      language: 'en',
      twitterSite: '@vestnik',
      image: {
        url: 'https://vestnik.example/media/k/1600.jpg',
        width: 1600,
        height: 900,
        alt: 'Парламентът',
      },
      article: {
        publishedAt: Date.UTC(2026, 0, 15, 10, 0),
        modifiedAt: Date.UTC(2026, 0, 15, 11, 0),
        timeZone: 'Europe/Sofia',
        section: 'Свят',
        tags: ['ЕС', 'София'],
        authorUrls: ['https://vestnik.example/avtor/a', 'https://vestnik.example/avtor/b'],
      },
    }),
  );
  expect(tags).toContainEqual(['og:locale', 'en_US']);
  expect(tags).toContainEqual(['og:type', 'article']);
  expect(tags).toContainEqual(['article:published_time', '2026-01-15T12:00:00+02:00']);
  expect(tags).toContainEqual(['article:modified_time', '2026-01-15T13:00:00+02:00']);
  expect(tags).toContainEqual(['article:section', 'Свят']);
  expect(tags.filter(([k]) => k === 'article:tag')).toEqual([
    ['article:tag', 'ЕС'],
    ['article:tag', 'София'],
  ]);
  expect(tags.filter(([k]) => k === 'article:author')).toHaveLength(2);
  for (const pair of [
    ['og:image', 'https://vestnik.example/media/k/1600.jpg'],
    ['og:image:width', '1600'],
    ['og:image:height', '900'],
    ['og:image:alt', 'Парламентът'],
    ['twitter:card', 'summary_large_image'],
    ['twitter:site', '@vestnik'],
    ['twitter:image', 'https://vestnik.example/media/k/1600.jpg'],
    ['twitter:image:alt', 'Парламентът'],
  ])
    expect(tags).toContainEqual(pair);
});

it('an image of unknown size: no width or height claimed', () => {
  const tags = asPairs(
    socialMeta({
      ...page,
      image: { url: 'https://elsewhere.example/a.jpg', width: null, height: null, alt: '' },
    }),
  );
  expect(tags).toContainEqual(['og:image', 'https://elsewhere.example/a.jpg']);
  expect(tags.some(([k]) => k === 'og:image:width' || k === 'og:image:alt')).toBe(false);
});

it('a long description is shortened between words', () => {
  const long = 'дума '.repeat(100);
  const [, description] = asPairs(socialMeta({ ...page, description: long })).find(
    ([k]) => k === 'og:description',
  ) ?? ['', ''];
  expect([...(description ?? '')].length).toBeLessThanOrEqual(300);
  expect(description?.endsWith('дума…')).toBe(true);
});
