// Under pre-moderation every comment waits for a moderator.
import type { Check } from './check.js';

export const premoderationCheck: Check = (_s, ctx) =>
  ctx.moderation === 'pre' ? { status: 'pending', reason: 'premoderated', detail: null } : null;
