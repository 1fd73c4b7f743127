// The chain's verdict on an edited comment: an edit passes the same checks as a new comment by
// the same reader on the same article, so an edit cannot smuggle in what a post could not.
import { loadAuthorHistory } from './history.js';
import { type ModerationDecision, moderate } from './moderation.js';
import { policyOfArticle } from './policy.js';
import type { CommentPosterDeps } from './posting.js';

/**
 * The chain's verdict on an edited text, for editComment's recheck: the same checks as a new
 * comment by this reader on this article, decided before the edit's transaction starts.
 */
export async function prepareEditCheck(
  deps: Pick<CommentPosterDeps, 'db' | 'settings' | 'categories'>,
  input: { articleId: number; userId: number; name: string },
  now: number,
): Promise<((body: string) => ModerationDecision) | null> {
  const article = await deps.db
    .selectFrom('articles')
    .select([
      'id',
      'category_id',
      'published_at',
      'comments_who',
      'comments_moderation',
      'comments_close_days',
    ])
    .where('id', '=', input.articleId)
    .executeTakeFirst();
  if (!article) return null;
  const settings = deps.settings();
  const policy = policyOfArticle(article, settings, deps.categories(), now);
  const history = await loadAuthorHistory(
    deps.db,
    { userId: input.userId, email: null, visitorHash: '' },
    settings,
    now,
  );
  // The comment being edited is in the recent history; it must not count as its own duplicate.
  const others = { ...history, recent: history.recent.slice(1) };
  return (body) =>
    moderate(
      { body, name: input.name, userId: input.userId, email: null, visitorHash: '' },
      { now, moderation: policy.moderation, settings, history: others },
    );
}
