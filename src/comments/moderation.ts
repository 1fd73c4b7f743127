// Decides where a new comment goes: an ordered chain of checks, the first decision wins.
//
//  1. shadow-ban      rejected  The author is shadow-banned. First, so that nothing about the text
//                               can give such an author a different outcome than everybody else's.
//  2. duplicate       rejected  The same text again within the duplicate window: the first copy
//                               already carries its own decision, a second adds nothing.
//  3. banned word     rejected  Abuse is rejected before anything else: on a pre-moderated article
//                               it lands among the rejected, not in the queue, and a trusted
//                               author gets no pass for a slur.
//  4. flood           pending   A burst of comments is a script or a hijacked account as often as
//                               a heated reader; a moderator looks, even at a trusted author.
//  5. trusted         approved  An author the desk has approved many times, with no rejection in
//                               30 days, skips the queue: holding them only costs moderators time
//                               and them the conversation. Suspect words still apply, because a
//                               good account that was taken over is used for exactly such ads.
//  6. premoderation   pending   The article's policy holds everything else for a moderator.
//  7. suspect word    pending   Steps 7–10 all only ask a moderator to look; they are ordered from
//  8. links           pending   the most specific to the vaguest, so that the reason shown names
//  9. first comments  pending   the strongest thing seen (a listed word before a link count, a
// 10. spam score      pending   newcomer before a weighted guess).
//  otherwise          approved  'post-moderation'
//
// The spam score is computed once and returned with every decision, so it is stored whichever
// check decided and moderators can sort any queue by it.
import { bannedCheck } from './checks/banned.js';
import type {
  Check,
  CheckDecision,
  CommentSubmission,
  ModerationContext,
  ModerationDecision,
  ModerationReason,
} from './checks/check.js';
import { duplicateCheck } from './checks/duplicate.js';
import { firstCommentsCheck } from './checks/first-comments.js';
import { floodCheck } from './checks/flood.js';
import { linksCheck } from './checks/links.js';
import { premoderationCheck } from './checks/premoderation.js';
import { shadowBanCheck } from './checks/shadow-ban.js';
import { judgeSpam, type SpamSignals, spamSignals, sumSignals } from './checks/spam-score.js';
import { suspectCheck } from './checks/suspect.js';
import { isTrusted } from './checks/trusted.js';

export type {
  AuthorHistory,
  Check,
  CommentSubmission,
  ModerationContext,
  ModerationDecision,
  ModerationReason,
} from './checks/check.js';
export { emptyHistory } from './checks/check.js';

export const MODERATION_REASONS: readonly ModerationReason[] = Object.freeze([
  'shadow-banned',
  'duplicate',
  'flood',
  'banned-word',
  'premoderated',
  'suspect-word',
  'too-many-links',
  'first-comments',
  'spam-score',
  'trusted',
  'post-moderation',
] as const);

/** Steps 1–4: they apply to everybody, trusted or not. */
const BEFORE_TRUST: readonly Check[] = [shadowBanCheck, duplicateCheck, bannedCheck, floodCheck];

/** Steps 6–10; the spam step is built per comment from the signals already computed. */
function reviewChecks(signals: SpamSignals): Check[] {
  const spam: Check = (_s, ctx) => judgeSpam(signals, ctx.settings.spamThreshold);
  return [premoderationCheck, suspectCheck, linksCheck, firstCommentsCheck, spam];
}

function firstDecision(checks: readonly Check[], s: CommentSubmission, ctx: ModerationContext) {
  for (const check of checks) {
    const decision = check(s, ctx);
    if (decision) return decision;
  }
  return null;
}

function decide(s: CommentSubmission, ctx: ModerationContext, signals: SpamSignals): CheckDecision {
  const early = firstDecision(BEFORE_TRUST, s, ctx);
  if (early) return early;
  if (isTrusted(s, ctx.history, ctx.settings)) {
    return suspectCheck(s, ctx) ?? { status: 'approved', reason: 'trusted', detail: null };
  }
  return (
    firstDecision(reviewChecks(signals), s, ctx) ?? {
      status: 'approved',
      reason: 'post-moderation',
      detail: null,
    }
  );
}

export function moderate(submission: CommentSubmission, ctx: ModerationContext): ModerationDecision {
  const signals = spamSignals(submission.body);
  return { ...decide(submission, ctx, signals), spamScore: sumSignals(signals) };
}
