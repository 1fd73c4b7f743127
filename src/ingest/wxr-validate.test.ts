import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WxrError } from './wxr-error.js';
import { readWxr } from './wxr-read.js';
import {
  THEME_UNIT_TEST_WXR as FIXTURE,
  fixtureText,
  lineOf,
  tinyComment,
  tinyPost,
  tinyWxr,
} from './wxr-testing.js';
import { validateWxr, validateWxrEvents, type WxrValidateOptions } from './wxr-validate.js';

const options = { timeZone: 'Europe/Sofia' };

/** Counts with xmllint, independently of the reader: an XPath over local names. */
function xcount(xpath: string): number {
  return Number(
    execFileSync('xmllint', ['--xpath', `count(${xpath})`, FIXTURE], { encoding: 'utf8' }).trim(),
  );
}
const el = (name: string) => `*[local-name()='${name}']`;
const ofType = (type: string, status?: string) =>
  `//item[${el('post_type')}='${type}'${status ? ` and ${el('status')}='${status}'` : ''}]`;
const imported = `//item[${el('post_type')}='post' or ${el('post_type')}='page' or ${el('post_type')}='attachment']`;

const dir = mkdtempSync(join(tmpdir(), 'vestnik-wxr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function validateText(text: string, opts: Partial<WxrValidateOptions> = {}) {
  const file = join(dir, `export-${++files}.xml`);
  writeFileSync(file, text);
  return validateWxr(file, { ...options, ...opts });
}

async function validateError(text: string, opts: Partial<WxrValidateOptions> = {}): Promise<WxrError> {
  const error = await validateText(text, opts).then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof WxrError) return error;
  throw error ?? new Error('the export passed validation');
}

describe('validateWxr on the WordPress theme unit test export', async () => {
  const report = await validateWxr(FIXTURE, options);
  const text = fixtureText();

  it('counts posts by status, pages, attachments and skipped items as xmllint does', () => {
    for (const status of ['publish', 'draft', 'future', 'pending', 'private'] as const) {
      expect(report.posts[status], `posts ${status}`).toBe(xcount(ofType('post', status)));
      expect(report.pages[status], `pages ${status}`).toBe(xcount(ofType('page', status)));
    }
    const posts = Object.values(report.posts).reduce((a, b) => a + b, 0);
    expect(posts).toBe(xcount(ofType('post')));
    const pages = Object.values(report.pages).reduce((a, b) => a + b, 0);
    expect(pages).toBe(xcount(ofType('page')));
    expect(report.attachments).toBe(xcount(ofType('attachment')));
    const skipped = report.skipped.reduce((a, s) => a + s.count, 0);
    expect(posts + pages + report.attachments + skipped).toBe(xcount('//item'));
    expect(report.skipped.map((s) => s.postType)).toEqual(['nav_menu_item']);
  });

  it('counts every comment by status and type', () => {
    const comments = `${imported}/${el('comment')}`;
    expect(report.comments.approved).toBe(xcount(`${comments}[${el('comment_approved')}='1']`));
    expect(report.comments.pending).toBe(xcount(`${comments}[${el('comment_approved')}='0']`));
    expect(Object.values(report.comments).reduce((a, b) => a + b, 0)).toBe(xcount(`//${el('comment')}`));
    expect(report.commentTypes.pingback).toBe(xcount(`${comments}[${el('comment_type')}='pingback']`));
  });

  it('accounts for every category and tag, declared or only named by an item', () => {
    expect(report.categories).toHaveLength(
      xcount(`/rss/channel/${el('category')}`) + report.categoriesFromItems.length,
    );
    const declaredTags = new Set(
      [...text.matchAll(/<wp:tag_slug>(?:<!\[CDATA\[)?([^<\]]+)/g)].map((m) => m[1]),
    );
    const usedTags = new Set(
      [...text.matchAll(/<category domain="post_tag" nicename="([^"]+)"/g)].map((m) => m[1]),
    );
    const all = new Set([...declaredTags, ...usedTags]);
    expect(new Set(report.tags.map((t) => t.slug))).toEqual(all);
    expect([...report.tagsFromItems].sort()).toEqual(
      [...usedTags].filter((t) => !declaredTags.has(t)).sort(),
    );
  });

  it('orders categories parents first', () => {
    const seen = new Set<string>();
    for (const c of report.categories) {
      if (c.parent !== null) expect(seen.has(c.parent), `${c.nicename} after ${c.parent}`).toBe(true);
      seen.add(c.nicename);
    }
    expect(report.categories.some((c) => c.parent !== null)).toBe(true);
  });

  it('lists the authors, adding those only named by dc:creator', () => {
    const declared = [...text.matchAll(/<wp:author_login>(?:<!\[CDATA\[)?([^<\]]+)/g)].map((m) => m[1]);
    expect(report.authors.slice(0, declared.length).map((a) => a.login)).toEqual(declared);
    for (const login of report.authorsFromItems) expect(text).toContain(`<dc:creator>${login}</dc:creator>`);
  });

  it('resolves every featured image to its attachment URL', () => {
    expect(report.featuredImages).toHaveLength(
      xcount(`${imported}/${el('postmeta')}[${el('meta_key')}='_thumbnail_id']`),
    );
    for (const f of report.featuredImages) expect(f.url).toMatch(/^https:\/\/.+\.jpg$/);
  });

  it('reports the duplicate GUIDs the real export has, with their lines', () => {
    const guids = report.duplicates.filter((d) => d.kind === 'guid');
    expect(guids.length).toBeGreaterThan(0);
    for (const d of guids) expect(text.split('\n')[(d.lines[1] ?? 0) - 1]).toBe('<item>');
  });

  it('gives the same report twice (a second run sees the same file the same way)', async () => {
    expect(await validateWxrEvents(readWxr(FIXTURE, options))).toEqual(report);
  });
});

describe('validateWxr errors', () => {
  it('duplicate post ids: an error with the line, or a report entry when the caller asks', async () => {
    const text = tinyWxr([tinyPost({ id: 5 }), tinyPost({ id: 5, guid: 'other' })]);
    const e = await validateError(text);
    const second = text.split('\n').lastIndexOf('<item>') + 1;
    expect([e.code, e.line, e.element]).toEqual(['duplicate-id', second, 'wp:post_id']);
    const report = await validateText(text, { duplicateIds: 'report' });
    expect(report.duplicates).toEqual([{ kind: 'id', value: '5', lines: [lineOf(text, '<item>'), second] }]);
  });

  it('a category whose parent does not exist is named', async () => {
    const cat =
      '<wp:category><wp:category_nicename>sport</wp:category_nicename><wp:category_parent>novini</wp:category_parent></wp:category>';
    const text = tinyWxr([tinyPost({ id: 1 })], cat);
    const e = await validateError(text);
    expect([e.code, e.line]).toEqual(['unknown-parent-category', lineOf(text, 'sport')]);
    expect(e.message).toMatch(/"novini"/);
  });

  it('a loop of categories', async () => {
    const cat = (a: string, b: string) =>
      `<wp:category><wp:category_nicename>${a}</wp:category_nicename><wp:category_parent>${b}</wp:category_parent></wp:category>`;
    const e = await validateError(tinyWxr([], cat('a', 'b') + cat('b', 'a')));
    expect(e.code).toBe('category-cycle');
  });

  it('a comment answering a comment its post does not have', async () => {
    const text = tinyWxr([
      tinyPost({ id: 1, extra: tinyComment(10) }),
      tinyPost({ id: 2, extra: tinyComment(11, 10) }),
    ]);
    const e = await validateError(text);
    expect([e.code, e.line]).toEqual(['unknown-parent-comment', lineOf(text, '<wp:comment_id>11')]);
  });

  it('a featured image whose attachment is missing keeps no URL', async () => {
    const meta =
      '<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>99</wp:meta_value></wp:postmeta>';
    const report = await validateText(tinyWxr([tinyPost({ id: 1, extra: meta })]));
    expect(report.featuredImages).toEqual([{ postId: 1, attachmentId: 99, url: null }]);
  });

  it('errors from the reader pass through', async () => {
    const e = await validateError(tinyWxr([tinyPost({ id: 1, gmt: '2024-01-01 25:00:00' })]));
    expect([e.code, e.element]).toEqual(['bad-date', 'wp:post_date_gmt']);
  });
});
