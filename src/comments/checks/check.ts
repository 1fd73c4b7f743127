// The vocabulary of the moderation chain, apart from the chain itself (src/comments/moderation.ts
// re-exports it) so that each check module can name these types without importing the chain that
// imports it.
import type { CommentSettings } from '../settings.js';

export interface CommentSubmission {
  body: string;
  name: string;
  userId: number | null;
  email: string | null;
  /** Salted hash of the poster's network identity (never the raw address). */
  visitorHash: string;
}

/** What the site already knows about the author: see src/comments/history.ts. */
export interface AuthorHistory {
  approved: number;
  rejected: number;
  pending: number;
  /** rejected in the last 30 days */
  recentRejected: number;
  /** this author's comments within max(duplicateWindow, floodWindow), newest first: body + createdAt */
  recent: { body: string; createdAt: number }[];
  shadowBanned: boolean;
}

export interface ModerationContext {
  now: number;
  /** The article's resolved policy (src/comments/policy.ts). */
  moderation: 'pre' | 'post';
  settings: CommentSettings;
  history: AuthorHistory;
}

/** Machine-readable: a moderation desk can filter on it and translate it. */
export type ModerationReason =
  | 'shadow-banned'
  | 'duplicate'
  | 'flood'
  | 'banned-word'
  | 'premoderated'
  | 'suspect-word'
  | 'too-many-links'
  | 'first-comments'
  | 'spam-score'
  | 'trusted'
  | 'post-moderation';

export interface ModerationDecision {
  status: 'approved' | 'pending' | 'rejected';
  reason: ModerationReason;
  /** What the check saw (the listed word, a count, the spam signals), for moderators only. */
  detail: string | null;
  /** Computed for every comment, whichever check decided, so moderators can sort by it. */
  spamScore: number;
}

export type CheckDecision = Omit<ModerationDecision, 'spamScore'>;

/** One link of the chain: a decision, or null to let the next check decide. Pure. */
export type Check = (submission: CommentSubmission, ctx: ModerationContext) => CheckDecision | null;

/** A history with nothing in it: a first-time author. */
export function emptyHistory(): AuthorHistory {
  return { approved: 0, rejected: 0, pending: 0, recentRejected: 0, recent: [], shadowBanned: false };
}
