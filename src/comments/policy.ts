// Who may comment on an article, whether comments wait for a moderator, and until when the
// thread is open: the article's own rules, else its category's (and the category's parents'),
// else the site's.

import type { Category, CommentRules } from '../content/types.js';
import type { CommentsModeration, CommentsWho } from '../db/schema.js';
import type { CommentSettings } from './settings.js';

export interface CommentPolicy {
  who: CommentsWho;
  moderation: CommentsModeration;
  /** When the thread closes (epoch ms); null: never. */
  closesAt: number | null;
  /** Whether a comment may be posted now: who is not 'closed' and the thread has not closed. */
  open: boolean;
}

const DAY_MS = 86_400_000;

/** The category and its ancestors, nearest first. */
function lineage(categories: readonly Category[], categoryId: number): Category[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const chain: Category[] = [];
  let current = byId.get(categoryId);
  while (current && chain.length < 32) {
    chain.push(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

export function resolvePolicy(input: {
  site: Pick<CommentSettings, 'who' | 'moderation' | 'closeAfterDays'>;
  categories: readonly Category[];
  categoryId: number;
  article: CommentRules;
  publishedAt: number;
  now: number;
}): CommentPolicy {
  const layers: CommentRules[] = [
    input.article,
    ...lineage(input.categories, input.categoryId).map((c) => c.commentRules),
  ];
  const pick = <K extends keyof CommentRules>(key: K): CommentRules[K] | null => {
    for (const layer of layers) if (layer[key] !== null) return layer[key];
    return null;
  };
  const who = pick('who') ?? input.site.who;
  const moderation = pick('moderation') ?? input.site.moderation;
  const closeDays = pick('closeDays') ?? input.site.closeAfterDays;
  const closesAt = closeDays === null ? null : input.publishedAt + closeDays * DAY_MS;
  const open = who !== 'closed' && (closesAt === null || input.now < closesAt);
  return { who, moderation, closesAt, open };
}

/** The policy of an article read straight from its row (the posting and editing paths). */
export function policyOfArticle(
  row: {
    category_id: number;
    published_at: number | null;
    comments_who: CommentsWho | null;
    comments_moderation: CommentsModeration | null;
    comments_close_days: number | null;
  },
  site: Pick<CommentSettings, 'who' | 'moderation' | 'closeAfterDays'>,
  categories: readonly Category[],
  now: number,
): CommentPolicy {
  return resolvePolicy({
    site,
    categories,
    categoryId: row.category_id,
    article: {
      who: row.comments_who,
      moderation: row.comments_moderation,
      closeDays: row.comments_close_days,
    },
    publishedAt: row.published_at ?? now,
    now,
  });
}
