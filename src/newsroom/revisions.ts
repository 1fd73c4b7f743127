// Revisions: a snapshot of every field after every save, the list of them, and restoring one.
// Autosaves by one person in a row collapse into one revision, so a long editing session leaves
// a readable history instead of one entry every few seconds.
import type { Db } from '../db/index.js';
import type { RevisionKind } from '../db/schema.js';
import { parseSnapshot, readSnapshot, type Snapshot } from './snapshot.js';
import type { Actor, ArticleDraft } from './types.js';

export interface RevisionInfo {
  id: number;
  version: number;
  kind: RevisionKind;
  userName: string;
  createdAt: number;
}

export interface Revision extends RevisionInfo {
  articleId: number;
  snapshot: Snapshot;
}

export async function recordRevision(
  trx: Db,
  input: { articleId: number; version: number; kind: RevisionKind; actor: Actor | null; now: number },
): Promise<void> {
  const snapshot = JSON.stringify(await readSnapshot(trx, input.articleId));
  if (input.kind === 'autosave') {
    const last = await trx
      .selectFrom('article_revisions')
      .select(['id', 'kind', 'user_id', 'version'])
      .where('article_id', '=', input.articleId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (
      last &&
      last.kind === 'autosave' &&
      last.user_id === input.actor?.id &&
      last.version === input.version - 1
    ) {
      await trx
        .updateTable('article_revisions')
        .set({ version: input.version, created_at: input.now, snapshot })
        .where('id', '=', last.id)
        .execute();
      return;
    }
  }
  await trx
    .insertInto('article_revisions')
    .values({
      article_id: input.articleId,
      version: input.version,
      kind: input.kind,
      // No actor: the scheduler did it.
      user_id: input.actor?.id ?? null,
      user_name: input.actor?.displayName ?? '',
      created_at: input.now,
      snapshot,
    })
    .execute();
}

export async function listRevisions(db: Db, articleId: number): Promise<RevisionInfo[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .select(['id', 'version', 'kind', 'user_name', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    kind: r.kind,
    userName: r.user_name,
    createdAt: Number(r.created_at),
  }));
}

export async function getRevision(db: Db, articleId: number, revisionId: number): Promise<Revision | null> {
  const r = await db
    .selectFrom('article_revisions')
    .selectAll()
    .where('id', '=', revisionId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  const snapshot = r ? parseSnapshot(r.snapshot) : null;
  if (!r || !snapshot) return null;
  return {
    id: r.id,
    articleId: r.article_id,
    version: r.version,
    kind: r.kind,
    userName: r.user_name,
    createdAt: Number(r.created_at),
    snapshot,
  };
}

/**
 * The draft that brings a revision's content back. Workflow state (status, schedule) is not
 * content and stays as it is; a deleted category or author falls back to the current one.
 */
export async function draftFromSnapshot(db: Db, s: Snapshot, current: Snapshot): Promise<ArticleDraft> {
  const categoryExists = await db
    .selectFrom('categories')
    .select('id')
    .where('id', '=', s.categoryId)
    .executeTakeFirst();
  const authorIds = s.authors.map((a) => a.id);
  const existing =
    authorIds.length === 0
      ? []
      : (await db.selectFrom('authors').select('id').where('id', 'in', authorIds).execute()).map((r) => r.id);
  const media =
    s.coverMediaId === null
      ? null
      : await db.selectFrom('media').select('id').where('id', '=', s.coverMediaId).executeTakeFirst();
  return {
    title: s.title,
    slug: s.slug,
    lead: s.lead,
    bodyHtml: s.bodyHtml,
    categoryId: categoryExists ? s.categoryId : current.categoryId,
    tags: s.tags,
    authorIds: authorIds.filter((id) => existing.includes(id)),
    coverMediaId: media ? s.coverMediaId : null,
    seoTitle: s.seoTitle,
    seoDescription: s.seoDescription,
    commentsWho: s.commentsWho,
    commentsModeration: s.commentsModeration,
    commentsCloseDays: s.commentsCloseDays,
    breaking: s.breaking,
  };
}
