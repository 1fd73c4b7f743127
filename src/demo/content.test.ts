import { describe, expect, it } from 'vitest';
import { slugify } from '../text/slug.js';
import { demoArticles1 } from './articles-1.js';
import { demoArticles2 } from './articles-2.js';
import { demoArticles3 } from './articles-3.js';
import { demoArticles4 } from './articles-4.js';
import { demoAuthors } from './authors.js';
import { demoTags } from './tags.js';
import type { DemoArticle, DemoBlock, DemoCategoryKey, DemoComment } from './types.js';

const articles: DemoArticle[] = [...demoArticles1, ...demoArticles2, ...demoArticles3, ...demoArticles4];
const categories: DemoCategoryKey[] = [
  'svyat',
  'bulgaria',
  'ikonomika',
  'tehnologii',
  'sport',
  'kultura',
  'vremeto',
];

/** Every piece of text in a value, with a path that says where it came from. */
function texts(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) texts(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) texts(v, `${path}.${k}`, out);
  }
  return out;
}

function walkComments(
  list: DemoComment[] | undefined,
  visit: (c: DemoComment, parent?: DemoComment) => void,
  parent?: DemoComment,
) {
  for (const c of list ?? []) {
    visit(c, parent);
    walkComments(c.replies, visit, c);
  }
}

const paragraphs = (body: DemoBlock[]) => body.filter((b): b is string => typeof b === 'string');
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const bodyText = (body: DemoBlock[]) =>
  body
    .map((b) => (typeof b === 'string' ? b : 'h' in b ? b.h : 'quote' in b ? b.quote : b.list.join(' ')))
    .join(' ');

describe('demo content', () => {
  it('has about 60 articles with unique keys', () => {
    expect(articles.length).toBeGreaterThanOrEqual(55);
    expect(articles.length).toBeLessThanOrEqual(65);
    expect(new Set(articles.map((a) => a.key)).size).toBe(articles.length);
    for (const a of articles) expect(a.key, a.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every article, author and tag a distinct URL slug', () => {
    for (const list of [
      articles.map((a) => a.title),
      demoAuthors.map((a) => a.name),
      demoTags.map((t) => t.name),
    ]) {
      const slugs = list.map((s) => slugify(s));
      for (const s of slugs) expect(s.length).toBeGreaterThan(0);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });

  it('has unique author and tag keys', () => {
    expect(demoAuthors.length).toBe(8);
    expect(new Set(demoAuthors.map((a) => a.key)).size).toBe(demoAuthors.length);
    expect(new Set(demoTags.map((t) => t.key)).size).toBe(demoTags.length);
    expect(new Set(demoTags.map((t) => t.name)).size).toBe(demoTags.length);
    for (const t of demoTags) expect(t.key, t.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const kind of ['topic', 'place', 'organisation', 'person'] as const) {
      expect(demoTags.filter((t) => t.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
  });

  it('references only existing authors and tags', () => {
    const authorKeys = new Set(demoAuthors.map((a) => a.key));
    const tagKeys = new Set(demoTags.map((t) => t.key));
    for (const a of articles) {
      expect(a.authors.length, a.key).toBeGreaterThanOrEqual(1);
      expect(a.authors.length, a.key).toBeLessThanOrEqual(2);
      expect(new Set(a.authors).size, a.key).toBe(a.authors.length);
      for (const k of a.authors) expect(authorKeys.has(k), `${a.key}: author ${k}`).toBe(true);
      expect(a.tags.length, a.key).toBeGreaterThanOrEqual(2);
      expect(a.tags.length, a.key).toBeLessThanOrEqual(5);
      expect(new Set(a.tags).size, a.key).toBe(a.tags.length);
      for (const k of a.tags) expect(tagKeys.has(k), `${a.key}: tag ${k}`).toBe(true);
    }
  });

  it('uses every author, and every tag often enough for a tag page', () => {
    for (const au of demoAuthors) {
      expect(articles.filter((a) => a.authors.includes(au.key)).length, au.key).toBeGreaterThanOrEqual(3);
    }
    for (const t of demoTags) {
      expect(articles.filter((a) => a.tags.includes(t.key)).length, t.key).toBeGreaterThanOrEqual(2);
    }
    expect(articles.filter((a) => a.authors.length === 2).length).toBeGreaterThanOrEqual(6);
  });

  it('fills every category', () => {
    for (const c of categories) {
      expect(articles.filter((a) => a.category === c).length, c).toBeGreaterThanOrEqual(7);
    }
    for (const a of articles) expect(categories, a.key).toContain(a.category);
  });

  it('has titles, leads and bodies of a sensible size', () => {
    for (const a of articles) {
      expect(a.title.length, `${a.key}: title`).toBeGreaterThanOrEqual(30);
      expect(a.title.length, `${a.key}: title`).toBeLessThanOrEqual(140);
      expect(a.lead.length, `${a.key}: lead`).toBeGreaterThanOrEqual(80);
      expect(a.lead.length, `${a.key}: lead`).toBeLessThanOrEqual(320);
      expect(paragraphs(a.body).length, `${a.key}: paragraphs`).toBeGreaterThanOrEqual(3);
      expect(words(bodyText(a.body)), `${a.key}: body words`).toBeGreaterThanOrEqual(150);
      expect(words(bodyText(a.body)), `${a.key}: body words`).toBeLessThanOrEqual(350);
      expect(a.cover.caption.length, `${a.key}: caption`).toBeGreaterThan(10);
      expect(a.cover.credit, `${a.key}: credit`).toMatch(/^Снимка: /);
      expect(a.cover.alt.length, `${a.key}: alt`).toBeGreaterThan(10);
      expect(a.popularity, a.key).toBeGreaterThanOrEqual(0);
      expect(a.popularity, a.key).toBeLessThanOrEqual(1);
    }
  });

  it('uses Bulgarian typography: „…“ quotes, no straight double quotes, spaced en dashes', () => {
    const all = [
      ...texts(articles, 'articles'),
      ...texts(demoAuthors, 'authors'),
      ...texts(demoTags, 'tags'),
    ];
    for (const [path, s] of all) {
      expect(s.includes('"'), `${path}: straight double quote in ${s}`).toBe(false);
      expect(s.includes('\u201D'), `${path}: ” used as a closing quote in ${s}`).toBe(false);
      expect(s.includes('\u2014'), `${path}: em dash (use a spaced en dash) in ${s}`).toBe(false);
      expect(s.split('\u00AB').length, `${path}: unbalanced «» in ${s}`).toBe(s.split('\u00BB').length);
      expect(/\s-\s/.test(s), `${path}: hyphen used as a dash in ${s}`).toBe(false);
      expect(s.split('\u201E').length, `${path}: unbalanced „“ in ${s}`).toBe(s.split('\u201C').length);
      expect(/\s{2,}|^\s|\s$/.test(s), `${path}: stray whitespace in ${s}`).toBe(false);
      // A Latin look-alike inside a Cyrillic word (е/e, о/o, р/p …) breaks search and slugs.
      for (const word of s.match(/[\p{L}]+/gu) ?? []) {
        const mixed = /\p{Script=Cyrillic}/u.test(word) && /\p{Script=Latin}/u.test(word);
        expect(mixed, `${path}: mixed-script word ${word}`).toBe(false);
      }
    }
  });

  it('spreads publication times for the latest list and for „На днешната дата“', () => {
    const hours = articles.flatMap((a) => ('hoursAgo' in a.when ? [a.when.hoursAgo] : []));
    const years = articles.flatMap((a) => ('yearsAgo' in a.when ? [a.when] : []));
    expect(years.length).toBeGreaterThanOrEqual(8);
    expect(hours.length).toBeGreaterThanOrEqual(40);
    for (const y of years) {
      expect(Number.isInteger(y.yearsAgo) && y.yearsAgo >= 1 && y.yearsAgo <= 12).toBe(true);
      expect(Number.isInteger(y.hour) && y.hour >= 0 && y.hour <= 23).toBe(true);
      if (y.minute !== undefined) expect(y.minute >= 0 && y.minute <= 59).toBe(true);
    }
    for (const h of hours) {
      expect(h).toBeGreaterThan(0);
      expect(h).toBeLessThanOrEqual(160);
    }
    expect(Math.min(...hours)).toBeLessThan(1);
    expect(Math.max(...hours)).toBeGreaterThan(140);
    const within = (from: number, to: number) => hours.filter((h) => h >= from && h < to).length;
    expect(within(0, 24)).toBeGreaterThanOrEqual(10);
    expect(within(24, 48)).toBeGreaterThanOrEqual(5);
    expect(within(48, 96)).toBeGreaterThanOrEqual(5);
    expect(within(96, 161)).toBeGreaterThanOrEqual(5);
    expect(new Set(hours).size).toBe(hours.length);
  });

  it('has lively, well-ordered comments', () => {
    const withComments = articles.filter((a) => (a.comments?.length ?? 0) > 0);
    expect(withComments.length).toBeGreaterThanOrEqual(30);
    let withReplies = 0;
    for (const a of articles) {
      const top = a.comments ?? [];
      expect(top.length, a.key).toBeLessThanOrEqual(12);
      const ageMinutes = 'hoursAgo' in a.when ? a.when.hoursAgo * 60 : Number.POSITIVE_INFINITY;
      for (let i = 1; i < top.length; i++) {
        expect(top[i]!.after, `${a.key}: comments out of order`).toBeGreaterThanOrEqual(top[i - 1]!.after);
      }
      walkComments(top, (c, parent) => {
        if (c.replies?.length) withReplies++;
        expect(c.name.trim().length, a.key).toBeGreaterThan(0);
        expect(c.body.trim().length, a.key).toBeGreaterThan(0);
        expect(c.after, `${a.key}: comment by ${c.name}`).toBeGreaterThan(0);
        expect(c.after, `${a.key}: comment by ${c.name} is from the future`).toBeLessThan(ageMinutes);
        if (parent) expect(c.after, `${a.key}: reply before its parent`).toBeGreaterThan(parent.after);
      });
    }
    expect(withReplies).toBeGreaterThanOrEqual(8);
  });

  it('shows each comments policy', () => {
    expect(articles.filter((a) => a.commentsPolicy === 'premoderated').length).toBeGreaterThanOrEqual(2);
    expect(articles.filter((a) => a.commentsPolicy === 'closed').length).toBeGreaterThanOrEqual(1);
  });

  it('gives a handful of stories high popularity', () => {
    const high = articles.filter((a) => a.popularity >= 0.8).length;
    expect(high).toBeGreaterThanOrEqual(4);
    expect(high).toBeLessThanOrEqual(12);
  });
});
