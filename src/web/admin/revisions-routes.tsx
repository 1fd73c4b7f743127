// An article's revisions: list, compare any two, restore one (as a new save, so nothing is lost:
// the version it replaces stays in the history).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadDeskArticle } from '../../newsroom/desk-articles.js';
import { diffSnapshots } from '../../newsroom/diff.js';
import { draftFromSnapshot, getRevision, listRevisions } from '../../newsroom/revisions.js';
import { canEdit, canOpen } from '../../newsroom/rights.js';
import { readSnapshot } from '../../newsroom/snapshot.js';
import type { DeskArticle } from '../../newsroom/types.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import { actorOf, announce } from './article-context.js';
import { articlesUrl, articleUrl } from './article-page-data.js';
import { answering, BadRequest, checkStaffPost, requireCan, sendStaffPage, staffToken } from './guard.js';
import { type Fields, isId, one } from './params.js';
import { RevisionsPage, type RevisionsPageData } from './revisions-view.js';

type Req = FastifyRequest<{ Params: { id: string; rev?: string } }>;

export function revisionsRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const writers = { onRequest: requireCan(deps, 'articles.write') };

  const openable = async (request: Req, reply: FastifyReply): Promise<DeskArticle | null> => {
    const t = buildFrame(deps, articlesUrl()).t;
    const article = isId(request.params.id)
      ? await loadDeskArticle(deps.db, Number(request.params.id))
      : null;
    if (!article) {
      sendError(deps, request, reply, 404);
      return null;
    }
    if (!canOpen(actorOf(request), article)) {
      sendError(deps, request, reply, 403, t.nr.noRightArticle);
      return null;
    }
    return article;
  };

  const show = async (
    request: Req,
    reply: FastifyReply,
    article: DeskArticle,
    extra: Partial<RevisionsPageData>,
  ) => {
    const f = buildFrame(deps, articlesUrl(), request);
    const d: RevisionsPageData = {
      articleId: article.id,
      title: article.title,
      revisions: await listRevisions(deps.db, article.id),
      compared: null,
      csrf: staffToken(deps, request),
      version: article.version,
      canRestore: canEdit(actorOf(request), article),
      notice: null,
      ...extra,
    };
    return sendStaffPage(reply, <RevisionsPage f={f} assets={deps.assets} d={d} />);
  };

  app.get<{ Params: { id: string; rev?: string } }>(
    '/admin/articles/:id/revisions',
    writers,
    answering(deps, async (request: Req, reply: FastifyReply) => {
      const article = await openable(request, reply);
      if (!article) return reply;
      const f = buildFrame(deps, articlesUrl(), request);
      const restored = one(request.query as Fields, 'restored', f.t);
      if (restored !== undefined && !/^[1-9][0-9]{0,9}$/.test(restored)) throw new BadRequest(f.t.nr.badId);
      return show(request, reply, article, {
        notice: restored ? { kind: 'ok', text: f.t.nr.restored(restored) } : null,
      });
    }),
  );

  app.get<{ Params: { id: string; rev?: string } }>(
    '/admin/articles/:id/revisions/compare',
    writers,
    answering(deps, async (request: Req, reply: FastifyReply) => {
      const article = await openable(request, reply);
      if (!article) return reply;
      const t = buildFrame(deps, articlesUrl()).t;
      const q = request.query as Fields;
      const ids = ['from', 'to'].map((name) => {
        const raw = one(q, name, t);
        if (raw === undefined || !isId(raw)) throw new BadRequest(t.nr.badRevision);
        return Number(raw);
      });
      const [from, to] = await Promise.all(ids.map((id) => getRevision(deps.db, article.id, id)));
      if (!from || !to) throw new BadRequest(t.nr.badRevision);
      return show(request, reply, article, {
        compared: { from, to, fields: diffSnapshots(from.snapshot, to.snapshot).fields },
      });
    }),
  );

  app.post<{ Params: { id: string; rev?: string } }>(
    '/admin/articles/:id/revisions/:rev/restore',
    writers,
    answering(deps, async (request: Req, reply: FastifyReply) => {
      const article = await openable(request, reply);
      if (!article) return reply;
      const t = buildFrame(deps, articlesUrl()).t;
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token !== 'valid')
        return sendError(deps, request, reply, 403, token === 'expired' ? t.formExpired : undefined);
      const rev = request.params.rev ?? '';
      const revision = isId(rev) ? await getRevision(deps.db, article.id, Number(rev)) : null;
      if (!revision) throw new BadRequest(t.nr.badRevision);
      const rawVersion = one(body, 'version', t) ?? '';
      if (!isId(rawVersion)) throw new BadRequest(t.nr.badVersion);
      const draft = await draftFromSnapshot(
        deps.db,
        revision.snapshot,
        await readSnapshot(deps.db, article.id),
      );
      const saved = await deps.articles.save(
        article.id,
        draft,
        Number(rawVersion),
        actorOf(request),
        deps.clock.now(),
        'restore',
      );
      if (saved.ok) {
        if (saved.public) announce(deps, article.id, 'updated');
        return reply.redirect(`${articleUrl(article.id)}/revisions?restored=${revision.version}`, 303);
      }
      if (saved.reason === 'forbidden') return sendError(deps, request, reply, 403, t.nr.noRightArticle);
      if (saved.reason === 'conflict')
        return show(request, reply, article, { notice: { kind: 'error', text: t.nr.autosaveConflict } });
      if (saved.reason === 'invalid')
        return show(request, reply, article, {
          notice: {
            kind: 'error',
            text: `${t.nr.formHasErrors} ${Object.values(saved.errors)
              .map((c) => t.nr.errors[c])
              .join(' ')}`,
          },
        });
      return sendError(deps, request, reply, 404);
    }),
  );
}
