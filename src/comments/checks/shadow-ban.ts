// A shadow-banned author's comments are stored as rejected; the site shows them to their author
// alone, so nothing tells them that nobody else sees them.
import type { Check } from './check.js';

export const shadowBanCheck: Check = (_s, ctx) =>
  ctx.history.shadowBanned ? { status: 'rejected', reason: 'shadow-banned', detail: null } : null;
