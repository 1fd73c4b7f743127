// What search engines and social sites read: JSON-LD, Open Graph and Twitter tags, canonical
// addresses of paged lists, noindex where it belongs. Pages are fetched through the real app.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { testImage } from '../../media/testing.js';
import { addStaff, draftOf } from '../../newsroom/testing.js';
import { transition } from '../../newsroom/workflow.js';
import { createTestSite, type TestSite } from '../testing.js';

const SITE = 'http://localhost:3000';
const HOUR = 3_600_000;
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
const LONG_TITLE =
  'Правителството прие окончателно бюджета за следващата година след дълги преговори с ' +
  'работодателите и синдикатите в тристранния съвет';
const NASTY_TITLE = 'Край на „играта“ </script><script>alert("x")</script> & \'кавички\'';

type Node = Record<string, unknown>;

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The page's one JSON-LD document, parsed, and its nodes by @type. */
function jsonLd(html: string): { doc: Node; byType: (type: string) => Node } {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  const doc = JSON.parse(scripts[0]?.[1] ?? '') as Node;
  const graph = doc['@graph'] as Node[];
  return {
    doc,
    byType: (type) => {
      const found = graph.filter((n) => n['@type'] === type);
      expect(found, type).toHaveLength(1);
      return found[0] as Node;
    },
  };
}

/** Every <meta property|name content> in the head, as [key, content] pairs in order. */
function metaTags(html: string): [string, string][] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"\s*\/?>/g)].map((m) => [
    m[1] ?? '',
    decode(m[2] ?? ''),
  ]);
}

const one = (tags: [string, string][], key: string) => {
  const found = tags.filter(([k]) => k === key);
  expect(found, key).toHaveLength(1);
  return found[0]?.[1];
};

describeEachDatabase('search engines and social sites', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  const now = Date.UTC(2026, 10, 26, 14, 5); // 16:05 in Sofia, winter time (+02:00)
  const published = now - 2 * HOUR;
  const get = (url: string) => site.app.inject({ method: 'GET', url });
  let coverArticleUrl = '';

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    site = await createTestSite(getDb(), { TWITTER_SITE: '@vestnik_bg' }, now);
    const editor = await addStaff(db, 'editor', 'Редакторка', now);
    const upload = await site.services.media.upload(
      { data: await testImage(2000, 1125), originalName: 'parlament.jpg', alt: 'Сградата на парламента' },
      editor.id,
      now,
    );
    if (!upload.ok) throw new Error('upload failed');
    const made = await site.services.articles.create(
      draftOf(room.categories.football, {
        title: LONG_TITLE,
        slug: 'byudzhet',
        lead: 'Депутатите гласуваха „за“ на второ четене.',
        coverMediaId: upload.item.id,
        authorIds: [room.authorId],
        tags: ['Енергетика', 'София'],
      }),
      editor,
      published,
    );
    if (!made.ok) throw new Error('create failed');
    await transition(db, {
      id: made.id,
      action: 'publish',
      actor: editor,
      now: published,
      timeZone: 'Europe/Sofia',
    });
    coverArticleUrl = '/futbol/byudzhet';
    await buildArticle(db, {
      categoryId: room.categories.world,
      title: NASTY_TITLE,
      slug: 'nasty',
      publishedAt: published,
      authorIds: [room.authorId],
    });
    for (let i = 0; i < 17; i++) {
      await buildArticle(db, {
        categoryId: room.categories.football,
        publishedAt: now - (i + 3) * HOUR,
        tagIds: [room.tags.energy],
      });
    }
  });
  afterAll(async () => site.close());

  describe('an article with a cover', () => {
    it('has a NewsArticle with every field Google requires or recommends', async () => {
      const res = await get(coverArticleUrl);
      expect(res.statusCode).toBe(200);
      const { doc, byType } = jsonLd(res.body);
      expect(doc['@context']).toBe('https://schema.org');
      const a = byType('NewsArticle');
      const canonical = `${SITE}${coverArticleUrl}`;
      expect(a.url).toBe(canonical);
      expect(a.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': canonical });
      const headline = a.headline as string;
      expect([...headline].length).toBeLessThanOrEqual(110);
      expect(headline.endsWith('…')).toBe(true);
      expect(LONG_TITLE.startsWith(headline.slice(0, -1))).toBe(true);
      // Cut between words: the next character of the title is a space.
      expect(LONG_TITLE[headline.length - 1]).toBe(' ');
      expect(a.description).toBe('Депутатите гласуваха „за“ на второ четене.');
      expect(a.datePublished).toMatch(ISO_WITH_OFFSET);
      expect(a.datePublished).toBe('2026-11-26T14:05:00+02:00');
      expect(Date.parse(a.datePublished as string)).toBe(published);
      expect(a.dateModified).toMatch(ISO_WITH_OFFSET);
      expect(Date.parse(a.dateModified as string)).toBeGreaterThanOrEqual(published);
      expect(a.author).toEqual([
        { '@type': 'Person', name: 'Мария Иванова', url: `${SITE}/avtor/maria-ivanova` },
      ]);
      expect((await get('/avtor/maria-ivanova')).statusCode).toBe(200);
      expect(a.articleSection).toBe('Футбол');
      expect(a.keywords).toEqual(['Енергетика', 'София']);
      expect(a.inLanguage).toBe('bg');
      expect(a.isAccessibleForFree).toBe(true);
      // Bulgarian as it is, not as \u escapes.
      expect(res.body).toContain('"articleSection":"Футбол"');
    });

    it('names the cover by absolute URLs of its largest JPEG, which is really that wide', async () => {
      const a = jsonLd((await get(coverArticleUrl)).body).byType('NewsArticle');
      const images = a.image as string[];
      expect(Array.isArray(images)).toBe(true);
      expect(images.length).toBeGreaterThanOrEqual(1);
      for (const url of images) {
        expect(url).toMatch(/^http:\/\/localhost:3000\/media\/.+\/1600\.jpg$/);
        const file = await get(url.slice(SITE.length));
        expect(file.statusCode).toBe(200);
        expect(file.headers['content-type']).toContain('image/jpeg');
        expect((await sharp(file.rawPayload).metadata()).width).toBe(1600);
      }
    });

    it('has a publisher whose PNG logo is served with the size the data gives', async () => {
      const a = jsonLd((await get(coverArticleUrl)).body).byType('NewsArticle');
      const publisher = a.publisher as Node;
      expect(publisher['@type']).toBe('NewsMediaOrganization');
      expect(publisher.name).toBe('Вестник');
      expect(publisher.url).toBe(`${SITE}/`);
      const logo = publisher.logo as { '@type': string; url: string; width: number; height: number };
      expect(logo['@type']).toBe('ImageObject');
      expect(logo.url.startsWith(`${SITE}/assets/`)).toBe(true);
      const file = await get(logo.url.slice(SITE.length));
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      const meta = await sharp(file.rawPayload).metadata();
      expect(meta.format).toBe('png');
      expect([meta.width, meta.height]).toEqual([logo.width, logo.height]);
      expect(logo.width).toBeGreaterThanOrEqual(112);
    });

    it('has a breadcrumb trail through the parent section, with absolute items', async () => {
      const crumbs = jsonLd((await get(coverArticleUrl)).body).byType('BreadcrumbList');
      expect(crumbs.itemListElement).toEqual([
        { '@type': 'ListItem', position: 1, name: 'Начало', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'Спорт', item: `${SITE}/sport` },
        { '@type': 'ListItem', position: 3, name: 'Футбол', item: `${SITE}/futbol` },
        { '@type': 'ListItem', position: 4, name: LONG_TITLE, item: `${SITE}${coverArticleUrl}` },
      ]);
    });

    it('has Open Graph and Twitter tags with the large image', async () => {
      const html = (await get(coverArticleUrl)).body;
      const tags = metaTags(html);
      const canonical = `${SITE}${coverArticleUrl}`;
      expect(html).toContain(`<link rel="canonical" href="${canonical}"/>`);
      expect(one(tags, 'og:site_name')).toBe('Вестник');
      expect(one(tags, 'og:locale')).toBe('bg_BG');
      expect(one(tags, 'og:type')).toBe('article');
      expect(one(tags, 'og:title')).toBe(LONG_TITLE);
      expect(one(tags, 'og:description')).toBe('Депутатите гласуваха „за“ на второ четене.');
      expect(one(tags, 'og:url')).toBe(canonical);
      expect(one(tags, 'og:image')).toMatch(/^http:\/\/localhost:3000\/media\/.+\/1600\.jpg$/);
      expect(one(tags, 'og:image:width')).toBe('1600');
      expect(one(tags, 'og:image:height')).toBe('900');
      expect(one(tags, 'og:image:alt')).toBe('Сградата на парламента');
      expect(one(tags, 'article:published_time')).toBe('2026-11-26T14:05:00+02:00');
      expect(one(tags, 'article:modified_time')).toMatch(ISO_WITH_OFFSET);
      expect(one(tags, 'article:section')).toBe('Футбол');
      expect(tags.filter(([k]) => k === 'article:tag').map(([, v]) => v)).toEqual(['Енергетика', 'София']);
      expect(one(tags, 'article:author')).toBe(`${SITE}/avtor/maria-ivanova`);
      expect(one(tags, 'twitter:card')).toBe('summary_large_image');
      expect(one(tags, 'twitter:site')).toBe('@vestnik_bg');
      expect(one(tags, 'twitter:title')).toBe(LONG_TITLE);
      expect(one(tags, 'twitter:image')).toBe(one(tags, 'og:image'));
      expect(one(tags, 'twitter:image:alt')).toBe('Сградата на парламента');
    });
  });

  describe('an article without a cover and with a hostile title', () => {
    it('keeps the title inside the JSON: nothing closes the script element', async () => {
      const html = (await get('/svyat/nasty')).body;
      expect(html).not.toContain('<script>alert');
      const head = html.slice(0, html.indexOf('</head>'));
      // The JSON-LD document and the site's own module script, nothing more.
      expect(head.match(/<script/g)).toHaveLength(2);
      const { byType } = jsonLd(html);
      const a = byType('NewsArticle');
      expect(a.headline).toBe(NASTY_TITLE);
      expect(one(metaTags(html), 'og:title')).toBe(NASTY_TITLE);
    });

    it('uses the newsroom’s SEO title and description in the head, the headline in the data', async () => {
      const db = getDb().db;
      const id = await buildArticle(db, {
        categoryId: room.categories.world,
        title: 'Заглавие на страницата',
        slug: 'seo-zaglavie',
        publishedAt: published,
      });
      await db
        .updateTable('articles')
        .set({ seo_title: 'Кратко заглавие за търсачките', seo_description: 'Описание за споделяне.' })
        .where('id', '=', id)
        .execute();
      const html = (await get('/svyat/seo-zaglavie')).body;
      expect(html).toContain('<title>Кратко заглавие за търсачките – ');
      const tags = metaTags(html);
      expect(one(tags, 'og:title')).toBe('Кратко заглавие за търсачките');
      expect(one(tags, 'description')).toBe('Описание за споделяне.');
      expect(jsonLd(html).byType('NewsArticle').headline).toBe('Заглавие на страницата');
    });

    it('leaves the image out, and the cards say summary', async () => {
      const html = (await get('/svyat/nasty')).body;
      const a = jsonLd(html).byType('NewsArticle');
      expect(a).not.toHaveProperty('image');
      expect(a.headline).toBeTruthy();
      const tags = metaTags(html);
      expect(tags.some(([k]) => k.startsWith('og:image'))).toBe(false);
      expect(one(tags, 'twitter:card')).toBe('summary');
      expect(tags.some(([k]) => k === 'twitter:image')).toBe(false);
      expect(jsonLd(html).byType('BreadcrumbList').itemListElement).toHaveLength(3);
    });
  });

  it('home: WebSite with a search action that answers, and the organisation', async () => {
    const html = (await get('/')).body;
    const { byType } = jsonLd(html);
    const website = byType('WebSite');
    expect(website.name).toBe('Вестник');
    expect(website.url).toBe(`${SITE}/`);
    const action = website.potentialAction as { target: { urlTemplate: string }; 'query-input': string };
    expect(action.target.urlTemplate).toBe(`${SITE}/search?q={search_term_string}`);
    expect(action['query-input']).toBe('required name=search_term_string');
    const search = action.target.urlTemplate.replace('{search_term_string}', encodeURIComponent('бюджет'));
    expect((await get(search.slice(SITE.length))).statusCode).toBe(200);
    const org = byType('NewsMediaOrganization');
    expect((org.logo as { url: string }).url).toMatch(/^http:\/\/localhost:3000\/assets\/.+\.png$/);
    const tags = metaTags(html);
    expect(one(tags, 'og:type')).toBe('website');
    expect(one(tags, 'og:url')).toBe(`${SITE}/`);
    expect(one(tags, 'og:title')).toBe('Вестник');
    expect(one(tags, 'twitter:card')).toBe('summary');
  });

  it('a section: its own page as canonical, page 2 included, and its trail', async () => {
    const first = (await get('/sport')).body;
    expect(first).toContain(`<link rel="canonical" href="${SITE}/sport"/>`);
    expect(one(metaTags(first), 'og:type')).toBe('website');
    expect(one(metaTags(first), 'og:title')).toBe('Спорт');
    expect(jsonLd(first).byType('BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Начало', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'Спорт', item: `${SITE}/sport` },
    ]);
    const second = (await get('/sport?page=2')).body;
    expect(second).toContain(`<link rel="canonical" href="${SITE}/sport?page=2"/>`);
    expect(one(metaTags(second), 'og:url')).toBe(`${SITE}/sport?page=2`);
    expect(second).not.toContain('name="robots"');
    const nested = jsonLd((await get('/futbol')).body).byType('BreadcrumbList');
    expect((nested.itemListElement as Node[]).map((c) => c.name)).toEqual(['Начало', 'Спорт', 'Футбол']);
  });

  it('topic and author pages: trails and paged canonicals', async () => {
    const topic = (await get('/tema/energetika?page=2')).body;
    expect(topic).toContain(`<link rel="canonical" href="${SITE}/tema/energetika?page=2"/>`);
    expect(jsonLd(topic).byType('BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Начало', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'Теми', item: `${SITE}/temi` },
      { '@type': 'ListItem', position: 3, name: 'Енергетика', item: `${SITE}/tema/energetika` },
    ]);
    const author = (await get('/avtor/maria-ivanova')).body;
    expect(
      (jsonLd(author).byType('BreadcrumbList').itemListElement as Node[]).map((c) => [c.name, c.item]),
    ).toEqual([
      ['Начало', `${SITE}/`],
      ['Мария Иванова', `${SITE}/avtor/maria-ivanova`],
    ]);
  });

  it('search, errors and deep pages stay out of the index', async () => {
    expect((await get('/search?q=бюджет')).body).toContain('<meta name="robots" content="noindex, follow"/>');
    const missing = await get('/svyat/nyama-takava');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(missing.body).not.toContain('application/ld+json');
    // Past page 5 of a list.
    for (let i = 0; i < 80; i++) {
      await buildArticle(getDb().db, {
        categoryId: room.categories.world,
        publishedAt: now - (i + 30) * HOUR,
      });
    }
    const deep = (await get('/svyat?page=6')).body;
    expect(deep).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(deep).toContain(`<link rel="canonical" href="${SITE}/svyat?page=6"/>`);
  });
});
