// Decides where a new comment goes: an ordered chain of checks, the first decision wins. Abuse is
// rejected before anything else, so on a pre-moderated article too it lands among the rejected and
// not in the queue of comments waiting for approval; then the article's policy, then the spam
// signals, which only ask a moderator to look.
import type { CommentStatus, CommentsModeration } from '../db/schema.js';
import { countLinks } from './checks/links.js';
import {
  DEFAULT_BANNED_BG,
  DEFAULT_BANNED_EN,
  DEFAULT_SUSPECT_BG,
  DEFAULT_SUSPECT_EN,
  findListedWord,
} from './checks/words.js';

export interface ModerationInput {
  policy: CommentsModeration;
  body: string;
  /** Defaults to the Bulgarian and English default lists together. */
  bannedWords?: readonly string[];
  suspectWords?: readonly string[];
  /** More links than this send the comment to the queue. */
  maxLinks?: number;
}

/** Machine-readable: a moderation desk can filter on it and translate it. */
export type ModerationReason =
  | 'banned-word'
  | 'premoderated'
  | 'suspect-word'
  | 'too-many-links'
  | 'post-moderation';

export interface ModerationDecision {
  status: Extract<CommentStatus, 'approved' | 'pending' | 'rejected'>;
  reason: ModerationReason;
  /** What the check saw (the listed word, the link count), for moderators only: never shown to the poster. */
  detail: string | null;
}

export const DEFAULT_BANNED_WORDS: readonly string[] = [...DEFAULT_BANNED_BG, ...DEFAULT_BANNED_EN];
export const DEFAULT_SUSPECT_WORDS: readonly string[] = [...DEFAULT_SUSPECT_BG, ...DEFAULT_SUSPECT_EN];
export const DEFAULT_MAX_LINKS = 2;

type Check = (input: ModerationInput) => ModerationDecision | null;

const bannedCheck: Check = (input) => {
  const word = findListedWord(input.body, input.bannedWords ?? DEFAULT_BANNED_WORDS);
  return word === null ? null : { status: 'rejected', reason: 'banned-word', detail: word };
};

const policyCheck: Check = (input) =>
  input.policy === 'pre' ? { status: 'pending', reason: 'premoderated', detail: null } : null;

const suspectCheck: Check = (input) => {
  const word = findListedWord(input.body, input.suspectWords ?? DEFAULT_SUSPECT_WORDS);
  return word === null ? null : { status: 'pending', reason: 'suspect-word', detail: word };
};

const linksCheck: Check = (input) => {
  const links = countLinks(input.body);
  const max = input.maxLinks ?? DEFAULT_MAX_LINKS;
  return links > max ? { status: 'pending', reason: 'too-many-links', detail: String(links) } : null;
};

const chain: Check[] = [bannedCheck, policyCheck, suspectCheck, linksCheck];

export function moderate(input: ModerationInput): ModerationDecision {
  for (const check of chain) {
    const decision = check(input);
    if (decision) return decision;
  }
  return { status: 'approved', reason: 'post-moderation', detail: null };
}
