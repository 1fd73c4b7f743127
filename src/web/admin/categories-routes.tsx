// Sections, for admins: the tree, a new one, changes, deletion. Every change reloads the section
// directory and drops every cached page (the menu on each lists the sections) in every process.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withDescendants } from '../../content/categories.js';
import {
  type CategoryTreeRow,
  categoryTree,
  createSection,
  deleteSection,
  type SaveResult,
  updateSection,
} from '../../content/category-admin.js';
import { type CategoryDraft, type CategoryField, draftSlug } from '../../content/category-check.js';
import type { Category } from '../../content/types.js';
import { plural } from '../../text/numbers.js';
import { slugify } from '../../text/slug.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { buildFrame } from '../site/respond.js';
import { sendError } from '../site/routes/errors.js';
import { type CategoryFormData, CategoryFormPage } from './categories-form-view.js';
import { CATEGORIES_URL, CategoriesPage, categoryUrl, NEW_CATEGORY_URL } from './categories-view.js';
import {
  answering,
  BadRequest,
  checkStaffPost,
  requireCan,
  sendStaffPage,
  staffOf,
  staffToken,
} from './guard.js';
import { type Fields, isId, one } from './params.js';

const FIELDS: readonly CategoryField[] = [
  'name',
  'slug',
  'parent',
  'description',
  'position',
  'who',
  'moderation',
  'closeDays',
];

const BLANK: CategoryDraft = {
  name: '',
  slug: '',
  parent: '',
  description: '',
  position: '',
  who: '',
  moderation: '',
  closeDays: '',
};

const DONE = { created: 'doneCreated', saved: 'doneCategorySaved', deleted: 'doneDeleted' } as const;

function draftOf(c: Category): CategoryDraft {
  return {
    name: c.name,
    slug: c.slug,
    parent: c.parentId === null ? '' : String(c.parentId),
    description: c.description,
    position: String(c.position),
    who: c.commentRules.who ?? '',
    moderation: c.commentRules.moderation ?? '',
    closeDays: c.commentRules.closeDays === null ? '' : String(c.commentRules.closeDays),
  };
}

function readDraft(body: Fields, t: Messages): CategoryDraft {
  const draft = {} as CategoryDraft;
  for (const name of FIELDS) draft[name] = one(body, name, t) ?? '';
  return draft;
}

function errorTexts(
  t: Messages,
  result: Extract<SaveResult, { reason: 'invalid' }>,
  tried: string,
): Partial<Record<CategoryField, string>> {
  const w = t.staff.categoryErrors;
  const out: Partial<Record<CategoryField, string>> = {};
  const e = result.errors;
  const suggest = result.suggestion ? ` ${w.suggestion(result.suggestion)}` : '';
  if (e.name) out.name = w.name[e.name as keyof typeof w.name] ?? w.name.invalid;
  if (e.slug === 'taken') out.slug = `${w.slugTaken(tried)}${suggest}`;
  else if (e.slug === 'reserved') out.slug = `${w.slugReserved(tried)}${suggest}`;
  else if (e.slug === 'too-long') out.slug = w.slugTooLong;
  else if (e.slug) out.slug = w.slugInvalid;
  if (e.parent) out.parent = e.parent === 'cycle' ? w.parentCycle : w.parentMissing;
  if (e.description) out.description = w.descriptionTooLong;
  if (e.position) out.position = w.position;
  if (e.who) out.who = w.choice;
  if (e.moderation) out.moderation = w.choice;
  if (e.closeDays) out.closeDays = w.closeDays;
  return out;
}

/** Parents to offer: every section but this one and its subsections, indented by depth. */
function parentOptions(tree: CategoryTreeRow[], all: Category[], selfId: number | null): [number, string][] {
  const excluded = new Set(selfId === null ? [] : withDescendants(all, selfId));
  return tree.filter((c) => !excluded.has(c.id)).map((c) => [c.id, `${'— '.repeat(c.depth)}${c.name}`]);
}

export function categoriesRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const admins = { onRequest: requireCan(deps, 'categories.manage') };
  const style = () => deps.newsroomSettings.get().slugStyle;

  /** The directory first (so this process's next page has it), then every cache everywhere. */
  async function changed(): Promise<void> {
    await deps.categories.load();
    deps.bus.publish({ type: 'invalidate', tags: ['categories', 'lists', 'home'] });
  }

  function idOf(request: FastifyRequest, t: Messages): number {
    const raw = (request.params as { id?: string }).id ?? '';
    if (!isId(raw)) throw new BadRequest(t.staff.badId);
    return Number(raw);
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    existing: Category | null,
    form: Partial<Pick<CategoryFormData, 'values' | 'errors' | 'notice' | 'deleteError'>>,
    status = 200,
  ) {
    const f = buildFrame(deps, existing ? categoryUrl(existing.id) : NEW_CATEGORY_URL, request);
    const tree = await categoryTree(deps.db);
    const values = form.values ?? (existing ? draftOf(existing) : BLANK);
    const d: CategoryFormData = {
      existing: existing ? { id: existing.id, name: existing.name } : null,
      values,
      errors: form.errors ?? {},
      parents: parentOptions(tree, tree, existing?.id ?? null),
      slugExample: slugify(values.name || f.t.staff.sampleTitle, { style: style(), maxLength: 60 }),
      csrf: staffToken(deps, request),
      notice: form.notice ?? null,
      deleteError: form.deleteError ?? null,
    };
    return sendStaffPage(reply, <CategoryFormPage f={f} assets={deps.assets} d={d} />, status);
  }

  async function existingOr404(request: FastifyRequest, reply: FastifyReply, t: Messages) {
    const id = idOf(request, t);
    const found = (await categoryTree(deps.db)).find((c) => c.id === id) ?? null;
    if (!found) sendError(deps, request, reply, 404, t.staff.categoryMissing);
    return found;
  }

  app.get(
    CATEGORIES_URL,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, CATEGORIES_URL, request);
      const done = one(request.query as Fields, 'done', f.t);
      if (done !== undefined && !Object.hasOwn(DONE, done)) throw new BadRequest(f.t.staff.badQuery('done'));
      const notice = done ? { kind: 'ok' as const, text: f.t.staff[DONE[done as keyof typeof DONE]] } : null;
      const tree = await categoryTree(deps.db);
      return sendStaffPage(reply, <CategoriesPage f={f} assets={deps.assets} tree={tree} notice={notice} />);
    }),
  );

  app.get(
    NEW_CATEGORY_URL,
    admins,
    answering(deps, async (request, reply) => showForm(request, reply, null, {})),
  );

  app.get(
    `${CATEGORIES_URL}/:id`,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, CATEGORIES_URL, request).t;
      const found = await existingOr404(request, reply, t);
      if (!found) return reply;
      return showForm(request, reply, found, {});
    }),
  );

  /** Creating (no id) and saving (an id) answer the same way. */
  async function save(request: FastifyRequest, reply: FastifyReply, existing: Category | null) {
    const t = buildFrame(deps, CATEGORIES_URL, request).t;
    const body = (request.body ?? {}) as Fields;
    const token = checkStaffPost(deps, request, body._csrf);
    if (token === 'invalid') return sendError(deps, request, reply, 403);
    const draft = readDraft(body, t);
    if (token === 'expired')
      return showForm(
        request,
        reply,
        existing,
        { values: draft, notice: { kind: 'error', text: t.formExpired } },
        403,
      );
    const result = existing
      ? await updateSection(deps.db, existing.id, draft, style())
      : await createSection(deps.db, draft, style(), deps.clock.now());
    if (!result.ok) {
      if (result.reason === 'not-found') return sendError(deps, request, reply, 404, t.staff.categoryMissing);
      const errors = errorTexts(t, result, draftSlug(draft, style()));
      const notice = { kind: 'error' as const, text: t.staff.hasErrors };
      return showForm(request, reply, existing, { values: draft, errors, notice }, 422);
    }
    await changed();
    deps.log.info(
      { actorId: staffOf(request).id, categoryId: result.id, slug: result.slug },
      existing ? 'section changed' : 'section created',
    );
    return reply.redirect(`${CATEGORIES_URL}?done=${existing ? 'saved' : 'created'}`, 303);
  }

  app.post(
    CATEGORIES_URL,
    admins,
    answering(deps, async (request, reply) => save(request, reply, null)),
  );

  app.post(
    `${CATEGORIES_URL}/:id`,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const t = buildFrame(deps, CATEGORIES_URL, request).t;
      const found = await existingOr404(request, reply, t);
      if (!found) return reply;
      return save(request, reply, found);
    }),
  );

  app.post(
    `${CATEGORIES_URL}/:id/delete`,
    admins,
    answering(deps, async (request: FastifyRequest, reply: FastifyReply) => {
      const f = buildFrame(deps, CATEGORIES_URL, request);
      const t = f.t;
      const found = await existingOr404(request, reply, t);
      if (!found) return reply;
      const body = (request.body ?? {}) as Fields;
      const token = checkStaffPost(deps, request, body._csrf);
      if (token === 'invalid') return sendError(deps, request, reply, 403);
      if (token === 'expired') return showForm(request, reply, found, { deleteError: t.formExpired }, 403);
      const confirm = one(body, 'confirm', t);
      if (confirm !== '1')
        return showForm(request, reply, found, { deleteError: t.staff.deleteUnconfirmed }, 422);
      const result = await deleteSection(deps.db, found.id);
      if (!result.ok) {
        if (result.reason === 'not-found')
          return sendError(deps, request, reply, 404, t.staff.categoryMissing);
        const deleteError =
          result.reason === 'has-articles'
            ? t.staff.deleteHasArticles(plural(result.count, t.articleForms, f.locale))
            : t.staff.deleteHasChildren(plural(result.count, t.staff.subcategoryForms, f.locale));
        return showForm(request, reply, found, { deleteError }, 409);
      }
      await changed();
      deps.log.info(
        { actorId: staffOf(request).id, categoryId: found.id, slug: found.slug },
        'section deleted',
      );
      return reply.redirect(`${CATEGORIES_URL}?done=deleted`, 303);
    }),
  );
}
