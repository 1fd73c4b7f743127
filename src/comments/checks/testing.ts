// Builders for the tests of the checks and of the chain: a submission and a context with the
// default settings and a first-time author, changed only where a test says.
import { type CommentSettings, DEFAULT_COMMENT_SETTINGS } from '../settings.js';
import { type AuthorHistory, type CommentSubmission, emptyHistory, type ModerationContext } from './check.js';

export const NOW = Date.UTC(2026, 10, 25, 10, 0);

export function submission(body: string, overrides: Partial<CommentSubmission> = {}): CommentSubmission {
  return {
    body,
    name: 'Читател',
    userId: null,
    email: 'chitatel@example.bg',
    visitorHash: 'v1',
    ...overrides,
  };
}

export interface ContextOverrides {
  now?: number;
  moderation?: ModerationContext['moderation'];
  settings?: Partial<CommentSettings>;
  history?: Partial<AuthorHistory>;
}

export function context(overrides: ContextOverrides = {}): ModerationContext {
  const { history, settings, ...rest } = overrides;
  return {
    now: NOW,
    moderation: 'post',
    ...rest,
    settings: { ...DEFAULT_COMMENT_SETTINGS, ...settings },
    history: { ...emptyHistory(), ...history },
  };
}

/** `count` earlier comments by the author, `everyMs` apart, the newest `agoMs` before NOW. */
export function recentComments(count: number, everyMs: number, agoMs = everyMs, body = 'Коментар') {
  return Array.from({ length: count }, (_, i) => ({
    body: `${body} ${i}`,
    createdAt: NOW - agoMs - i * everyMs,
  }));
}
