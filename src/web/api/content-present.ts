// What the Content API sends for an article, tag or author: snake_case, ISO 8601 times in UTC,
// absolute URLs, and for articles only the fields asked for.
import type { FullArticle } from '../../content/full-articles.js';
import type { Author, TagRef } from '../../content/types.js';
import { urls } from '../site/urls.js';
import type { ArticleField } from './content-schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A site path made absolute; URLs the newsroom gave whole are left as they are. */
export function absolute(siteUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl)
    ? pathOrUrl
    : `${siteUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}

type Out = Record<string, unknown>;

const ARTICLE_VALUES: Record<ArticleField, (a: FullArticle, siteUrl: string) => unknown> = {
  id: (a) => a.id,
  slug: (a) => a.slug,
  url: (a, s) => s + urls.article(a),
  title: (a) => a.title,
  lead: (a) => a.lead,
  body_html: (a) => a.bodyHtml ?? '',
  published_at: (a) => iso(a.publishedAt),
  updated_at: (a) => iso(a.updatedAt),
  category: (a) => ({ id: a.category.id, slug: a.category.slug, name: a.category.name }),
  authors: (a, s) =>
    a.authors.map((au) => ({ id: au.id, slug: au.slug, name: au.name, url: s + urls.author(au) })),
  tags: (a) => a.tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name, kind: t.kind })),
  cover: (a, s) => {
    if (!a.cover) return null;
    const c = a.cover;
    const out: Out = { url: absolute(s, c.url), alt: c.alt, caption: c.caption, credit: c.credit };
    if (c.width !== null && c.height !== null) Object.assign(out, { width: c.width, height: c.height });
    return out;
  },
  breaking: (a) => a.breaking,
  comment_count: (a) => a.commentCount,
};

export function articleOut(a: FullArticle, fields: readonly ArticleField[], siteUrl: string): Out {
  const out: Out = {};
  for (const f of fields) out[f] = ARTICLE_VALUES[f](a, siteUrl);
  return out;
}

export function tagOut(t: TagRef, count: number, siteUrl: string): Out {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    kind: t.kind,
    url: siteUrl + urls.tag(t),
    article_count: count,
  };
}

export function authorOut(a: Author, count: number, siteUrl: string): Out {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    title: a.title,
    bio: a.bio,
    url: siteUrl + urls.author(a),
    article_count: count,
  };
}
