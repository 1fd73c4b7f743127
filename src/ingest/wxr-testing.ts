// Small WordPress exports for tests, and the real one from WordPress's theme unit test data.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { readWxrFrom } from './wxr-read.js';
import type { WxrEvent } from './wxr-types.js';

export const THEME_UNIT_TEST_WXR = resolve(
  '..',
  'shared',
  'fixtures',
  'wxr',
  'themeunittestdata.wordpress.xml',
);

export const fixtureText = (): string => readFileSync(THEME_UNIT_TEST_WXR, 'utf8');

export interface TinyPost {
  id: number;
  title?: string;
  status?: string;
  type?: string;
  gmt?: string;
  local?: string;
  guid?: string;
  author?: string;
  content?: string;
  /** Raw XML added inside the item (categories, postmeta, comments). */
  extra?: string;
}

export function tinyPost(p: TinyPost): string {
  return [
    '<item>',
    `<title>${p.title ?? `Post ${p.id}`}</title>`,
    `<link>https://old.example/post-${p.id}/</link>`,
    `<dc:creator>${p.author ?? 'admin'}</dc:creator>`,
    `<guid isPermaLink="false">${p.guid ?? `https://old.example/?p=${p.id}`}</guid>`,
    `<content:encoded><![CDATA[${p.content ?? '<p>Text</p>'}]]></content:encoded>`,
    '<excerpt:encoded><![CDATA[]]></excerpt:encoded>',
    `<wp:post_id>${p.id}</wp:post_id>`,
    `<wp:post_date>${p.local ?? '2024-03-01 12:00:00'}</wp:post_date>`,
    `<wp:post_date_gmt>${p.gmt ?? '2024-03-01 10:00:00'}</wp:post_date_gmt>`,
    `<wp:post_name>post-${p.id}</wp:post_name>`,
    `<wp:status>${p.status ?? 'publish'}</wp:status>`,
    `<wp:post_type>${p.type ?? 'post'}</wp:post_type>`,
    p.extra ?? '',
    '</item>',
  ].join('\n');
}

export function tinyComment(id: number, parent = 0, approved = '1'): string {
  return (
    `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>` +
    '<wp:comment_date_gmt>2024-03-02 08:00:00</wp:comment_date_gmt><wp:comment_content>Hi</wp:comment_content>' +
    `<wp:comment_approved>${approved}</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`
  );
}

/** A whole export: `channel` is raw XML after the site fields (authors, categories, tags). */
export function tinyWxr(items: string[], channel = '', version = '1.2'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:wp="http://wordpress.org/export/1.2/">',
    '<channel>',
    '<title>Old site</title>',
    '<link>https://old.example</link>',
    '<language>bg-BG</language>',
    `<wp:wxr_version>${version}</wp:wxr_version>`,
    '<wp:base_site_url>https://old.example</wp:base_site_url>',
    '<wp:base_blog_url>https://old.example</wp:base_blog_url>',
    '<wp:author><wp:author_login>admin</wp:author_login><wp:author_display_name>Admin</wp:author_display_name></wp:author>',
    channel,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** Reads bytes through the real reader, in chunks of `chunkBytes` to cross every boundary. */
export async function readBytes(bytes: Uint8Array | string, chunkBytes = 64 * 1024): Promise<WxrEvent[]> {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunkBytes) chunks.push(buffer.subarray(i, i + chunkBytes));
  const events: WxrEvent[] = [];
  for await (const e of readWxrFrom(Readable.from(chunks), { timeZone: 'Europe/Sofia' })) events.push(e);
  return events;
}

/** The line (one-based) on which `needle` first occurs in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, at).split('\n').length;
}
