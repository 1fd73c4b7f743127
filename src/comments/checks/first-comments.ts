// A newcomer's first few comments wait until a moderator has approved enough of them: most
// drive-by spam and trolling comes from authors with no approved comment yet.
import type { Check } from './check.js';

export const firstCommentsCheck: Check = (_s, ctx) => {
  const { approved } = ctx.history;
  return approved < ctx.settings.holdFirstComments
    ? { status: 'pending', reason: 'first-comments', detail: String(approved) }
    : null;
};
