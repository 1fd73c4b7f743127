// What the editor page needs besides the article: sections, bylines, the cover's thumbnail, the
// workflow steps open to this person, and the refresh of public pages after a change.
import type { FastifyRequest } from 'fastify';
import { listAuthors } from '../../newsroom/desk-articles.js';
import { allowedActions, canEdit } from '../../newsroom/rights.js';
import { type SpottedTag, spotTags, type TagAdditions } from '../../newsroom/tag-spotting.js';
import type { Actor, ArticleDraft, DeskArticle } from '../../newsroom/types.js';
import { jsonForScript } from '../../text/escape.js';
import { editorClientStrings } from '../i18n/editor.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { localInputValue } from './article-form.js';
import type { EditorPageData } from './article-page-data.js';
import { staffToken } from './guard.js';

export function actorOf(request: FastifyRequest): Actor {
  const v = request.viewer;
  if (!v) throw new Error('staff route without requireCan');
  return { id: v.id, role: v.role, displayName: v.displayName };
}

export async function coverThumb(deps: SiteDeps, id: number | null) {
  if (id === null) return null;
  const item = await deps.media.get(id);
  return item ? { thumbUrl: item.thumbUrl, alt: item.alt } : null;
}

export async function editorData(
  deps: SiteDeps,
  request: FastifyRequest,
  t: Messages,
  article: DeskArticle | null,
  values: ArticleDraft,
  extra: Partial<EditorPageData> = {},
): Promise<EditorPageData> {
  const actor = actorOf(request);
  const owned = article ?? { ownerId: actor.id, status: 'draft' as const };
  const editable = canEdit(actor, owned);
  const ticked = (values as ArticleDraft & TagAdditions).addTagIds ?? [];
  return {
    article,
    values,
    version: article?.version ?? null,
    errors: {},
    notice: null,
    csrf: staffToken(deps, request),
    categories: deps.categories.all,
    authors: await listAuthors(deps.db),
    cover: await coverThumb(deps, values.coverMediaId),
    actions: allowedActions(actor, owned),
    editable,
    publishAtText: article?.scheduledAt ? localInputValue(article.scheduledAt, deps.config.timeZone) : '',
    previewUrl: article?.previewKey ? `/preview/${article.previewKey}` : null,
    conflict: null,
    clientStrings: jsonForScript(editorClientStrings(t.ed)),
    suggestedTags: article && editable ? await suggestedTags(deps, values) : [],
    addTagIds: ticked,
    ...extra,
  };
}

/** Offers for an article the person may change: tags named in its text that the tags field lacks. */
function suggestedTags(deps: SiteDeps, values: ArticleDraft): Promise<SpottedTag[]> {
  return spotTags(deps.db, values, { excludeNames: values.tags });
}

/**
 * After a public change: drop cached pages that show the article, refresh the rankings, and tell
 * the listeners (webhooks) what happened.
 */
export function announce(deps: SiteDeps, id: number, change: 'published' | 'updated' | 'unpublished'): void {
  deps.bus.publish({ type: 'invalidate', tags: ['lists', 'home', `article:${id}`] });
  deps.bus.publish({ type: 'rankings-stale', reason: 'publish' });
  deps.events.emit({ type: `article.${change}`, articleId: id });
}
