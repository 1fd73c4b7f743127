// An article as the Admin API shows it (any status, with its workflow facts), and the way between
// the API's snake_case fields and the newsroom's draft: the same checks as the editor form
// (newsroom/validate.ts), the same names back in every complaint.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { loadDeskArticle } from '../../newsroom/desk-articles.js';
import { canOpen } from '../../newsroom/rights.js';
import type { Actor, ArticleDraft, DeskArticle, DraftErrors, DraftField } from '../../newsroom/types.js';
import { type FormFields, LIMITS, parseDraft } from '../../newsroom/validate.js';
import { articleUrl } from '../admin/article-page-data.js';
import { urls } from '../site/urls.js';
import type { ApiDeps } from './auth.js';
import { ApiError, apiWords } from './errors.js';

/** An id as the database holds it (PostgreSQL's integer): larger numbers are refused, not looked up. */
export const IdSchema = (description?: string) =>
  Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...(description ? { description } : {}) });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ArticleStatusSchema = Type.Union(
  ['draft', 'review', 'scheduled', 'published', 'unpublished'].map((s) => Type.Literal(s)),
);
const CommentsWhoSchema = Type.Union([
  Type.Literal('guests'),
  Type.Literal('registered'),
  Type.Literal('closed'),
  Type.Null(),
]);
const CommentsModerationSchema = Type.Union([Type.Literal('pre'), Type.Literal('post'), Type.Null()]);
const CloseDaysSchema = Type.Union([Type.Integer(), Type.Null()]);

export const AdminArticleSchema = Type.Object(
  {
    id: Type.Integer(),
    version: Type.Integer({ description: 'Send it back with PATCH: the optimistic lock.' }),
    status: ArticleStatusSchema,
    title: Type.String(),
    slug: Type.String(),
    lead: Type.String(),
    body_html: Type.String(),
    category: Type.Object(
      { id: Type.Integer(), slug: Type.String(), name: Type.String() },
      { additionalProperties: false },
    ),
    authors: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.String() }, { additionalProperties: false }),
    ),
    tags: Type.Array(Type.String()),
    cover_media_id: Type.Union([Type.Integer(), Type.Null()]),
    cover_url: Nullable(Type.String({ format: 'uri' })),
    seo_title: Type.String(),
    seo_description: Type.String(),
    breaking: Type.Boolean(),
    comments_who: CommentsWhoSchema,
    comments_moderation: CommentsModerationSchema,
    comments_close_days: CloseDaysSchema,
    owner_id: Type.Union([Type.Integer(), Type.Null()]),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
    scheduled_at: Nullable(Type.String({ format: 'date-time' })),
    published_at: Nullable(Type.String({ format: 'date-time' })),
    url: Type.String({ format: 'uri', description: 'The public address (readers see it once published).' }),
    preview_url: Nullable(Type.String({ format: 'uri', description: 'The secret preview link, if made.' })),
    edit_url: Type.String({ format: 'uri', description: 'The article in the back office.' }),
  },
  { additionalProperties: false },
);
export type AdminArticleOut = Static<typeof AdminArticleSchema>;

/** The fields a create or a patch may set, as the API names them. */
export const DraftProperties = {
  title: Type.String(),
  lead: Type.String(),
  body_html: Type.String({ description: 'Sanitized as in the editor; quotes are typeset.' }),
  category: Type.Union([IdSchema(), Type.String({ minLength: 1 })], {
    description: 'The section: its id or its slug.',
  }),
  authors: Type.Array(IdSchema(), {
    description: 'Author profile ids in byline order; empty or absent: the token owner’s byline.',
  }),
  tags: Type.Array(Type.String({ pattern: '^[^,;\\n]*$' }), {
    description: 'Tag names; missing ones are created as the editor does.',
  }),
  cover_media_id: Type.Union([IdSchema(), Type.Null()]),
  slug: Type.String({ description: 'Empty or absent: made from the title (a change keeps the stored one).' }),
  breaking: Type.Boolean(),
  seo_title: Type.String(),
  seo_description: Type.String(),
  comments_who: CommentsWhoSchema,
  comments_moderation: CommentsModerationSchema,
  comments_close_days: CloseDaysSchema,
};

export type DraftInput = Partial<{
  [K in keyof typeof DraftProperties]: Static<(typeof DraftProperties)[K]>;
}>;

/** The API's name of each draft field. */
export const API_FIELD: Record<DraftField, string> = {
  title: 'title',
  slug: 'slug',
  lead: 'lead',
  bodyHtml: 'body_html',
  categoryId: 'category',
  tags: 'tags',
  authorIds: 'authors',
  coverMediaId: 'cover_media_id',
  seoTitle: 'seo_title',
  seoDescription: 'seo_description',
  commentsWho: 'comments_who',
  commentsModeration: 'comments_moderation',
  commentsCloseDays: 'comments_close_days',
  breaking: 'breaking',
};

const LIMIT_OF: Partial<Record<DraftField, number>> = {
  title: LIMITS.title,
  slug: LIMITS.slug,
  lead: LIMITS.lead,
  bodyHtml: LIMITS.body,
  seoTitle: LIMITS.seoTitle,
  seoDescription: LIMITS.seoDescription,
  authorIds: LIMITS.authors,
};

/** The first problem of a draft, as the API's 422 naming the field. */
export function draftError(request: FastifyRequest, deps: ApiDeps, errors: DraftErrors, suggestion?: string) {
  const t = apiWords(request, deps.config.locale);
  const [field, error] = (
    Object.entries(errors) as [DraftField, NonNullable<DraftErrors[DraftField]>][]
  )[0] ?? ['title', 'bad-value'];
  const limit = field === 'tags' ? (error === 'too-many' ? LIMITS.tags : LIMITS.tag) : LIMIT_OF[field];
  const name = API_FIELD[field];
  return new ApiError(422, error, t.admin.draft(name, error, limit ?? 0, suggestion), name);
}

/** The section of `category` (id or slug); an unknown slug is the draft's own complaint. */
function categoryIdOf(deps: ApiDeps, category: number | string): number | null {
  if (typeof category === 'number') return category;
  return deps.categories.all.find((c) => c.slug === category)?.id ?? null;
}

/**
 * The draft the editor form would send: `base` (the stored article, or blanks) with `input` over
 * it, checked by the form's own parser. With no authors, the byline is `ownByline()`: the staff
 * member's own profile, found (or made) under their real name, not the API-labelled one.
 */
export async function draftFrom(
  deps: ApiDeps,
  base: ArticleDraft,
  input: DraftInput,
  ownByline: () => Promise<number>,
): Promise<{ ok: true; draft: ArticleDraft } | { ok: false; errors: DraftErrors }> {
  const pick = <K extends keyof DraftInput>(key: K, stored: NonNullable<DraftInput[K]> | null) =>
    input[key] !== undefined ? input[key] : stored;
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const categoryId = input.category === undefined ? base.categoryId : categoryIdOf(deps, input.category);
  if (categoryId === null) return { ok: false, errors: { categoryId: 'unknown-category' } };
  const authors = pick('authors', base.authorIds) ?? [];
  const fields: FormFields = {
    title: text(pick('title', base.title)),
    slug: text(pick('slug', base.slug)),
    lead: text(pick('lead', base.lead)),
    body_html: text(pick('body_html', base.bodyHtml)),
    category_id: String(categoryId),
    tags: (pick('tags', base.tags) ?? []).join(','),
    author_ids: authors.map(String),
    cover_media_id: text(pick('cover_media_id', base.coverMediaId)),
    seo_title: text(pick('seo_title', base.seoTitle)),
    seo_description: text(pick('seo_description', base.seoDescription)),
    comments_who: text(pick('comments_who', base.commentsWho)),
    comments_moderation: text(pick('comments_moderation', base.commentsModeration)),
    comments_close_days: text(pick('comments_close_days', base.commentsCloseDays)),
    breaking: pick('breaking', base.breaking) ? '1' : '',
  };
  const parsed = parseDraft(fields);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const draft = parsed.draft;
  return {
    ok: true,
    draft: draft.authorIds.length > 0 ? draft : { ...draft, authorIds: [await ownByline()] },
  };
}

/** The stored article, refused unless the token's staff member may open it in the back office. */
export async function openArticle(
  request: FastifyRequest,
  deps: ApiDeps,
  id: number,
  actor: Actor,
): Promise<DeskArticle> {
  const t = apiWords(request, deps.config.locale);
  const article = await loadDeskArticle(deps.db, id);
  if (!article) throw new ApiError(404, 'not-found', t.admin.noArticle);
  if (!canOpen(actor, article)) throw new ApiError(403, 'forbidden', t.admin.noRightArticle);
  return article;
}

export async function presentArticle(deps: ApiDeps, a: DeskArticle): Promise<AdminArticleOut> {
  const site = deps.config.siteUrl;
  const [authors, cover] = await Promise.all([
    a.authorIds.length === 0
      ? []
      : deps.db.selectFrom('authors').select(['id', 'name']).where('id', 'in', a.authorIds).execute(),
    a.coverMediaId === null ? null : deps.media.get(a.coverMediaId),
  ]);
  const category = deps.categories.all.find((c) => c.id === a.categoryId);
  const names = new Map(authors.map((r) => [r.id, r.name]));
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    title: a.title,
    slug: a.slug,
    lead: a.lead,
    body_html: a.bodyHtml,
    category: { id: a.categoryId, slug: a.categorySlug, name: category?.name ?? '' },
    authors: a.authorIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    tags: a.tags,
    cover_media_id: a.coverMediaId,
    cover_url: cover ? site + cover.url : null,
    seo_title: a.seoTitle,
    seo_description: a.seoDescription,
    breaking: a.breaking,
    comments_who: a.commentsWho,
    comments_moderation: a.commentsModeration,
    comments_close_days: a.commentsCloseDays,
    owner_id: a.ownerId,
    created_at: new Date(a.createdAt).toISOString(),
    updated_at: new Date(a.updatedAt).toISOString(),
    scheduled_at: iso(a.scheduledAt),
    published_at: iso(a.publishedAt),
    url: site + urls.article({ slug: a.slug, category: { slug: a.categorySlug } }),
    preview_url: a.previewKey ? `${site}/preview/${a.previewKey}` : null,
    edit_url: site + articleUrl(a.id),
  };
}

/** The article as stored now (after a change), for the answer. */
export async function presentStored(deps: ApiDeps, id: number): Promise<AdminArticleOut> {
  const a = await loadDeskArticle(deps.db, id);
  if (!a) throw new Error(`article ${id} vanished after a change`);
  return presentArticle(deps, a);
}
