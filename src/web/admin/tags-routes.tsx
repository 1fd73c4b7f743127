// The tag manager (/admin/tags), for editors and admins: the list, one tag's name, address and kind,
// merging a tag into another and deleting one. Every change drops the cached pages that show the
// tag: its topic page, the lists and the index of topics, and the pages of its articles.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TagKind } from '../../db/schema.js';
import {
  deleteTag,
  findTag,
  findTagByNameOrSlug,
  listTags,
  mergeTags,
  type TagRow,
  type TagSaveResult,
  updateTag,
} from '../../newsroom/tag-admin.js';
import { isTagKind, slugOfName, type TagDraft, type TagField } from '../../newsroom/tag-check.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import {
  answering,
  BadRequest,
  checkStaffPost,
  requireCan,
  sendStaffPage,
  staffOf,
  staffToken,
} from './guard.js';
import { type Fields, isId, one, pageOf, searchOf } from './params.js';
import { type TagFormData, TagFormPage } from './tags-form-view.js';
import { TAGS_URL, TagsPage, tagAdminUrl } from './tags-view.js';

const PAGE_SIZE = 50;
const LIST_NOTICES = { deleted: 'deleted' } as const;
const TAG_NOTICES = { saved: 'saved', merged: 'merged' } as const;

function kindOf(query: Fields, t: Messages): TagKind | null {
  const raw = one(query, 'kind', t) ?? '';
  if (raw === '') return null;
  if (!isTagKind(raw)) throw new BadRequest(t.tg.badKind);
  return raw;
}

function noticeOf<K extends string>(query: Fields, t: Messages, allowed: Record<K, keyof Messages['tg']>) {
  const done = one(query, 'done', t);
  if (done === undefined) return null;
  if (!Object.hasOwn(allowed, done)) throw new BadRequest(t.tg.badNotice);
  return { kind: 'ok' as const, text: t.tg[allowed[done as K]] as string };
}

function errorTexts(t: Messages, result: Extract<TagSaveResult, { reason: 'invalid' }>) {
  const w = t.tg.errors;
  const e = result.errors;
  const out: Partial<Record<TagField, string>> = {};
  const who = result.other ? ` ${t.tg.takenBy(result.other.name)}` : '';
  if (e.name === 'required') out.name = w.nameRequired;
  else if (e.name === 'too-long') out.name = w.nameTooLong;
  else if (e.name === 'bad-chars') out.name = w.nameBadChars;
  else if (e.name === 'taken') out.name = `${w.nameTaken}${who}`;
  if (e.slug === 'required') out.slug = w.slugRequired;
  else if (e.slug === 'too-long') out.slug = w.slugTooLong;
  else if (e.slug === 'taken') out.slug = `${w.slugTaken}${e.name === 'taken' ? '' : who}`;
  else if (e.slug) out.slug = w.slugInvalid;
  if (e.kind) out.kind = w.kindInvalid;
  return out;
}

const draftOf = (tag: TagRow): TagDraft => ({ name: tag.name, slug: tag.slug, kind: tag.kind });

export function tagsRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const managers = { onRequest: requireCan(deps, 'tags.manage') };

  /** Pages showing these tags and articles, in every process; /temi and topic pages are 'lists'. */
  const changed = (tagIds: number[], articleIds: number[]) =>
    deps.bus.publish({
      type: 'invalidate',
      tags: ['lists', ...tagIds.map((id) => `tag:${id}`), ...articleIds.map((id) => `article:${id}`)],
    });

  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    tag: TagRow,
    form: Partial<Omit<TagFormData, 'tag' | 'csrf' | 'slugExample'>>,
    status = 200,
  ) => {
    const f = buildFrame(deps, tagAdminUrl(tag.id), request);
    const values = form.values ?? draftOf(tag);
    const d: TagFormData = {
      tag,
      values,
      errors: form.errors ?? {},
      slugExample: slugOfName(values.name) || tag.slug,
      merge: form.merge ?? { into: '', error: null },
      deleteError: form.deleteError ?? null,
      csrf: staffToken(deps, request),
      notice: form.notice ?? null,
    };
    return sendStaffPage(reply, <TagFormPage f={f} assets={deps.assets} d={d} />, status);
  };

  /** The tag of the address, or a 404 page (null). */
  const existing = async (request: FastifyRequest, reply: FastifyReply, t: Messages) => {
    const raw = (request.params as { id?: string }).id ?? '';
    const tag = isId(raw) ? await findTag(deps.db, Number(raw)) : null;
    if (!tag) sendError(deps, request, reply, 404, t.tg.missing);
    return tag;
  };

  /** The form's token and fields; null when a 403 page was sent instead. */
  const posted = (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body ?? {}) as Fields;
    const token = checkStaffPost(deps, request, body._csrf);
    if (token === 'invalid') {
      sendError(deps, request, reply, 403);
      return null;
    }
    return { body, expired: token === 'expired' };
  };

  app.get(
    TAGS_URL,
    managers,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, TAGS_URL, request);
      const query = request.query as Fields;
      const notice = noticeOf(query, f.t, LIST_NOTICES);
      const search = searchOf(query, f.t);
      const kind = kindOf(query, f.t);
      const page = pageOf(query, f.t);
      const list = await listTags(deps.db, { search, kind, page, perPage: PAGE_SIZE });
      if (page > list.pages) return sendError(deps, request, reply, 404);
      const d = { list, search, kind, page, notice };
      return sendStaffPage(reply, <TagsPage f={f} assets={deps.assets} d={d} />);
    }),
  );

  app.get(
    `${TAGS_URL}/:id`,
    managers,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, TAGS_URL, request).t;
      const tag = await existing(request, reply, t);
      if (!tag) return reply;
      return show(request, reply, tag, { notice: noticeOf(request.query as Fields, t, TAG_NOTICES) });
    }),
  );

  app.post(
    `${TAGS_URL}/:id`,
    managers,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, TAGS_URL, request).t;
      const tag = await existing(request, reply, t);
      if (!tag) return reply;
      const form = posted(request, reply);
      if (!form) return reply;
      const values: TagDraft = {
        name: one(form.body, 'name', t) ?? '',
        slug: one(form.body, 'slug', t) ?? '',
        kind: one(form.body, 'kind', t) ?? '',
      };
      if (form.expired)
        return show(request, reply, tag, { values, notice: { kind: 'error', text: t.formExpired } }, 403);
      const result = await updateTag(deps.db, tag.id, values, deps.clock.now());
      if (!result.ok) {
        if (result.reason === 'not-found') return sendError(deps, request, reply, 404, t.tg.missing);
        const notice = { kind: 'error' as const, text: t.tg.hasErrors };
        return show(request, reply, tag, { values, errors: errorTexts(t, result), notice }, 400);
      }
      changed([tag.id], result.articleIds);
      deps.log.info(
        { actorId: staffOf(request).id, tagId: tag.id, from: draftOf(tag), to: draftOf(result.tag) },
        'tag changed',
      );
      return reply.redirect(`${tagAdminUrl(tag.id)}?done=saved`, 303);
    }),
  );

  app.post(
    `${TAGS_URL}/:id/merge`,
    managers,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, TAGS_URL, request).t;
      const tag = await existing(request, reply, t);
      if (!tag) return reply;
      const form = posted(request, reply);
      if (!form) return reply;
      const into = (one(form.body, 'into', t) ?? '').trim();
      const refuse = (error: string, status = 400) =>
        show(request, reply, tag, { merge: { into, error } }, status);
      if (form.expired) return refuse(t.formExpired, 403);
      if (into === '') return refuse(t.tg.mergeEmpty);
      if ([...into].length > 200) return refuse(t.tg.mergeUnknown(into.slice(0, 60)));
      if (one(form.body, 'confirm', t) !== '1') return refuse(t.tg.mergeUnconfirmed);
      const target = await findTagByNameOrSlug(deps.db, into);
      if (!target) return refuse(t.tg.mergeUnknown(into));
      const result = await mergeTags(deps.db, tag.id, target.id, deps.clock.now());
      if (!result.ok) {
        if (result.reason === 'not-found') return sendError(deps, request, reply, 404, t.tg.missing);
        return refuse(result.reason === 'same' ? t.tg.mergeSame : t.tg.mergeUnknown(into));
      }
      changed([tag.id, target.id], result.articleIds);
      deps.log.info(
        {
          actorId: staffOf(request).id,
          from: tag.id,
          into: target.id,
          moved: result.moved,
          both: result.collapsed,
        },
        'tags merged',
      );
      return reply.redirect(`${tagAdminUrl(target.id)}?done=merged`, 303);
    }),
  );

  app.post(
    `${TAGS_URL}/:id/delete`,
    managers,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, TAGS_URL, request).t;
      const tag = await existing(request, reply, t);
      if (!tag) return reply;
      const form = posted(request, reply);
      if (!form) return reply;
      if (form.expired) return show(request, reply, tag, { deleteError: t.formExpired }, 403);
      if (one(form.body, 'confirm', t) !== '1')
        return show(request, reply, tag, { deleteError: t.tg.deleteUnconfirmed }, 400);
      const result = await deleteTag(deps.db, tag.id);
      if (!result.ok) return sendError(deps, request, reply, 404, t.tg.missing);
      changed([tag.id], result.articleIds);
      deps.log.info({ actorId: staffOf(request).id, tagId: tag.id, name: result.name }, 'tag deleted');
      return reply.redirect(`${TAGS_URL}?done=deleted`, 303);
    }),
  );
}
