// What search engines and social sites read in the head of every page: the canonical address,
// Open Graph and Twitter tags (syndication/social-meta.ts) and one JSON-LD document
// (syndication/json-ld.ts). Pages pass what they know in PageMeta; the rest comes from the frame.
import { type JsonLdNode, jsonLdDocument } from '../../../syndication/json-ld.js';
import { type SocialArticle, type SocialImage, socialMeta } from '../../../syndication/social-meta.js';
import { jsonForScript } from '../../../text/escape.js';
import type { Frame } from './frame.js';

export interface PageMeta {
  /** The page's own address when it is not frame.path: page 2 of a list is its own canonical. */
  canonicalPath?: string;
  /** A large JPEG for shares (og:image, twitter:image). */
  image?: SocialImage | null;
  /** Article pages: og:type "article" with its times, section, tags and authors. */
  article?: SocialArticle | null;
  /** schema.org nodes, written as one <script type="application/ld+json">. */
  jsonLd?: JsonLdNode[];
}

export function HeadMeta({
  f,
  title,
  description,
  meta = {},
}: {
  f: Frame;
  title: string;
  description?: string;
  meta?: PageMeta;
}) {
  const canonical = f.siteUrl + (meta.canonicalPath ?? f.path);
  const tags = socialMeta({
    siteName: f.siteName,
    language: f.locale,
    title,
    description: description ?? '',
    url: canonical,
    image: meta.image ?? null,
    article: meta.article ?? null,
    twitterSite: f.twitterSite,
  });
  const jsonLd = meta.jsonLd ?? [];
  return (
    <>
      <link rel="canonical" href={canonical} />
      {tags.map((t) =>
        'property' in t ? (
          <meta key={`${t.property}${t.content}`} property={t.property} content={t.content} />
        ) : (
          <meta key={`${t.name}${t.content}`} name={t.name} content={t.content} />
        ),
      )}
      {jsonLd.length > 0 ? (
        // The one script the page writes unescaped: JSON with every "<" escaped (src/text/escape.ts).
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLdDocument(jsonLd)) }}
        />
      ) : null}
    </>
  );
}
