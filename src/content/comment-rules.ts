// A section's or an article's own comment rules as typed in a form: each part either a value or
// "inherit" ('' or 'inherit'), checked the same way wherever the rules are edited.
import type { CommentsModeration, CommentsWho } from '../db/schema.js';
import type { CommentRules } from './types.js';

export const COMMENTS_WHO: readonly CommentsWho[] = ['guests', 'registered', 'closed'];
export const COMMENTS_MODERATION: readonly CommentsModeration[] = ['pre', 'post'];
/** Closing after more than ten years is the same as never; 0 would close at publication. */
export const CLOSE_DAYS = { min: 1, max: 3650 } as const;

export type CommentRulesErrors = Partial<Record<keyof CommentRules, 'bad-value'>>;

const inherit = (s: string) => s === '' || s === 'inherit';

export function parseCommentRules(raw: { who: string; moderation: string; closeDays: string }): {
  rules: CommentRules;
  errors: CommentRulesErrors;
} {
  const errors: CommentRulesErrors = {};
  const who = inherit(raw.who) ? null : (COMMENTS_WHO.find((w) => w === raw.who) ?? null);
  if (!inherit(raw.who) && who === null) errors.who = 'bad-value';
  const moderation = inherit(raw.moderation)
    ? null
    : (COMMENTS_MODERATION.find((m) => m === raw.moderation) ?? null);
  if (!inherit(raw.moderation) && moderation === null) errors.moderation = 'bad-value';
  let closeDays: number | null = null;
  const days = raw.closeDays.trim();
  if (days !== '') {
    const n = /^[0-9]{1,6}$/.test(days) ? Number(days) : Number.NaN;
    if (n >= CLOSE_DAYS.min && n <= CLOSE_DAYS.max) closeDays = n;
    else errors.closeDays = 'bad-value';
  }
  return { rules: { who, moderation, closeDays }, errors };
}
