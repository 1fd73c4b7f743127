// The editor's JSON endpoints: autosave (answers with the new version or the conflict) and tag
// suggestions for the autocomplete. Same rights and form-token checks as the form itself.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadDeskArticle } from '../../newsroom/desk-articles.js';
import { canOpen } from '../../newsroom/rights.js';
import { suggestTags } from '../../newsroom/tags.js';
import { formatTime } from '../../text/dates.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { actorOf, announce } from './article-context.js';
import { type ArticleForm, draftErrorTexts, readArticleForm } from './article-form.js';
import { articlesUrl, articleUrl } from './article-page-data.js';
import { BadRequest, checkStaffPost, requireCan } from './guard.js';
import { type Fields, isId } from './params.js';

export function articleJsonRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const writers = { onRequest: requireCan(deps, 'articles.write') };
  const tz = deps.config.timeZone;

  app.post<{ Params: { id: string } }>(`${articlesUrl()}/:id/autosave`, writers, async (request, reply) => {
    const f = buildFrame(deps, articlesUrl(), request);
    const fail = (status: number, message: string, extra = {}) =>
      reply.code(status).send({ ok: false, message, ...extra });
    if (!isId(request.params.id)) return fail(404, f.t.notFoundTitle);
    const article = await loadDeskArticle(deps.db, Number(request.params.id));
    if (!article) return fail(404, f.t.nr.transitionErrors['not-found']);
    if (!canOpen(actorOf(request), article)) return fail(403, f.t.nr.noRightArticle);
    const token = checkStaffPost(deps, request, (request.body as Fields | undefined)?._csrf);
    if (token !== 'valid') return fail(403, token === 'expired' ? f.t.formExpired : f.t.forbidden);
    let form: ArticleForm;
    try {
      form = readArticleForm(request.body, f.t, tz);
    } catch (err) {
      if (err instanceof BadRequest) return fail(400, err.message);
      throw err;
    }
    if (form.version === null) return fail(400, f.t.nr.badVersion);
    if (!form.parsed.ok)
      return fail(422, f.t.nr.formHasErrors, { errors: draftErrorTexts(f.t, form.parsed.errors) });
    const now = deps.clock.now();
    const saved = await deps.articles.save(
      article.id,
      form.parsed.draft,
      form.version,
      actorOf(request),
      now,
      'autosave',
    );
    if (saved.ok) {
      if (saved.public) announce(deps, article.id, 'updated');
      const savedAt = formatTime(now, deps.config.locale, tz);
      return reply.send({ ok: true, version: saved.version, savedAt, message: f.t.nr.autosaved(savedAt) });
    }
    if (saved.reason === 'conflict')
      return fail(409, f.t.nr.autosaveConflict, {
        conflict: true,
        reviewUrl: `${articleUrl(article.id)}/revisions`,
      });
    if (saved.reason === 'invalid')
      return fail(422, f.t.nr.formHasErrors, {
        errors: draftErrorTexts(f.t, saved.errors, saved.slugSuggestion),
      });
    return fail(saved.reason === 'forbidden' ? 403 : 404, f.t.nr.noRightArticle);
  });

  app.get(`/admin/tags/suggest`, writers, async (request: FastifyRequest, reply: FastifyReply) => {
    const q = (request.query as Fields | undefined)?.q;
    if (typeof q !== 'string' || q.length > 60) return reply.code(400).send([]);
    return reply.send(await suggestTags(deps.db, q));
  });
}
