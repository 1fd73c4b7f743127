// Creating and saving articles in the back office. Every save is one transaction: the fields, the
// tags and authors, and a revision of all of it. A save made from an older version than the
// stored one is refused as a conflict, so two editors never overwrite each other silently.
import { recordArticleMove } from '../content/old-addresses.js';
import type { Db } from '../db/index.js';
import type { RevisionKind } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { syncSearchDoc } from '../search/index-sync.js';
import type { Locale } from '../text/locale.js';
import { sanitizeArticleHtml } from '../text/sanitize.js';
import { fixQuotes } from '../text/typography.js';
import { fixQuotesHtml } from '../text/typography-html.js';
import { authorIdForUser } from './bylines.js';
import type { ArticleMedia } from './media-port.js';
import { recordRevision } from './revisions.js';
import { canEdit } from './rights.js';
import type { NewsroomSettings } from './settings.js';
import { resolveSlug } from './slugs.js';
import { readSnapshot, type Snapshot } from './snapshot.js';
import { draftTagIds, type TagAdditions } from './tag-spotting.js';
import type { Actor, ArticleDraft, DraftErrors } from './types.js';

export interface Saved {
  ok: true;
  id: number;
  version: number;
  /** The article is (still) on the site: its pages and lists must be refreshed. */
  public: boolean;
}

export type SaveFailure =
  | { ok: false; reason: 'not-found' | 'forbidden' }
  | { ok: false; reason: 'invalid'; errors: DraftErrors; slugSuggestion?: string }
  | { ok: false; reason: 'conflict'; current: Snapshot; currentVersion: number; by: string; at: number };

export type SaveResult = Saved | SaveFailure;

export interface EditingDeps {
  db: Db;
  media: ArticleMedia;
  /** Only the slug style matters here. */
  settings: () => Pick<NewsroomSettings, 'slugStyle'>;
  timeZone: string;
  /** The site's language, for its quotes („…“ or “…”); Bulgarian when not given. */
  locale?: Locale;
}

class Invalid extends Error {
  constructor(
    readonly errors: DraftErrors,
    readonly slugSuggestion?: string,
  ) {
    super('invalid draft');
  }
}

class Conflict extends Error {}

/** The columns a draft sets, checked against the database (category, authors, cover, slug). */
async function draftColumns(
  deps: EditingDeps,
  trx: Db,
  draft: ArticleDraft,
  articleId: number | null,
  keepSlug?: string,
) {
  const category = await trx
    .selectFrom('categories')
    .select('id')
    .where('id', '=', draft.categoryId)
    .executeTakeFirst();
  if (!category) throw new Invalid({ categoryId: 'unknown-category' });
  if (draft.authorIds.length > 0) {
    const found = await trx.selectFrom('authors').select('id').where('id', 'in', draft.authorIds).execute();
    if (found.length !== draft.authorIds.length) throw new Invalid({ authorIds: 'unknown-author' });
  }
  const cover = draft.coverMediaId === null ? null : await deps.media.cover(trx, draft.coverMediaId);
  if (draft.coverMediaId !== null && !cover) throw new Invalid({ coverMediaId: 'unknown-media' });
  const slug = await resolveSlug(trx, {
    typed: draft.slug !== '' ? draft.slug : (keepSlug ?? ''),
    title: draft.title,
    categoryId: draft.categoryId,
    articleId,
    style: deps.settings().slugStyle,
  });
  if (!slug.ok) throw new Invalid({ slug: 'slug-taken' }, slug.suggestion);
  // Typography on every save, autosaves included: the editor keeps what the author typed (an autosave
  // only moves its version on), and the stored text is what readers and the next save start from.
  // fixQuotes keeps lengths, so the limits checked on the draft still hold.
  const locale = deps.locale ?? 'bg';
  const typeset = (text: string) => fixQuotes(text, locale);
  const expanded = await deps.media.expandBody(trx, sanitizeArticleHtml(draft.bodyHtml));
  const body = sanitizeArticleHtml(fixQuotesHtml(expanded, locale));
  return {
    category_id: draft.categoryId,
    slug: slug.slug,
    title: typeset(draft.title),
    lead: typeset(draft.lead),
    body_html: body,
    cover_media_id: draft.coverMediaId,
    cover_url: cover?.url ?? null,
    cover_alt: cover?.alt ?? '',
    cover_caption: cover?.caption ?? '',
    cover_credit: cover?.credit ?? '',
    seo_title: typeset(draft.seoTitle),
    seo_description: typeset(draft.seoDescription),
    comments_who: draft.commentsWho,
    comments_moderation: draft.commentsModeration,
    comments_close_days: draft.commentsCloseDays,
    breaking: draft.breaking ? 1 : 0,
  };
}

async function replaceLinks(trx: Db, id: number, tagIds: number[], authorIds: number[]) {
  await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
  await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
  if (tagIds.length > 0)
    await trx
      .insertInto('article_tags')
      .values(tagIds.map((tag_id) => ({ article_id: id, tag_id })))
      .execute();
  if (authorIds.length > 0)
    await trx
      .insertInto('article_authors')
      .values(authorIds.map((author_id, position) => ({ article_id: id, author_id, position })))
      .execute();
}

function failure(err: unknown): SaveFailure {
  if (err instanceof Invalid)
    return {
      ok: false,
      reason: 'invalid',
      errors: err.errors,
      ...(err.slugSuggestion ? { slugSuggestion: err.slugSuggestion } : {}),
    };
  throw err;
}

export class ArticleEditing {
  constructor(private readonly deps: EditingDeps) {}

  /** A new draft owned by the actor; with no authors chosen, the byline is the actor's own. */
  async create(draft: ArticleDraft & TagAdditions, actor: Actor, now: number): Promise<SaveResult> {
    try {
      return await inTransaction(this.deps.db, async (trx) => {
        const columns = await draftColumns(this.deps, trx, draft, null);
        const authorIds =
          draft.authorIds.length > 0 ? draft.authorIds : [await authorIdForUser(trx, actor, now)];
        const { id } = await trx
          .insertInto('articles')
          .values({
            ...columns,
            status: 'draft',
            published_at: null,
            published_ymd: null,
            published_md: null,
            created_at: now,
            updated_at: now,
            owner_id: actor.id,
            updated_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await replaceLinks(
          trx,
          id,
          await draftTagIds(trx, draft, now, this.deps.settings().slugStyle),
          authorIds,
        );
        await recordRevision(trx, { articleId: id, version: 1, kind: 'create', actor, now });
        return { ok: true as const, id, version: 1, public: false };
      });
    } catch (err) {
      return failure(err);
    }
  }

  /** Saves the draft over version `baseVersion`; a newer stored version is a conflict. */
  async save(
    id: number,
    draft: ArticleDraft & TagAdditions,
    baseVersion: number,
    actor: Actor,
    now: number,
    kind: Extract<RevisionKind, 'save' | 'autosave' | 'restore'> = 'save',
  ): Promise<SaveResult> {
    try {
      return await inTransaction(this.deps.db, async (trx) => {
        const row = await trx
          .selectFrom('articles')
          .select(['id', 'version', 'owner_id', 'status', 'slug', 'category_id', 'published_at'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return { ok: false as const, reason: 'not-found' as const };
        if (!canEdit(actor, { ownerId: row.owner_id, status: row.status }))
          return { ok: false as const, reason: 'forbidden' as const };
        if (row.version !== baseVersion) throw new Conflict();
        const columns = await draftColumns(this.deps, trx, draft, id, row.slug);
        const version = baseVersion + 1;
        const updated = await trx
          .updateTable('articles')
          .set({ ...columns, version, updated_at: now, updated_by: actor.id })
          .where('id', '=', id)
          .where('version', '=', baseVersion)
          .executeTakeFirst();
        // Another process saved between our read and this write (PostgreSQL re-checks the version).
        if (Number(updated.numUpdatedRows) !== 1) throw new Conflict();
        // A new slug or section: the address it leaves keeps leading to it (content/old-addresses.ts).
        if (columns.slug !== row.slug || columns.category_id !== row.category_id)
          await recordArticleMove(trx, { articleId: id, categoryId: row.category_id, slug: row.slug }, now);
        const authorIds =
          draft.authorIds.length > 0 ? draft.authorIds : [await authorIdForUser(trx, actor, now)];
        await replaceLinks(
          trx,
          id,
          await draftTagIds(trx, draft, now, this.deps.settings().slugStyle),
          authorIds,
        );
        await recordRevision(trx, { articleId: id, version, kind, actor, now });
        // An edit of a published article is live at once, in search too.
        if (row.status === 'published') await syncSearchDoc(trx, id);
        return { ok: true as const, id, version, public: row.status === 'published' };
      });
    } catch (err) {
      if (err instanceof Conflict) return this.conflict(id);
      return failure(err);
    }
  }

  private async conflict(id: number): Promise<SaveFailure> {
    const db = this.deps.db;
    const [current, row, last] = await Promise.all([
      readSnapshot(db, id),
      db.selectFrom('articles').select('version').where('id', '=', id).executeTakeFirstOrThrow(),
      db
        .selectFrom('article_revisions')
        .select(['user_name', 'created_at'])
        .where('article_id', '=', id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return {
      ok: false,
      reason: 'conflict',
      current,
      currentVersion: row.version,
      by: last?.user_name ?? '',
      at: last ? Number(last.created_at) : 0,
    };
  }
}
