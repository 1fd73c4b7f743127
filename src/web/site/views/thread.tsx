// A long thread on a page of its own: the article page shows the first replies of each thread,
// this page all of them.
import type { CommentView } from '../../../comments/listing.js';
import { type CommentActions, CommentItem, ThumbSymbol } from './comment-item.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';

export function ThreadPageView(props: {
  f: Frame;
  articleTitle: string;
  thread: CommentView;
  actions: CommentActions;
}) {
  const { f, thread, actions } = props;
  return (
    <Layout frame={f} title={`${f.t.comments}: ${props.articleTitle}`} noindex sidebar={false}>
      <section class="comments thread-page">
        <ThumbSymbol />
        <p class="crumbs">
          <a href={`${actions.articleUrl}#comments`}>{props.articleTitle}</a>
        </p>
        <h1 class="listing-title">{f.t.comments}</h1>
        <ol class="comment-list">
          <CommentItem f={f} c={thread} a={actions} />
        </ol>
        <p>
          <a class="button button-secondary" href={`${actions.articleUrl}#comments`}>
            {f.t.cm.backToArticle}
          </a>
        </p>
      </section>
    </Layout>
  );
}
