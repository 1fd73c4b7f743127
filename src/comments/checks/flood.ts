// Many comments from one author in a short time: a script, or someone arguing in bursts. Either
// way a moderator should look before more of it goes up, so it waits rather than being rejected.
import type { Check, ModerationContext } from './check.js';

/** The author's comments within the flood window, before this one. */
export function floodCount(ctx: ModerationContext): number {
  const since = ctx.now - ctx.settings.floodWindowSeconds * 1000;
  return ctx.history.recent.filter((c) => c.createdAt > since).length;
}

export const floodCheck: Check = (_s, ctx) => {
  const count = floodCount(ctx);
  return count >= ctx.settings.floodMax
    ? { status: 'pending', reason: 'flood', detail: String(count) }
    : null;
};
