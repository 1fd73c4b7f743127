// Decides where a new comment goes. The article's policy is the first check of the chain;
// the spam and abuse checks join this list as modules of their own.
import type { CommentStatus, CommentsPolicy } from '../db/schema.js';

export interface ModerationInput {
  policy: CommentsPolicy;
  body: string;
}

export interface ModerationDecision {
  status: Extract<CommentStatus, 'approved' | 'pending'>;
  reason: string;
}

type Check = (input: ModerationInput) => ModerationDecision | null;

const policyCheck: Check = (input) =>
  input.policy === 'premoderated' ? { status: 'pending', reason: 'article is pre-moderated' } : null;

const chain: Check[] = [policyCheck];

export function moderate(input: ModerationInput): ModerationDecision {
  for (const check of chain) {
    const decision = check(input);
    if (decision) return decision;
  }
  return { status: 'approved', reason: 'post-moderation' };
}
