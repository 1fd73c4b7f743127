// An author whose comments moderators have approved many times, with no rejection in the last 30
// days, is trusted: the chain spares them the queue (see src/comments/moderation.ts).

import type { CommentSettings } from '../settings.js';
import type { AuthorHistory, Check, CommentSubmission } from './check.js';

// Only signed-in readers earn trust: a guest is known by the email they type, and anyone can type
// a trusted guest's email to skip the queue.
export function isTrusted(
  submission: Pick<CommentSubmission, 'userId'>,
  history: AuthorHistory,
  settings: CommentSettings,
): boolean {
  return (
    submission.userId !== null &&
    history.approved >= settings.trustAfterApproved &&
    history.recentRejected === 0
  );
}

export const trustedCheck: Check = (s, ctx) =>
  isTrusted(s, ctx.history, ctx.settings) ? { status: 'approved', reason: 'trusted', detail: null } : null;
