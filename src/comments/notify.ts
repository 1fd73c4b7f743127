// Whom to email when a reply is published, and what to tell them. Only readers who asked for it
// on that comment, whose address is verified and who are not banned; never about one's own reply.
// Sending is the caller's: this only decides and gathers the facts for the message.
import type { Db } from '../db/index.js';

export interface ReplyNotification {
  to: string;
  readerName: string;
  replierName: string;
  articleId: number;
  articleTitle: string;
  categorySlug: string;
  articleSlug: string;
  /** At most 200 characters of the reply, on one line. */
  excerpt: string;
}

export const EXCERPT_MAX = 200;

export function excerptOf(body: string, max = EXCERPT_MAX): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

export async function replyNotificationFor(db: Db, replyId: number): Promise<ReplyNotification | null> {
  const row = await db
    .selectFrom('comments as r')
    .innerJoin('comments as p', 'p.id', 'r.parent_id')
    .innerJoin('users as pu', 'pu.id', 'p.user_id')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .innerJoin('categories as k', 'k.id', 'a.category_id')
    .leftJoin('users as ru', 'ru.id', 'r.user_id')
    .select(['r.body', 'r.author_name', 'r.user_id', 'r.author_email', 'ru.display_name as replier_display'])
    .select(['pu.id as reader_id', 'pu.email', 'pu.display_name as reader_name'])
    .select(['a.id as article_id', 'a.title', 'a.slug', 'k.slug as category_slug'])
    .where('r.id', '=', replyId)
    .where('r.status', '=', 'approved')
    .where('p.status', '=', 'approved')
    .where('p.notify_replies', '=', 1)
    .where('pu.email_verified_at', 'is not', null)
    .where('pu.banned_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // One's own reply is no news, whether written signed in or as a guest with the same address.
  if (row.user_id === row.reader_id) return null;
  if (row.user_id === null && row.author_email?.toLowerCase() === row.email.toLowerCase()) return null;
  return {
    to: row.email,
    readerName: row.reader_name,
    replierName: row.user_id !== null && row.replier_display !== null ? row.replier_display : row.author_name,
    articleId: row.article_id,
    articleTitle: row.title,
    categorySlug: row.category_slug,
    articleSlug: row.slug,
    excerpt: excerptOf(row.body),
  };
}
