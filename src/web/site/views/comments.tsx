// The comments section: count, sorting, featured comments, the threads page by page, the form.
import type { SessionUser } from '../../../accounts/sessions.js';
import type { CommentSort, ThreadPage } from '../../../comments/listing.js';
import type { CommentPolicy } from '../../../comments/policy.js';
import type { Article } from '../../../content/types.js';
import { urls } from '../urls.js';
import { CommentForm, type CommentFormState } from './comment-form.js';
import { type CommentActions, CommentItem, ThumbSymbol } from './comment-item.js';
import { commentCount } from './format.js';
import type { Frame } from './frame.js';

export { type CommentFormState, emptyForm } from './comment-form.js';

const SORTS: CommentSort[] = ['newest', 'oldest', 'top'];

/** The link to a page of comments in a given order; the default order keeps the plain URL. */
export function commentsUrl(articleUrl: string, sort: CommentSort, page = 1): string {
  const q = new URLSearchParams();
  if (sort !== 'newest') q.set('sort', sort);
  if (page > 1) q.set('cpage', String(page));
  const query = q.toString();
  return `${articleUrl}${query ? `?${query}` : ''}#comments`;
}

export function CommentList({ f, page, a }: { f: Frame; page: ThreadPage; a: CommentActions }) {
  return (
    <>
      {page.threads.map((c) => (
        <CommentItem key={c.id} f={f} c={c} a={a} />
      ))}
    </>
  );
}

export function CommentsSection(props: {
  f: Frame;
  article: Article;
  page: ThreadPage;
  form: CommentFormState;
  policy: CommentPolicy;
  formToken: string;
  viewer: SessionUser | null;
  actions: CommentActions;
  replyToName: string | null;
}) {
  const { f, article, page, actions } = props;
  const here = urls.article(article);
  return (
    <section class="comments" id="comments" aria-labelledby="comments-h">
      <ThumbSymbol />
      <h2 id="comments-h" class="section-title">
        {f.t.comments}{' '}
        <span class="count" data-comment-count>
          {commentCount(f, article.commentCount)}
        </span>
      </h2>
      {page.totalThreads > 1 ? (
        <nav class="comment-sort" aria-label={f.t.cm.sortLabel}>
          {SORTS.map((s) => (
            <a key={s} href={commentsUrl(here, s)} aria-current={s === page.sort ? 'true' : undefined}>
              {f.t.cm.sort[s]}
            </a>
          ))}
        </nav>
      ) : null}
      {page.featured.length > 0 && page.page === 1 ? (
        <section class="featured-comments" aria-labelledby="featured-h">
          <h3 id="featured-h">{f.t.cm.featured}</h3>
          <ol class="comment-list">
            {page.featured.map((c) => (
              <CommentItem key={c.id} f={f} c={{ ...c, replies: [], moreReplies: 0 }} a={actions} />
            ))}
          </ol>
        </section>
      ) : null}
      {page.threads.length > 0 ? (
        <ol class="comment-list" data-comment-list data-sort={page.sort}>
          <CommentList f={f} page={page} a={actions} />
        </ol>
      ) : (
        <p class="empty" data-comment-empty>
          {f.t.noComments}
        </p>
      )}
      {page.page < page.pages ? (
        <p class="more-comments">
          <a
            class="button button-secondary"
            href={commentsUrl(here, page.sort, page.page + 1)}
            data-more-comments={urls.commentFragment(article.id, page.page + 1, page.sort)}
          >
            {f.t.cm.moreComments}
          </a>
        </p>
      ) : null}
      <CommentForm
        f={f}
        article={article}
        form={props.form}
        policy={props.policy}
        formToken={props.formToken}
        viewer={props.viewer}
        replyToName={props.replyToName}
      />
    </section>
  );
}
