// What the moderation chain needs to know about an author: how their comments fared, what they
// posted lately, whether they are shadow-banned. A signed-in reader is their account; a guest is
// their email when they gave one, else their network identity (the visitor hash).
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../db/index.js';
import type { Database } from '../db/schema.js';
import type { AuthorHistory } from './checks/check.js';
import type { CommentSettings } from './settings.js';

export interface AuthorIdentity {
  userId: number | null;
  email: string | null;
  visitorHash: string;
}

const DAY_MS = 86_400_000;
const RECENT_REJECTIONS_MS = 30 * DAY_MS;

// Enough rows for the duplicate check to look back a while, and never fewer than the flood limit:
// the flood check must be able to see floodMax comments to count them.
const RECENT_ROWS = 50;

type CommentsEb = ExpressionBuilder<Database, 'comments'>;

/**
 * Guests are matched among guest comments only (user_id null): typing a reader's email or sharing
 * their network must not borrow that reader's record. Signed-in readers use comments_user_created,
 * guests by network comments_visitor_created. Guest emails are stored lower-cased.
 */
function byAuthor(author: AuthorIdentity) {
  return (eb: CommentsEb): Expression<SqlBool> => {
    if (author.userId !== null) return eb('user_id', '=', author.userId);
    const email = author.email?.trim().toLowerCase() ?? '';
    return eb.and([
      eb('user_id', 'is', null),
      email !== '' ? eb('author_email', '=', email) : eb('visitor_hash', '=', author.visitorHash),
    ]);
  };
}

// A shadow-banned author's comments are rejected by the chain, not by a moderator: they say
// nothing about how the author's comments would otherwise fare.
const notShadowBanned = (eb: CommentsEb) =>
  eb.or([eb('status', '!=', 'rejected'), eb('moderation_reason', '!=', 'shadow-banned')]);

/**
 * Counts by status, and the rejections of the last 30 days, in one pass over the author's
 * comments. A rejection counts from when it was made: a moderator may reject an old comment today.
 */
async function statusCounts(db: Db, author: AuthorIdentity, now: number) {
  const since = now - RECENT_REJECTIONS_MS;
  const row = await db
    .selectFrom('comments')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('status', '=', 'approved').then(1).else(0).end()).as('approved'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'rejected').then(1).else(0).end()).as('rejected'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'pending').then(1).else(0).end()).as('pending'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('status', '=', 'rejected'),
                eb(eb.fn.coalesce('moderated_at', 'created_at'), '>=', since),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('recent_rejected'),
    ])
    .where(byAuthor(author))
    .where(notShadowBanned)
    .executeTakeFirstOrThrow();
  return {
    approved: Number(row.approved ?? 0),
    rejected: Number(row.rejected ?? 0),
    pending: Number(row.pending ?? 0),
    recentRejected: Number(row.recent_rejected ?? 0),
  };
}

async function recentComments(db: Db, author: AuthorIdentity, settings: CommentSettings, now: number) {
  const windowMs = Math.max(settings.duplicateWindowMinutes * 60_000, settings.floodWindowSeconds * 1000);
  const rows = await db
    .selectFrom('comments')
    .select(['body', 'created_at'])
    .where(byAuthor(author))
    .where('created_at', '>', now - windowMs)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(RECENT_ROWS, settings.floodMax))
    .execute();
  return rows.map((r) => ({ body: r.body, createdAt: Number(r.created_at) }));
}

async function isShadowBanned(db: Db, userId: number | null): Promise<boolean> {
  if (userId === null) return false;
  const row = await db
    .selectFrom('users')
    .select('shadow_banned')
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(row?.shadow_banned ?? 0) === 1;
}

export async function loadAuthorHistory(
  db: Db,
  author: AuthorIdentity,
  settings: CommentSettings,
  now: number,
): Promise<AuthorHistory> {
  const [counts, recent, shadowBanned] = await Promise.all([
    statusCounts(db, author, now),
    recentComments(db, author, settings, now),
    isShadowBanned(db, author.userId),
  ]);
  return { ...counts, recent, shadowBanned };
}
