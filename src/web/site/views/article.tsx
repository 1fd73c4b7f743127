// The article page: headline, lead, byline, date, cover, body, tags, related, comments.

import type { SessionUser } from '../../../accounts/sessions.js';
import type { ThreadPage } from '../../../comments/listing.js';
import type { CommentPolicy } from '../../../comments/policy.js';
import type { Article, ArticleSummary } from '../../../content/types.js';
import { urls } from '../urls.js';
import { BreakingLabel } from './cards.js';
import type { CommentActions } from './comment-item.js';
import { type CommentFormState, CommentsSection } from './comments.js';
import { commentCount, isoDate, when } from './format.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';
import { articleMeta } from './page-meta.js';
import { ResponsivePicture } from './picture.js';
import { RawHtml } from './raw-html.js';
import { RelatedArticles } from './related.js';

export interface ArticleData {
  article: Article;
  related: ArticleSummary[];
  /** The related list is the tag-based stand-in (the article was never indexed). */
  relatedByTopic?: boolean;
  page: ThreadPage;
  viewer: SessionUser | null;
  actions: CommentActions;
  form: CommentFormState;
  policy: CommentPolicy;
  formToken: string;
  replyToName: string | null;
  /** The newsroom's preview of an unpublished article: not indexed, not counted, no comments. */
  preview?: boolean;
}

export function ArticlePage({ frame: f, data }: { frame: Frame; data: ArticleData }) {
  const a = data.article;
  const updated = a.updatedAt - a.publishedAt > 5 * 60_000;
  const embeds = a.bodyHtml.includes('data-embed-id=');
  return (
    <Layout
      frame={f}
      title={a.seoTitle || a.title}
      description={a.seoDescription || a.lead}
      articleId={data.preview ? undefined : a.id}
      noindex={data.preview}
      meta={data.preview ? undefined : articleMeta(f, a)}
    >
      {data.preview ? (
        <p class="notice notice-error preview-notice" role="note">
          {f.t.nr.previewBanner}
        </p>
      ) : null}
      {/* The words of the body's click-to-load embeds, read by src/web/assets/site-embeds.ts. */}
      <article
        class="article"
        aria-labelledby="article-title"
        data-embed-load={embeds ? f.t.ed.embedLoad : undefined}
        data-embed-note={embeds ? f.t.ed.embedNote : undefined}
        data-embed-title={embeds ? f.t.ed.embedFrameTitle : undefined}
      >
        <nav class="crumbs" aria-label={f.t.home}>
          <a href="/">{f.t.home}</a> › <a href={urls.category(a.category)}>{a.category.name}</a>
        </nav>
        <h1 id="article-title" class="article-title">
          <BreakingLabel f={f} a={a} />
          {a.title}
        </h1>
        <p class="article-lead">{a.lead}</p>
        <div class="byline">
          {a.authors.length > 0 ? (
            <p class="authors">
              {a.authors.length > 1 ? f.t.authors : f.t.by}:{' '}
              {a.authors.map((au, i) => (
                <span key={au.id}>
                  {i > 0 ? ', ' : ''}
                  <a href={urls.author(au)} rel="author">
                    {au.name}
                  </a>
                </span>
              ))}
            </p>
          ) : null}
          <p class="dates">
            <time dateTime={isoDate(a.publishedAt)}>{when(f, a.publishedAt)}</time>
            {updated ? (
              <span class="updated">
                {' '}
                · {f.t.updated}: <time dateTime={isoDate(a.updatedAt)}>{when(f, a.updatedAt)}</time>
              </span>
            ) : null}
            {' · '}
            <a href="#comments">{commentCount(f, a.commentCount)}</a>
          </p>
        </div>
        {a.cover ? (
          <figure class="cover">
            {a.cover.media ? (
              <ResponsivePicture
                media={a.cover.media}
                alt={a.cover.alt}
                sizes="(max-width: 960px) 100vw, 860px"
                width={960}
                height={540}
                loading="eager"
              />
            ) : (
              <img src={a.cover.url} alt={a.cover.alt} width={960} height={540} />
            )}
            {a.cover.caption || a.cover.credit ? (
              <figcaption>
                {a.cover.caption} {a.cover.credit ? <span class="credit">{a.cover.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <RawHtml class="article-body" html={a.bodyHtml} />
        {a.tags.length > 0 ? (
          <div class="tags">
            <h2 class="visually-hidden">{f.t.tags}</h2>
            <ul>
              {a.tags.map((t) => (
                <li key={t.id}>
                  <a href={urls.tag(t)} rel="tag">
                    {t.name}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </article>
      <RelatedArticles f={f} items={data.related} byTopic={data.relatedByTopic === true} />
      {data.preview ? null : (
        <CommentsSection
          f={f}
          article={a}
          page={data.page}
          viewer={data.viewer}
          actions={data.actions}
          form={data.form}
          policy={data.policy}
          formToken={data.formToken}
          replyToName={data.replyToName}
        />
      )}
    </Layout>
  );
}
