// The site-wide comment settings a newsroom edits in the back office: the default policy, the
// word lists and the thresholds of the moderation chain. Stored as one JSON value in `settings`,
// validated on the way in and on the way out, so a hand-edited row cannot break posting.
import type { Db } from '../db/index.js';
import type { CommentsModeration, CommentsWho } from '../db/schema.js';
import {
  DEFAULT_BANNED_BG,
  DEFAULT_BANNED_EN,
  DEFAULT_SUSPECT_BG,
  DEFAULT_SUSPECT_EN,
} from './checks/words.js';

export interface CommentSettings {
  /** The site's default comment policy; categories and articles may override it. */
  who: CommentsWho;
  moderation: CommentsModeration;
  /** Threads close this many days after publication; null keeps them open. */
  closeAfterDays: number | null;
  bannedWords: string[];
  suspectWords: string[];
  /** More links than this send a comment to the queue. */
  maxLinks: number;
  /** A commenter's first N comments wait for a moderator (0 turns the check off). */
  holdFirstComments: number;
  /** Approved comments, with none rejected in the last 30 days, that make a commenter trusted. */
  trustAfterApproved: number;
  /** The same text from the same author within this many minutes is a duplicate. */
  duplicateWindowMinutes: number;
  /** More than floodMax comments by one author within floodWindowSeconds go to the queue. */
  floodMax: number;
  floodWindowSeconds: number;
  /** A spam score at or above this sends the comment to the queue. */
  spamThreshold: number;
}

export const DEFAULT_COMMENT_SETTINGS: Readonly<CommentSettings> = Object.freeze({
  who: 'guests',
  moderation: 'post',
  closeAfterDays: null,
  bannedWords: [...DEFAULT_BANNED_BG, ...DEFAULT_BANNED_EN],
  suspectWords: [...DEFAULT_SUSPECT_BG, ...DEFAULT_SUSPECT_EN],
  maxLinks: 2,
  holdFirstComments: 0,
  trustAfterApproved: 5,
  duplicateWindowMinutes: 24 * 60,
  floodMax: 5,
  floodWindowSeconds: 60,
  spamThreshold: 5,
});

const KEY = 'comments.settings';

export type SettingsError = { field: keyof CommentSettings; problem: string };

const WORD_MAX = 80;
const LIST_MAX = 2000;

function wordList(value: unknown, field: keyof CommentSettings, errors: SettingsError[]): string[] {
  if (!Array.isArray(value)) {
    errors.push({ field, problem: 'not-a-list' });
    return [];
  }
  const words = [
    ...new Set(value.map((w) => (typeof w === 'string' ? w.trim() : '')).filter((w) => w !== '')),
  ];
  if (words.length > LIST_MAX) errors.push({ field, problem: 'too-many' });
  if (words.some((w) => [...w].length > WORD_MAX)) errors.push({ field, problem: 'too-long' });
  return words;
}

function whole(
  value: unknown,
  field: keyof CommentSettings,
  min: number,
  max: number,
  errors: SettingsError[],
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    errors.push({ field, problem: `range:${min}-${max}` });
    return min;
  }
  return value;
}

/** Checks a whole settings object; every problem is reported with the field it concerns. */
export function validateSettings(
  input: Record<string, unknown>,
): { ok: true; value: CommentSettings } | { ok: false; errors: SettingsError[] } {
  const errors: SettingsError[] = [];
  const who = input.who;
  if (who !== 'guests' && who !== 'registered' && who !== 'closed')
    errors.push({ field: 'who', problem: 'choice' });
  const moderation = input.moderation;
  if (moderation !== 'pre' && moderation !== 'post') errors.push({ field: 'moderation', problem: 'choice' });
  const close = input.closeAfterDays;
  const closeAfterDays =
    close === null || close === undefined ? null : whole(close, 'closeAfterDays', 1, 3650, errors);
  const value: CommentSettings = {
    who: who as CommentsWho,
    moderation: moderation as CommentsModeration,
    closeAfterDays,
    bannedWords: wordList(input.bannedWords, 'bannedWords', errors),
    suspectWords: wordList(input.suspectWords, 'suspectWords', errors),
    maxLinks: whole(input.maxLinks, 'maxLinks', 0, 100, errors),
    holdFirstComments: whole(input.holdFirstComments, 'holdFirstComments', 0, 100, errors),
    trustAfterApproved: whole(input.trustAfterApproved, 'trustAfterApproved', 1, 10_000, errors),
    duplicateWindowMinutes: whole(
      input.duplicateWindowMinutes,
      'duplicateWindowMinutes',
      1,
      60 * 24 * 30,
      errors,
    ),
    floodMax: whole(input.floodMax, 'floodMax', 1, 1000, errors),
    floodWindowSeconds: whole(input.floodWindowSeconds, 'floodWindowSeconds', 1, 86_400, errors),
    spamThreshold: whole(input.spamThreshold, 'spamThreshold', 1, 100, errors),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * Reads the settings, falling back to the defaults field by field: a value that no longer
 * validates (an old version, a hand edit) is replaced by its default, not allowed to fail posts.
 */
export async function loadCommentSettings(db: Db): Promise<CommentSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return { ...DEFAULT_COMMENT_SETTINGS };
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(row.value) as Record<string, unknown>;
  } catch {
    return { ...DEFAULT_COMMENT_SETTINGS };
  }
  const merged = { ...DEFAULT_COMMENT_SETTINGS, ...stored } as Record<string, unknown>;
  const checked = validateSettings(merged);
  if (checked.ok) return checked.value;
  for (const e of checked.errors) merged[e.field] = DEFAULT_COMMENT_SETTINGS[e.field];
  const again = validateSettings(merged);
  return again.ok ? again.value : { ...DEFAULT_COMMENT_SETTINGS };
}

export async function saveCommentSettings(db: Db, settings: CommentSettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * The settings are read on every comment: kept in memory and reloaded when any process saves
 * (the composition root calls reload() on the cache bus's "settings" invalidation).
 */
export class CommentSettingsStore {
  private current: CommentSettings = { ...DEFAULT_COMMENT_SETTINGS };

  constructor(private readonly db: Db) {}

  async reload(): Promise<void> {
    this.current = await loadCommentSettings(this.db);
  }

  get(): CommentSettings {
    return this.current;
  }

  async save(settings: CommentSettings): Promise<void> {
    await saveCommentSettings(this.db, settings);
    this.current = settings;
  }
}
