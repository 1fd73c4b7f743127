// How an article appears in lists: a lead card, a card with a picture, a plain headline row.
import type { ArticleSummary } from '../../../content/types.js';
import { urls } from '../urls.js';
import { commentCount, isoDate, when } from './format.js';
import type { Frame } from './frame.js';
import { ResponsivePicture } from './picture.js';

/** „Извънредно“ before the headline of an article flagged as breaking news. */
export function BreakingLabel({ f, a }: { f: Frame; a: { breaking: boolean } }) {
  // The space keeps the word apart from the headline for screen readers and in copied text.
  return a.breaking ? (
    <>
      <span class="breaking-label">{f.t.cur.breaking}</span>{' '}
    </>
  ) : null;
}

export function Meta({ f, a, showCategory = true }: { f: Frame; a: ArticleSummary; showCategory?: boolean }) {
  return (
    <p class="card-meta">
      {showCategory ? (
        <a class="kicker" href={urls.category(a.category)}>
          {a.category.name}
        </a>
      ) : null}
      <time dateTime={isoDate(a.publishedAt)}>{when(f, a.publishedAt)}</time>
      {a.commentCount > 0 ? (
        <a class="comment-count" href={`${urls.article(a)}#comments`}>
          {commentCount(f, a.commentCount)}
        </a>
      ) : null}
    </p>
  );
}

/** How wide each kind of picture shows (site.css): half the page, a grid column, a thumbnail. */
const SIZES = {
  lead: '(max-width: 640px) 100vw, (max-width: 960px) 60vw, 520px',
  card: '(max-width: 640px) 100vw, (max-width: 960px) 50vw, 420px',
  thumb: '160px',
};

export function Picture({ a, size }: { a: ArticleSummary; size: 'lead' | 'card' | 'thumb' }) {
  if (!a.cover) return null;
  const [w, h] = size === 'lead' ? [960, 540] : size === 'card' ? [480, 270] : [160, 90];
  if (a.cover.media) {
    return (
      <ResponsivePicture
        media={a.cover.media}
        class={`pic pic-${size}`}
        alt={a.cover.alt}
        sizes={SIZES[size]}
        width={w}
        height={h}
        loading={size === 'lead' ? 'eager' : 'lazy'}
      />
    );
  }
  return (
    <img
      class={`pic pic-${size}`}
      src={a.cover.url}
      alt={a.cover.alt}
      width={w}
      height={h}
      loading={size === 'lead' ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

export function LeadCard({ f, a }: { f: Frame; a: ArticleSummary }) {
  return (
    <article class="card card-lead">
      <div class="card-pic">
        <Picture a={a} size="lead" />
      </div>
      <div class="card-body">
        <h2 class="card-title">
          <BreakingLabel f={f} a={a} />
          <a href={urls.article(a)}>{a.title}</a>
        </h2>
        <p class="card-lead-text">{a.lead}</p>
        <Meta f={f} a={a} />
      </div>
    </article>
  );
}

export function Card({
  f,
  a,
  lead = false,
  showCategory = true,
}: {
  f: Frame;
  a: ArticleSummary;
  lead?: boolean;
  showCategory?: boolean;
}) {
  return (
    <article class="card">
      <div class="card-pic">
        <Picture a={a} size="card" />
      </div>
      <h3 class="card-title">
        <BreakingLabel f={f} a={a} />
        <a href={urls.article(a)}>{a.title}</a>
      </h3>
      {lead ? <p class="card-lead-text">{a.lead}</p> : null}
      <Meta f={f} a={a} showCategory={showCategory} />
    </article>
  );
}

export function Row({ f, a, showCategory = true }: { f: Frame; a: ArticleSummary; showCategory?: boolean }) {
  return (
    <article class="row">
      <div class="row-pic">
        <Picture a={a} size="card" />
      </div>
      <div class="row-body">
        <h3 class="card-title">
          <BreakingLabel f={f} a={a} />
          <a href={urls.article(a)}>{a.title}</a>
        </h3>
        <p class="card-lead-text">{a.lead}</p>
        <Meta f={f} a={a} showCategory={showCategory} />
      </div>
    </article>
  );
}
