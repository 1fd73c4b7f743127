// The same text again from the same author within the duplicate window: a repost, usually spam
// pasted under several articles, or a second try after a comment went to the queue.
import type { Check } from './check.js';
import { normalizeForMatching } from './normalize.js';

const MINUTE_MS = 60_000;

// Short replies ("Браво!", "Съгласен.", "+1") are said again and again by honest readers under
// different articles; rejecting them would punish ordinary use, and the flood check and the rate
// limits already stop anyone who repeats them in bulk.
const MIN_LETTERS = 10;

/** The form two bodies are compared in: folded like the word lists, spaces collapsed. */
export function duplicateKey(body: string): string {
  return normalizeForMatching(body).replace(/\s+/gu, ' ').trim();
}

function letterCount(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

export const duplicateCheck: Check = (s, ctx) => {
  const key = duplicateKey(s.body);
  if (letterCount(key) < MIN_LETTERS) return null;
  const since = ctx.now - ctx.settings.duplicateWindowMinutes * MINUTE_MS;
  const earlier = ctx.history.recent.some((c) => c.createdAt > since && duplicateKey(c.body) === key);
  return earlier ? { status: 'rejected', reason: 'duplicate', detail: null } : null;
};
