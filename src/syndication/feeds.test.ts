import { describe, expect, it } from 'vitest';
import { FEED_FORMATS, type FeedChannel, type FeedEntry, renderFeed } from './feeds.js';
import { parseFeed } from './testing.js';

const SITE = 'https://vestnik.bg';
const channel: FeedChannel = {
  id: 'tag:vestnik.bg,2026:feed',
  title: 'Вестник – „Наука“ & техника',
  description: 'Най-новото от рубриката „Наука“.',
  language: 'bg',
  homeUrl: `${SITE}/nauka`,
  feedUrls: {
    rss: `${SITE}/feed/rss/rubrika/nauka`,
    atom: `${SITE}/feed/atom/rubrika/nauka`,
    json: `${SITE}/feed/json/rubrika/nauka`,
  },
  updated: Date.UTC(2026, 10, 26, 12, 30),
  iconUrl: `${SITE}/assets/favicon.svg`,
  logoUrl: `${SITE}/assets/publisher-logo.png`,
  publisher: { name: 'Вестник', url: `${SITE}/` },
};

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  guid: 'tag:vestnik.bg,2026:article:7',
  title: 'Учени от БАН <b>откриха</b> „нов“ вид & още ]]> едно',
  url: `${SITE}/nauka/nov-vid`,
  published: Date.UTC(2026, 10, 26, 10, 0),
  updated: Date.UTC(2026, 10, 26, 12, 30),
  authors: [
    { name: 'Мария Иванова', url: `${SITE}/avtor/maria-ivanova` },
    { name: 'Йордан Петров', url: `${SITE}/avtor/yordan-petrov` },
  ],
  categories: [
    { name: 'Наука', url: `${SITE}/nauka` },
    { name: 'БАН', url: `${SITE}/tema/ban` },
  ],
  summary: 'Видът е открит в Родопите\u0007 – и е „малък“ <5 мм.',
  contentHtml: '<p>Текст с <a href="https://vestnik.bg/x">връзка</a> и ]]> в него.</p>',
  image: { url: `${SITE}/media/2026/11/ab/960.jpg`, type: 'image/jpeg', length: 48213 },
  ...over,
});

describe('feed documents', () => {
  it('keep every character of titles and leads, in all three formats', async () => {
    for (const format of FEED_FORMATS) {
      const text = renderFeed(format, channel, [entry()]);
      expect(text).not.toContain('\u0007');
      const parsed = await parseFeed(text);
      expect(parsed.bozo, `${format}: ${parsed.bozoException}`).toBe(0);
      expect(parsed.feed.title).toBe('Вестник – „Наука“ & техника');
      const e = parsed.entries[0];
      expect(e?.title, format).toBe('Учени от БАН <b>откриха</b> „нов“ вид & още ]]> едно');
      expect(e?.content[0]?.value, format).toBe(
        '<p>Текст с <a href="https://vestnik.bg/x">връзка</a> и ]]> в него.</p>',
      );
      expect(e?.published).toBe(Date.UTC(2026, 10, 26, 10, 0));
    }
  });

  it('name the MIME type of a cover, not a guess from its extension', async () => {
    const atom = renderFeed('atom', channel, [entry()]);
    expect(atom).toContain(
      '<link rel="enclosure" href="https://vestnik.bg/media/2026/11/ab/960.jpg" type="image/jpeg" length="48213"/>',
    );
    const rss = renderFeed('rss', channel, [entry()]);
    expect(rss).toContain(
      '<enclosure length="48213" type="image/jpeg" url="https://vestnik.bg/media/2026/11/ab/960.jpg"/>',
    );
    const json = JSON.parse(renderFeed('json', channel, [entry()])) as { items: Record<string, unknown>[] };
    expect(json.items[0]?.attachments).toEqual([
      { url: 'https://vestnik.bg/media/2026/11/ab/960.jpg', mime_type: 'image/jpeg', size_in_bytes: 48213 },
    ]);
    expect(json.items[0]?.image).toBe('https://vestnik.bg/media/2026/11/ab/960.jpg');
  });

  it('give bylines as Dublin Core creators in RSS, also when the feed carries leads only', async () => {
    const rss = renderFeed('rss', channel, [entry({ contentHtml: null })]);
    expect(rss).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(rss).not.toContain('content:encoded');
    expect(rss).toContain('<dc:creator>Мария Иванова</dc:creator>');
    expect(rss).toContain('<dc:creator>Йордан Петров</dc:creator>');
    expect(rss).not.toContain('<author>');
    const parsed = await parseFeed(rss);
    expect(parsed.bozo).toBe(0);
    expect(parsed.entries[0]?.content).toEqual([]);
    expect(parsed.entries[0]?.summary).toBe('Видът е открит в Родопите – и е „малък“ &lt;5 мм.');
  });

  it('stay valid without entries and without bylines', async () => {
    for (const format of FEED_FORMATS) {
      const empty = await parseFeed(renderFeed(format, channel, []));
      expect(empty.bozo, format).toBe(0);
      expect(empty.entries).toEqual([]);
      const anonymous = await parseFeed(renderFeed(format, channel, [entry({ authors: [], image: null })]));
      expect(anonymous.bozo, format).toBe(0);
      expect(anonymous.entries[0]?.enclosures).toEqual([]);
    }
    // Atom wants an author for every entry: the publisher stands in at the feed level.
    expect(renderFeed('atom', channel, [])).toContain('<name>Вестник</name>');
    expect(renderFeed('atom', channel, [])).toContain(
      '<logo>https://vestnik.bg/assets/publisher-logo.png</logo>',
    );
    expect(renderFeed('rss', channel, [])).toContain(
      '<url>https://vestnik.bg/assets/publisher-logo.png</url>',
    );
    const json = JSON.parse(renderFeed('json', channel, [entry({ contentHtml: null })])) as {
      version: string;
      language: string;
      icon: string;
      items: Record<string, unknown>[];
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.language).toBe('bg');
    expect(json.icon).toBe('https://vestnik.bg/assets/publisher-logo.png');
    expect(json.items[0]?.content_text).toBe('Видът е открит в Родопите\u0007 – и е „малък“ <5 мм.');
    expect(json.items[0]?.content_html).toBeUndefined();
  });
});
