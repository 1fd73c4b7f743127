// Writes a WordPress export (WXR 1.2) of N generated Bulgarian-like posts, for the import
// benchmarks: `node bench/wxr-generate.mjs FILE [POSTS]`. Streamed to disk, so any size fits.
// Besides posts: authors, a category tree, tags, one featured-image attachment per ten posts,
// drafts and scheduled posts, and threaded comments of every status.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, createCorpus } from './bulgarian-text.mjs';

const SITE = 'https://stariyat-vestnik.example';
const AUTHORS = [
  ['redakciya', 'Редакция', '', ''],
  ['ivanova', 'Мария Иванова', 'Мария', 'Иванова'],
  ['petrov', 'Георги Петров', 'Георги', 'Петров'],
];
const APPROVED = ['1', '1', '1', '1', '0', 'spam', 'trash'];

const cdata = (s) => `<![CDATA[${String(s).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const utc = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const sofia = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Sofia',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const local = (ms) => sofia.format(new Date(ms));

function head(corpus) {
  const out = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
    '  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
    '<channel>',
    '<title>Старият вестник</title>',
    `<link>${SITE}</link>`,
    '<description>Новини от България и света</description>',
    '<language>bg-BG</language>',
    '<wp:wxr_version>1.2</wp:wxr_version>',
    `<wp:base_site_url>${SITE}</wp:base_site_url>`,
    `<wp:base_blog_url>${SITE}</wp:base_blog_url>`,
  ];
  for (const [login, display, first, last] of AUTHORS)
    out.push(
      `<wp:author><wp:author_login>${cdata(login)}</wp:author_login><wp:author_email>${login}@stariyat-vestnik.example</wp:author_email>` +
        `<wp:author_display_name>${cdata(display)}</wp:author_display_name><wp:author_first_name>${cdata(first)}</wp:author_first_name>` +
        `<wp:author_last_name>${cdata(last)}</wp:author_last_name></wp:author>`,
    );
  // Each category gets a sub-category „… в региона“, so the tree has two levels.
  CATEGORIES.forEach(([slug, name], i) => {
    out.push(
      `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${slug}</wp:category_nicename>` +
        `<wp:category_parent></wp:category_parent><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>`,
      `<wp:category><wp:term_id>${i + 101}</wp:term_id><wp:category_nicename>${slug}-region</wp:category_nicename>` +
        `<wp:category_parent>${slug}</wp:category_parent><wp:cat_name>${cdata(`${name} в региона`)}</wp:cat_name></wp:category>`,
    );
  });
  corpus.tags.forEach((t, i) => {
    out.push(
      `<wp:tag><wp:term_id>${i + 1001}</wp:term_id><wp:tag_slug>${t.slug}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name></wp:tag>`,
    );
  });
  return `${out.join('\n')}\n`;
}

function comments(a, i) {
  const n = i % 4;
  const out = [];
  for (let k = 1; k <= n; k++) {
    const id = i * 10 + k;
    const parent = k > 1 && k % 2 === 0 ? id - 1 : 0;
    const at = a.publishedAt + k * 3_600_000;
    out.push(
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(`Читател ${k}`)}</wp:comment_author>` +
        `<wp:comment_author_email>chitatel${k}@example.org</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url>` +
        `<wp:comment_author_IP>192.0.2.${k}</wp:comment_author_IP><wp:comment_date>${local(at)}</wp:comment_date>` +
        `<wp:comment_date_gmt>${utc(at)}</wp:comment_date_gmt><wp:comment_content>${cdata(a.lead)}</wp:comment_content>` +
        `<wp:comment_approved>${APPROVED[(i + k) % APPROVED.length]}</wp:comment_approved><wp:comment_type>comment</wp:comment_type>` +
        `<wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`,
    );
  }
  return out.join('\n');
}

/** Post i has id 2i+1; its featured image (every tenth post) has id 2i+2. */
function item(corpus, i) {
  const a = corpus.article(i);
  const id = 2 * i + 1;
  // A post in a hundred is a draft (no GMT date, as WordPress writes drafts), one in 250 scheduled.
  const status = !a.published ? 'draft' : i % 250 === 7 ? 'future' : 'publish';
  const [slug, name] = CATEGORIES[a.category];
  const sub = i % 3 === 0;
  const terms = [
    `<category domain="category" nicename="${sub ? `${slug}-region` : slug}">${cdata(sub ? `${name} в региона` : name)}</category>`,
    ...a.tagIds.map((t) => {
      const tag = corpus.tags[t];
      return `<category domain="post_tag" nicename="${tag.slug}">${cdata(tag.name)}</category>`;
    }),
  ];
  const photo = i % 10 === 0;
  const meta = photo
    ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${cdata(id + 1)}</wp:meta_value></wp:postmeta>`
    : '';
  const post = [
    '<item>',
    `<title>${cdata(a.title)}</title>`,
    `<link>${SITE}/?p=${id}</link>`,
    `<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>`,
    `<dc:creator>${cdata(AUTHORS[i % AUTHORS.length][0])}</dc:creator>`,
    `<guid isPermaLink="false">${SITE}/?p=${id}</guid>`,
    '<description></description>',
    `<content:encoded>${cdata(a.bodyHtml)}</content:encoded>`,
    `<excerpt:encoded>${cdata(a.lead)}</excerpt:encoded>`,
    `<wp:post_id>${id}</wp:post_id>`,
    `<wp:post_date>${cdata(local(a.publishedAt))}</wp:post_date>`,
    `<wp:post_date_gmt>${cdata(status === 'draft' ? '0000-00-00 00:00:00' : utc(a.publishedAt))}</wp:post_date_gmt>`,
    '<wp:comment_status>open</wp:comment_status><wp:ping_status>closed</wp:ping_status>',
    `<wp:post_name>${cdata(`statiya-${i + 1}`)}</wp:post_name>`,
    `<wp:status>${status}</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>`,
    '<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>',
    ...terms,
    meta,
    comments(a, i),
    '</item>',
  ];
  if (photo)
    post.push(
      `<item><title>${cdata(`Снимка към статия ${i + 1}`)}</title><link>${SITE}/?attachment_id=${id + 1}</link>` +
        `<dc:creator>redakciya</dc:creator><guid isPermaLink="false">${SITE}/wp-content/uploads/snimka-${id + 1}.jpg</guid>` +
        `<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id + 1}</wp:post_id>` +
        `<wp:post_date>${local(a.publishedAt)}</wp:post_date><wp:post_date_gmt>${utc(a.publishedAt)}</wp:post_date_gmt>` +
        `<wp:post_name>snimka-${id + 1}</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>${id}</wp:post_parent>` +
        `<wp:post_type>attachment</wp:post_type><wp:attachment_url>${SITE}/wp-content/uploads/snimka-${id + 1}.jpg</wp:attachment_url></item>`,
    );
  return `${post.filter(Boolean).join('\n')}\n`;
}

/** Writes the export and resolves when it is on disk. */
export async function generateWxr(file, posts, seed = 2026) {
  const end = Date.UTC(2025, 0, 1);
  const corpus = createCorpus({ seed, count: posts, start: end - 5 * 365 * 86_400_000, end });
  const out = createWriteStream(file);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(head(corpus));
  for (let i = 0; i < posts; i++) await write(item(corpus, i));
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, count = '20000'] = process.argv.slice(2);
  if (!file || !/^\d+$/.test(count)) {
    console.error('usage: node bench/wxr-generate.mjs FILE [POSTS]');
    process.exit(2);
  }
  await generateWxr(file, Number(count));
  console.log(`wrote ${count} posts to ${file}`);
}
