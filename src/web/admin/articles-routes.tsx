// The article editor's routes: new, create, open, save (with a workflow step), autosave, preview
// link and tag suggestions. Rights: the role matrix at the door, then per article (rights.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listAuthors, loadDeskArticle, renewPreviewKey } from '../../newsroom/desk-articles.js';
import { diffSnapshots } from '../../newsroom/diff.js';
import type { SaveResult } from '../../newsroom/editing.js';
import { canEdit, canOpen } from '../../newsroom/rights.js';
import { snapshotOfDraft } from '../../newsroom/snapshot.js';
import type { DeskArticle } from '../../newsroom/types.js';
import { transition } from '../../newsroom/workflow.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import { actorOf, announce, editorData } from './article-context.js';
import { EditorPage } from './article-editor-view.js';
import { type ArticleForm, blankDraft, draftErrorTexts, readArticleForm } from './article-form.js';
import { articlesUrl, articleUrl, type EditorPageData } from './article-page-data.js';
import { answering, BadRequest, checkStaffPost, requireCan, sendStaffPage } from './guard.js';
import { type Fields, isId, one } from './params.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function articlesRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const writers = { onRequest: requireCan(deps, 'articles.write') };
  const tz = deps.config.timeZone;

  const page = async (request: FastifyRequest, reply: FastifyReply, d: EditorPageData, status = 200) => {
    const f = buildFrame(deps, request.url.split('?')[0] ?? articlesUrl(), request);
    return sendStaffPage(reply, <EditorPage f={f} assets={deps.assets} d={d} />, status);
  };

  const openable = async (request: IdRequest, reply: FastifyReply): Promise<DeskArticle | null> => {
    const f = buildFrame(deps, articlesUrl(), request);
    if (!isId(request.params.id)) {
      sendError(deps, request, reply, 404);
      return null;
    }
    const article = await loadDeskArticle(deps.db, Number(request.params.id));
    if (!article) {
      sendError(deps, request, reply, 404);
      return null;
    }
    if (!canOpen(actorOf(request), article)) {
      sendError(deps, request, reply, 403, f.t.nr.noRightArticle);
      return null;
    }
    return article;
  };

  /** The outcome of a failed save, shown on the form with everything typed kept. */
  const saveFailed = async (
    request: FastifyRequest,
    reply: FastifyReply,
    article: DeskArticle | null,
    form: ArticleForm,
    result: Exclude<SaveResult, { ok: true }>,
  ) => {
    const t = buildFrame(deps, articlesUrl()).t;
    const draft = form.parsed.draft;
    const base = { publishAtText: form.publishAtText };
    if (result.reason === 'invalid') {
      const d = await editorData(deps, request, t, article, draft, {
        ...base,
        version: form.version,
        errors: draftErrorTexts(t, result.errors, result.slugSuggestion),
        notice: { kind: 'error', text: t.nr.formHasErrors },
      });
      return page(request, reply, d, 422);
    }
    if (result.reason !== 'conflict')
      return result.reason === 'forbidden'
        ? sendError(deps, request, reply, 403, t.nr.noRightArticle)
        : sendError(deps, request, reply, 404);
    const authors = new Map((await listAuthors(deps.db)).map((a) => [a.id, a.name]));
    // An empty slug or byline in the form means "keep" / "mine": compare what a save would store.
    const mine = snapshotOfDraft(
      {
        ...draft,
        slug: draft.slug || result.current.slug,
        authorIds: draft.authorIds.length > 0 ? draft.authorIds : result.current.authors.map((a) => a.id),
      },
      { category: deps.categories.all.find((c) => c.id === draft.categoryId)?.name ?? '', authors },
      result.current,
    );
    const d = await editorData(deps, request, t, article, draft, {
      ...base,
      // Saving again now deliberately puts this version over theirs.
      version: result.currentVersion,
      conflict: { fields: diffSnapshots(result.current, mine).fields, by: result.by, at: result.at },
    });
    return page(request, reply, d, 409);
  };

  /** Runs the workflow step the form asked for, after the content was saved. */
  const step = async (request: FastifyRequest, reply: FastifyReply, id: number, form: ArticleForm) => {
    const t = buildFrame(deps, articlesUrl()).t;
    if (form.intent === 'save') return reply.redirect(`${articleUrl(id)}?done=saved`, 303);
    if (form.intent === 'schedule' && form.publishAt === 'bad') {
      return again(request, reply, id, form, t.nr.badTime);
    }
    const result = await transition(deps.db, {
      id,
      action: form.intent,
      actor: actorOf(request),
      now: deps.clock.now(),
      at: form.publishAt === 'bad' ? null : form.publishAt,
      timeZone: tz,
    });
    if (!result.ok) {
      if (result.reason === 'forbidden')
        return sendError(deps, request, reply, 403, t.nr.transitionErrors.forbidden);
      return again(request, reply, id, form, t.nr.transitionErrors[result.reason]);
    }
    if (result.to === 'published') announce(deps, id, 'published');
    else if (result.from === 'published') announce(deps, id, 'unpublished');
    if (result.to === 'scheduled') deps.scheduler.poke();
    return reply.redirect(`${articleUrl(id)}?done=${form.intent}`, 303);
  };

  /** The article as stored, with the workflow error and the typed time kept. */
  const again = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: ArticleForm,
    text: string,
  ) => {
    const t = buildFrame(deps, articlesUrl()).t;
    const article = await loadDeskArticle(deps.db, id);
    if (!article) return sendError(deps, request, reply, 404);
    const d = await editorData(deps, request, t, article, article, {
      publishAtText: form.publishAtText,
      notice: { kind: 'error', text },
    });
    return page(request, reply, d, 422);
  };

  app.get(
    `${articlesUrl()}/new`,
    writers,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, articlesUrl(), request);
      const first = deps.categories.all[0];
      if (!first) throw new BadRequest(f.t.nr.errors['unknown-category']);
      return page(request, reply, await editorData(deps, request, f.t, null, blankDraft(first.id)));
    }),
  );

  app.post(
    articlesUrl(),
    writers,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, articlesUrl(), request);
      const token = checkStaffPost(deps, request, (request.body as Fields | undefined)?._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const form = readArticleForm(request.body, f.t, tz);
      if (token === 'expired') {
        const d = await editorData(deps, request, f.t, null, form.parsed.draft, {
          notice: { kind: 'error', text: f.t.formExpired },
        });
        return page(request, reply, d, 403);
      }
      if (!form.parsed.ok) {
        return saveFailed(request, reply, null, form, {
          ok: false,
          reason: 'invalid',
          errors: form.parsed.errors,
        });
      }
      const made = await deps.articles.create(form.parsed.draft, actorOf(request), deps.clock.now());
      if (!made.ok) return saveFailed(request, reply, null, form, made);
      if (form.intent === 'save') return reply.redirect(`${articleUrl(made.id)}?done=created`, 303);
      return step(request, reply, made.id, form);
    }),
  );

  app.get<{ Params: { id: string } }>(
    `${articlesUrl()}/:id`,
    writers,
    answering(deps, async (request: IdRequest, reply: FastifyReply) => {
      const article = await openable(request, reply);
      if (!article) return reply;
      const f = buildFrame(deps, articlesUrl(), request);
      const done = one(request.query as Fields, 'done', f.t);
      const text =
        done === undefined
          ? null
          : done === 'saved' || done === 'created'
            ? f.t.nr[done]
            : done === 'preview'
              ? f.t.nr.previewLinkHint
              : done in f.t.nr.done
                ? f.t.nr.done[done as keyof typeof f.t.nr.done]
                : null;
      const d = await editorData(deps, request, f.t, article, article, {
        notice: text ? { kind: 'ok', text } : null,
      });
      return page(request, reply, d);
    }),
  );

  app.post<{ Params: { id: string } }>(
    `${articlesUrl()}/:id`,
    writers,
    answering(deps, async (request: IdRequest, reply: FastifyReply) => {
      const article = await openable(request, reply);
      if (!article) return reply;
      const f = buildFrame(deps, articlesUrl(), request);
      const token = checkStaffPost(deps, request, (request.body as Fields | undefined)?._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      const form = readArticleForm(request.body, f.t, tz);
      const editable = canEdit(actorOf(request), article);
      if (token === 'expired') {
        const d = await editorData(deps, request, f.t, article, editable ? form.parsed.draft : article, {
          version: form.version ?? article.version,
          notice: { kind: 'error', text: f.t.formExpired },
        });
        return page(request, reply, d, 403);
      }
      // Someone who may not change the fields (a contributor while in review) may still take a step.
      if (!editable) return step(request, reply, article.id, form);
      if (form.version === null) throw new BadRequest(f.t.nr.badVersion);
      if (!form.parsed.ok) {
        return saveFailed(request, reply, article, form, {
          ok: false,
          reason: 'invalid',
          errors: form.parsed.errors,
        });
      }
      const saved = await deps.articles.save(
        article.id,
        form.parsed.draft,
        form.version,
        actorOf(request),
        deps.clock.now(),
      );
      if (!saved.ok) return saveFailed(request, reply, article, form, saved);
      if (saved.public) announce(deps, article.id, 'updated');
      return step(request, reply, article.id, form);
    }),
  );

  app.post<{ Params: { id: string } }>(
    `${articlesUrl()}/:id/preview`,
    writers,
    answering(deps, async (request: IdRequest, reply: FastifyReply) => {
      const article = await openable(request, reply);
      if (!article) return reply;
      const token = checkStaffPost(deps, request, (request.body as Fields | undefined)?._csrf);
      if (token !== 'valid') return sendError(deps, request, reply, 403);
      await renewPreviewKey(deps.db, article.id);
      return reply.redirect(`${articleUrl(article.id)}?done=preview`, 303);
    }),
  );
}
