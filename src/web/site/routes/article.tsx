// The article page with its comments: sorting, paging, the reader's own edit form, notices
// after a post. Anonymous renders of the plain URL are cached; everything else is per request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CommentSort, listThreadPage } from '../../../comments/listing.js';
import { type CommentPolicy, resolvePolicy } from '../../../comments/policy.js';
import { findPublishedAddressBySlug } from '../../../content/article-address.js';
import { findPublishedArticle } from '../../../content/articles.js';
import { findArticleByOldAddress, findArticleByOldSlug } from '../../../content/old-addresses.js';
import type { Article } from '../../../content/types.js';
import { listRelated } from '../../../search/related.js';
import { formPurpose } from '../../session.js';
import { redirectToCanonical, slugParam } from '../canonical.js';
import type { SiteDeps } from '../deps.js';
import { articleTags, buildFrame, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { ArticlePage } from '../views/article.js';
import { type CommentFormState, emptyForm } from '../views/comments.js';
import { sendError } from './errors.js';

export function commentPolicy(deps: SiteDeps, article: Article): CommentPolicy {
  return resolvePolicy({
    site: deps.commentSettings.get(),
    categories: deps.categories.all,
    categoryId: article.categoryId,
    article: article.commentRules,
    publishedAt: article.publishedAt,
    now: deps.clock.now(),
  });
}

export interface ArticleRenderOptions {
  form?: CommentFormState;
  status?: number;
  sort?: CommentSort;
  commentPage?: number;
  editingId?: number | null;
  editBody?: string;
  editError?: string;
}

const ID = /^[1-9][0-9]{0,9}$/;
/** Related articles under the body: one fewer than are stored, so an unpublished one leaves no gap. */
const RELATED_SHOWN = 5;
const NOTICES = ['pending', 'posted', 'deleted', 'saved', 'saved-pending', 'reported'] as const;
type Notice = (typeof NOTICES)[number];

export async function renderArticle(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  article: Article,
  options: ArticleRenderOptions = {},
) {
  const now = deps.clock.now();
  let form = options.form ?? emptyForm;
  const viewer = request.viewer;
  const [page, related] = await Promise.all([
    listThreadPage(deps.db, article.id, {
      sort: options.sort ?? 'newest',
      page: options.commentPage ?? 1,
      viewerId: viewer?.id ?? null,
      approvedCount: article.commentCount,
    }),
    listRelated(deps.db, now, { id: article.id, tagIds: article.tags.map((t) => t.id) }, RELATED_SHOWN),
  ]);
  let replyToName: string | null = null;
  if (form.parentId !== null) {
    const all = page.threads.flatMap((c) => [c, ...c.replies]);
    replyToName = all.find((c) => c.id === form.parentId && c.state === 'published')?.authorName ?? null;
    if (replyToName === null) form = { ...form, parentId: null };
  }
  const policy = commentPolicy(deps, article);
  const sessionToken = request.sessionId ? deps.formTokens.create(formPurpose(request, '')) : null;
  const data = {
    article,
    related: related.items,
    relatedByTopic: !related.computed,
    page,
    form,
    policy,
    viewer,
    formToken: deps.formTokens.create(formPurpose(request, `comment:${article.id}`)),
    replyToName,
    actions: {
      articleUrl: urls.article(article),
      sessionToken,
      canReply: policy.open && (policy.who === 'guests' || viewer !== null),
      editingId: options.editingId ?? null,
      editBody: options.editBody,
      editError: options.editError,
    },
  };
  const frame = buildFrame(deps, urls.article(article), request);
  const status = options.status ?? 200;
  return sendPage(deps, request, reply, <ArticlePage frame={frame} data={data} />, {
    status,
    // Unpublishing an article drops, through its tag, every cached page listing it as related.
    tags: [`article:${article.id}`, ...articleTags(related.items)],
    cacheable: status === 200 && form === emptyForm && !options.editingId,
  });
}

export function articleRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Params: { category: string; slug: string }; Querystring: Record<string, string> }>(
    '/:category/:slug',
    async (request, reply) => {
      const now = deps.clock.now();
      const slug = slugParam(request.params.slug);
      const categorySlug = slugParam(request.params.category);
      const article = await findPublishedArticle(deps.db, now, categorySlug, slug);
      if (!article) {
        // An address the article had before an editor changed its slug or section; else, under
        // another section (it moved, or the link is wrong), the one article with that slug now or
        // before. Only published articles are found, so an old address never reveals a draft.
        const moved =
          (await findArticleByOldAddress(deps.db, now, categorySlug, slug)) ??
          (await findPublishedAddressBySlug(deps.db, now, slug)) ??
          (await findArticleByOldSlug(deps.db, now, slug));
        const there = moved ? redirectToCanonical(request, reply, urls.article(moved)) : null;
        return there ?? sendError(deps, request, reply, 404);
      }
      const respelled = redirectToCanonical(request, reply, urls.article(article));
      if (respelled) return respelled;
      const t = buildFrame(deps, '/').t;
      const q = request.query;
      let form = emptyForm;
      const options: ArticleRenderOptions = {};
      if (q.reply !== undefined) {
        if (!ID.test(q.reply)) return sendError(deps, request, reply, 400);
        form = { ...emptyForm, parentId: Number(q.reply) };
      }
      if (q.edit !== undefined) {
        if (!ID.test(q.edit)) return sendError(deps, request, reply, 400);
        options.editingId = Number(q.edit);
      }
      if (q.sort !== undefined) {
        if (q.sort !== 'newest' && q.sort !== 'oldest' && q.sort !== 'top') {
          return sendError(deps, request, reply, 400, t.badRequestText);
        }
        options.sort = q.sort;
      }
      if (q.cpage !== undefined) {
        if (!/^[1-9][0-9]{0,5}$/.test(q.cpage)) return sendError(deps, request, reply, 400, t.badPage);
        options.commentPage = Number(q.cpage);
      }
      if (q.comment !== undefined) {
        if (!(NOTICES as readonly string[]).includes(q.comment)) return sendError(deps, request, reply, 400);
        const texts: Record<Notice, string> = {
          pending: t.commentPending,
          posted: t.commentPosted,
          deleted: t.cm.commentDeleted,
          saved: t.cm.commentSaved,
          'saved-pending': t.cm.commentSavedPending,
          reported: t.cm.reportThanks,
        };
        form = { ...form, notice: { kind: 'ok', text: texts[q.comment as Notice] } };
      }
      if (request.sessionExpired) form = { ...form, notice: { kind: 'error', text: t.cm.sessionExpired } };
      return renderArticle(deps, request, reply, article, { ...options, form });
    },
  );
}
