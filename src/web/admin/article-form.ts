// Reading the article editor's form: the draft, the version it was based on, what the person
// asked for (save, or a workflow step) and the publication time in the site's time zone.
import { isWorkflowAction, type WorkflowAction } from '../../newsroom/rights.js';
import type { TagAdditions } from '../../newsroom/tag-spotting.js';
import type { ArticleDraft, DraftErrors, DraftField } from '../../newsroom/types.js';
import { type FormFields, parseDraft } from '../../newsroom/validate.js';
import { zonedTimeToEpoch } from '../../text/dates.js';
import type { Messages } from '../i18n.js';
import { BadRequest } from './guard.js';
import { isId } from './params.js';

export type Intent = 'save' | WorkflowAction;

export interface ArticleForm {
  /** The draft carries the offered tags ticked in the side column (add_tags), merged on save. */
  parsed: ReturnType<typeof parseDraft> & { draft: TagAdditions };
  version: number | null;
  intent: Intent;
  /** null: no time given; 'bad': a time that does not parse. */
  publishAt: number | null | 'bad';
  /** The publication time as typed, to show again. */
  publishAtText: string;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-11-25T14:30" or "…T14:30:15" (datetime-local) read as Sofia (or the site's) wall-clock time. */
export function parseLocalDateTime(raw: string, timeZone: string): number | null | 'bad' {
  const s = raw.trim();
  if (s === '') return null;
  const m = DATETIME.exec(s);
  if (!m) return 'bad';
  const [y, mo, d, h, mi, sec = 0] = m.slice(1).map((x) => Number(x ?? 0)) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number?,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 || y < 2000 || y > 2999)
    return 'bad';
  // 31 February and the like: the calendar must give the same day back.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return 'bad';
  // Seconds are optional (a browser sends them when the field's step allows).
  return zonedTimeToEpoch(y, mo, d, h, mi, timeZone) + sec * 1000;
}

export function readArticleForm(body: unknown, t: Messages, timeZone: string): ArticleForm {
  if (typeof body !== 'object' || body === null) throw new BadRequest(t.badRequestText);
  const fields = body as FormFields;
  for (const [name, value] of Object.entries(fields)) {
    // Only the author picker and the offered tags may repeat; a repeated text field is a forged form.
    if (Array.isArray(value) && name !== 'author_ids' && name !== 'add_tags')
      throw new BadRequest(t.desk.badParam(name));
  }
  const rawVersion = typeof fields.version === 'string' ? fields.version : '';
  const version = /^[1-9][0-9]{0,9}$/.test(rawVersion) ? Number(rawVersion) : null;
  const rawIntent = typeof fields.intent === 'string' ? fields.intent : 'save';
  if (rawIntent !== 'save' && !isWorkflowAction(rawIntent)) throw new BadRequest(t.desk.badParam('intent'));
  const publishAtText = typeof fields.publish_at === 'string' ? fields.publish_at : '';
  const parsed = parseDraft(fields);
  return {
    parsed: { ...parsed, draft: { ...parsed.draft, addTagIds: addedTagIds(fields.add_tags, t) } },
    version,
    intent: rawIntent,
    publishAt: parseLocalDateTime(publishAtText, timeZone),
    publishAtText,
  };
}

/** The most offered tags one save can take: the side column offers at most a dozen. */
const MAX_ADDED_TAGS = 50;

/** The ids of the offered tags ticked; anything but a list of ids is a forged form. */
function addedTagIds(raw: string | string[] | undefined, t: Messages): number[] {
  const values = raw === undefined ? [] : [raw].flat();
  if (values.length > MAX_ADDED_TAGS || !values.every(isId))
    throw new BadRequest(t.desk.badParam('add_tags'));
  return [...new Set(values.map(Number))];
}

/** The messages to show beside each field. */
export function draftErrorTexts(t: Messages, errors: DraftErrors, slugSuggestion?: string) {
  const out: Partial<Record<DraftField, string>> = {};
  for (const [field, code] of Object.entries(errors) as [
    DraftField,
    NonNullable<DraftErrors[DraftField]>,
  ][]) {
    out[field] = t.nr.errors[code];
  }
  if (slugSuggestion && out.slug) out.slug = `${out.slug} ${t.nr.slugSuggestion(slugSuggestion)}`;
  return out;
}

/** An empty form for a new article in the first section. */
export function blankDraft(categoryId: number): ArticleDraft {
  return {
    title: '',
    slug: '',
    lead: '',
    bodyHtml: '',
    categoryId,
    tags: [],
    authorIds: [],
    coverMediaId: null,
    seoTitle: '',
    seoDescription: '',
    commentsWho: null,
    commentsModeration: null,
    commentsCloseDays: null,
    breaking: false,
  };
}

/** A datetime-local value ("2026-11-25T14:30") of an instant in the site's time zone. */
export function localInputValue(t: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
