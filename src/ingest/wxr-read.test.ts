import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zonedTimeToEpoch } from '../text/dates.js';
import { WxrError } from './wxr-error.js';
import { readWxr } from './wxr-read.js';
import {
  fixtureText,
  lineOf,
  readBytes,
  THEME_UNIT_TEST_WXR,
  tinyComment,
  tinyPost,
  tinyWxr,
} from './wxr-testing.js';
import type { WxrEvent, WxrItem } from './wxr-types.js';

async function readError(bytes: Uint8Array | string, chunkBytes?: number): Promise<WxrError> {
  try {
    await readBytes(bytes, chunkBytes);
  } catch (e) {
    if (e instanceof WxrError) return e;
    throw e;
  }
  throw new Error('the export was read without an error');
}

const items = (events: WxrEvent[]): WxrItem[] => events.flatMap((e) => (e.kind === 'item' ? [e.item] : []));

describe('readWxr on the WordPress theme unit test export', () => {
  it('yields the site first, then every item with its id, in file order', async () => {
    const events: WxrEvent[] = [];
    for await (const e of readWxr(THEME_UNIT_TEST_WXR, { timeZone: 'Europe/Sofia' })) events.push(e);
    expect(events[0]).toMatchObject({
      kind: 'site',
      site: { title: 'Theme Unit Test Data', wxrVersion: '1.2' },
    });
    const text = fixtureText();
    const ids = [...text.matchAll(/<wp:post_id>(\d+)<\/wp:post_id>/g)].map((m) => Number(m[1]));
    const yielded = events.flatMap((e) =>
      e.kind === 'item' ? [e.item.id] : e.kind === 'skipped' ? [e.skipped.id] : [],
    );
    expect(yielded).toEqual(ids);
    const authors = [...text.matchAll(/<wp:author>/g)].length;
    expect(events.filter((e) => e.kind === 'author')).toHaveLength(authors);
  });

  it('reads the same events whatever the chunk size, even cutting UTF-8 characters in two', async () => {
    const bytes = readFileSync(THEME_UNIT_TEST_WXR);
    expect(bytes.some((b) => b >= 0x80)).toBe(true);
    const whole = await readBytes(bytes, bytes.length);
    expect(await readBytes(bytes, 997)).toEqual(whole);
  });

  it('reads a post with its fields, terms, featured image and threaded comments', async () => {
    const post = items(await readBytes(readFileSync(THEME_UNIT_TEST_WXR))).find((i) => i.id === 51);
    expect(post).toMatchObject({
      postType: 'post',
      title: 'WP 6.1 Theme block category',
      status: 'publish',
      author: 'themereviewteam',
      dateMs: Date.UTC(2023, 0, 13, 18, 38, 5),
      categories: ['6-1', 'block'],
      thumbnailId: 761,
    });
    expect(post?.contentHtml).toContain('<!-- wp:paragraph -->');
    expect(post?.comments[0]).toMatchObject({ id: 2, parentId: null, status: 'approved', type: 'comment' });
  });
});

describe('readWxr fields', () => {
  it('reads the local date in the site zone when the GMT date is 0000-00-00', async () => {
    const wxr = tinyWxr([
      tinyPost({ id: 1, status: 'draft', gmt: '0000-00-00 00:00:00', local: '2024-07-01 09:30:15' }),
    ]);
    const [draft] = items(await readBytes(wxr));
    expect(draft?.dateMs).toBe(zonedTimeToEpoch(2024, 7, 1, 9, 30, 'Europe/Sofia') + 15_000);
    const undated = tinyWxr([tinyPost({ id: 2, status: 'draft', gmt: '0000-00-00 00:00:00', local: '' })]);
    expect(items(await readBytes(undated))[0]?.dateMs).toBeNull();
  });

  it('keeps CDATA as written and decodes entities in plain text', async () => {
    const wxr = tinyWxr([
      tinyPost({
        id: 1,
        title: 'Tom &amp; Jerry &#8211; „Вестник“',
        content: '<script>alert(1)</script>&amp;nbsp;',
      }),
    ]);
    const [post] = items(await readBytes(wxr));
    expect(post?.title).toBe('Tom & Jerry – „Вестник“');
    expect(post?.contentHtml).toBe('<script>alert(1)</script>&amp;nbsp;');
  });

  it('reads comment statuses and parents', async () => {
    const comments =
      tinyComment(1) + tinyComment(2, 1, '0') + tinyComment(3, 0, 'spam') + tinyComment(4, 0, 'trash');
    const [post] = items(await readBytes(tinyWxr([tinyPost({ id: 1, extra: comments })])));
    expect(post?.comments.map((c) => [c.id, c.parentId, c.status])).toEqual([
      [1, null, 'approved'],
      [2, 1, 'pending'],
      [3, null, 'spam'],
      [4, null, 'trash'],
    ]);
  });

  it('skips menu entries with a reason instead of yielding them as posts', async () => {
    const events = await readBytes(
      tinyWxr([tinyPost({ id: 1, type: 'nav_menu_item' }), tinyPost({ id: 2 })]),
    );
    expect(events.filter((e) => e.kind === 'skipped')).toEqual([
      {
        kind: 'skipped',
        skipped: expect.objectContaining({ postType: 'nav_menu_item', id: 1, reason: expect.any(String) }),
      },
    ]);
    expect(items(events).map((i) => i.id)).toEqual([2]);
  });
});

describe('readWxr errors', () => {
  it('a truncated file: the error says so at the last line', async () => {
    const text = fixtureText();
    const cut = text.slice(0, Math.floor(text.length / 2));
    const e = await readError(cut);
    expect(e.code).toBe('truncated');
    expect(e.line).toBe(cut.split('\n').length);
    expect(e.message).toMatch(/cut short/);
  });

  it('Latin-1 bytes: not UTF-8, with the byte offset and line', async () => {
    const text = tinyWxr([tinyPost({ id: 1, title: 'Caf\u00e9' })]);
    const bytes = Buffer.from(text, 'latin1');
    const e = await readError(bytes, 40);
    expect(e.code).toBe('not-utf8');
    expect(e.byteOffset).toBe(bytes.indexOf(0xe9));
    expect(e.line).toBe(lineOf(text, 'Caf'));
    expect(e.message).toMatch(/0xE9/);
  });

  it('a bad byte deep in the real export is found on its line', async () => {
    const text = fixtureText();
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('<title>', 400_000) + '<title>'.length;
    bytes[at] = 0xff;
    const e = await readError(bytes, 4096);
    expect([e.code, e.byteOffset, e.line]).toEqual([
      'not-utf8',
      at,
      bytes.subarray(0, at).toString().split('\n').length,
    ]);
  });

  it('a declared encoding other than UTF-8 is refused', async () => {
    const e = await readError(tinyWxr([]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));
    expect([e.code, e.line]).toEqual(['not-utf8', 1]);
    expect(e.message).toMatch(/ISO-8859-1/);
  });

  it('a plain RSS feed is not a WordPress export', async () => {
    const rss = `<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>News</title>\n<item><title>A</title></item>\n</channel>\n</rss>\n`;
    const e = await readError(rss);
    expect([e.code, e.line, e.element]).toEqual(['not-wxr', 5, 'item']);
    expect(e.message).toMatch(/wp:wxr_version/);
  });

  it('an Atom feed or any other root element is not a WordPress export', async () => {
    const e = await readError('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>');
    expect([e.code, e.line]).toEqual(['not-wxr', 2]);
    expect(e.message).toMatch(/<\{http:\/\/www.w3.org\/2005\/Atom\}feed>/);
  });

  it('an unsupported WXR version', async () => {
    const text = tinyWxr([], '', '2.0');
    const e = await readError(text);
    expect([e.code, e.line, e.element]).toEqual([
      'wxr-version',
      lineOf(text, '2.0</wp:wxr'),
      'wp:wxr_version',
    ]);
  });

  it('a date that cannot be parsed names the element and line', async () => {
    const text = fixtureText().replace(
      '<wp:post_date_gmt><![CDATA[2023-01-13 18:38:05]]></wp:post_date_gmt>',
      '<wp:post_date_gmt><![CDATA[2023-02-30 18:38:05]]></wp:post_date_gmt>',
    );
    const e = await readError(text);
    expect([e.code, e.element, e.line]).toEqual(['bad-date', 'wp:post_date_gmt', lineOf(text, '2023-02-30')]);
  });

  it('XML that is not well-formed names the line', async () => {
    const text = tinyWxr([tinyPost({ id: 1, title: 'Tom and Jerry</titel>' })]);
    const e = await readError(text);
    expect([e.code, e.line]).toEqual(['malformed', lineOf(text, '</titel>')]);
  });

  it('a bare & is malformed, not mistaken for the end of the file', async () => {
    const short = await readError(tinyWxr([tinyPost({ id: 1, title: 'Tom & Jerry' })]));
    expect(short.code).toBe('malformed');
    expect(short.message).toMatch(/&amp;/);
    const text = fixtureText().replace(
      '<title>Keyboard navigation</title>',
      '<title>Keyboard & navigation</title>',
    );
    const e = await readError(text, 4096);
    expect(e.code).toBe('malformed');
    expect(e.line).toBeGreaterThanOrEqual(lineOf(text, 'Keyboard & navigation'));
  });

  it('a missing post id or an unknown status', async () => {
    const noId = tinyWxr([tinyPost({ id: 7 }).replace('<wp:post_id>7</wp:post_id>', '')]);
    expect(await readError(noId)).toMatchObject({ code: 'missing-element', element: 'item' });
    const text = tinyWxr([tinyPost({ id: 7, status: 'published' })]);
    expect(await readError(text)).toMatchObject({
      code: 'bad-value',
      element: 'wp:status',
      line: lineOf(text, 'published'),
    });
  });
});
