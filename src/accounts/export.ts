// Everything the site keeps about a reader, for them to download (GDPR art. 15 and 20). Times
// are ISO 8601 here, not epoch ms: the file is read by people and by other programs. The
// password hash and moderators' private judgements (shadow ban, spam scores) stay out.
import type { Db } from '../db/index.js';
import type { CommentStatus, ReportReason, Role } from '../db/schema.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export interface ReaderExport {
  format: 'vestnik-reader-export';
  version: 1;
  exportedAt: string;
  profile: {
    id: number;
    email: string;
    displayName: string;
    role: Role;
    emailVerifiedAt: string | null;
    createdAt: string;
    updatedAt: string;
    suspendedUntil: string | null;
    bannedAt: string | null;
    notifyReplies: boolean;
  };
  comments: {
    id: number;
    articleId: number;
    articleTitle: string;
    parentId: number | null;
    body: string;
    status: CommentStatus;
    createdAt: string;
    editedAt: string | null;
  }[];
  reactions: { commentId: number; value: number; createdAt: string }[];
  reports: { commentId: number; reason: ReportReason; note: string; createdAt: string }[];
  sessions: { createdAt: string; lastSeenAt: string; userAgent: string }[];
}

export async function exportReader(db: Db, userId: number, now: number): Promise<ReaderExport | null> {
  const user = await db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'display_name',
      'role',
      'email_verified_at',
      'created_at',
      'updated_at',
      'suspended_until',
      'banned_at',
      'notify_replies',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  const [comments, reactions, reports, sessions] = await Promise.all([
    db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .select([
        'comments.id',
        'comments.article_id',
        'articles.title',
        'comments.parent_id',
        'comments.body',
        'comments.status',
        'comments.created_at',
        'comments.edited_at',
      ])
      .where('comments.user_id', '=', userId)
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute(),
    db
      .selectFrom('comment_reactions')
      .select(['comment_id', 'value', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('comment_reports')
      .select(['comment_id', 'reason', 'note', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    format: 'vestnik-reader-export',
    version: 1,
    exportedAt: iso(now),
    profile: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      role: user.role,
      emailVerifiedAt: isoOrNull(user.email_verified_at),
      createdAt: iso(user.created_at),
      updatedAt: iso(user.updated_at),
      suspendedUntil: isoOrNull(user.suspended_until),
      bannedAt: isoOrNull(user.banned_at),
      notifyReplies: Number(user.notify_replies) === 1,
    },
    comments: comments.map((c) => ({
      id: c.id,
      articleId: c.article_id,
      articleTitle: c.title,
      parentId: c.parent_id,
      body: c.body,
      status: c.status,
      createdAt: iso(c.created_at),
      editedAt: isoOrNull(c.edited_at),
    })),
    reactions: reactions.map((r) => ({
      commentId: r.comment_id,
      value: r.value,
      createdAt: iso(r.created_at),
    })),
    reports: reports.map((r) => ({
      commentId: r.comment_id,
      reason: r.reason,
      note: r.note,
      createdAt: iso(r.created_at),
    })),
    sessions: sessions.map((s) => ({
      createdAt: iso(s.created_at),
      lastSeenAt: iso(s.last_seen_at),
      userAgent: s.user_agent,
    })),
  };
}
