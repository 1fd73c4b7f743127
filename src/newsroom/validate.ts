// Reads the editor form's fields into an ArticleDraft. Pure: lengths, shapes and enumerations are
// checked here; whether a category, author or image exists is checked against the database on save.
import { parseCommentRules } from '../content/comment-rules.js';
import type { ArticleDraft, DraftErrors } from './types.js';

export const LIMITS = {
  title: 200,
  slug: 120,
  lead: 600,
  /** Characters of HTML; a long investigation with many figures fits easily. */
  body: 400_000,
  seoTitle: 120,
  seoDescription: 320,
  tags: 20,
  tag: 60,
  authors: 10,
} as const;

export type FormFields = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());
const ID = /^[1-9][0-9]{0,9}$/;
/** A slug typed by hand: lower-case letters (Latin or Cyrillic), digits and single hyphens. */
const SLUG = /^[\p{Ll}\p{Lo}\p{M}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{Nd}]+)*$/u;

const clean = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n');
const line = (s: string) =>
  clean(s)
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();

/** Comma- or newline-separated tag names, trimmed, without duplicates (case-insensitive). */
export function splitTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(/[,\n;]/)) {
    const name = line(part);
    if (name === '' || seen.has(name.toLocaleLowerCase('bg'))) continue;
    seen.add(name.toLocaleLowerCase('bg'));
    out.push(name);
  }
  return out;
}

export function parseDraft(
  fields: FormFields,
): { ok: true; draft: ArticleDraft } | { ok: false; errors: DraftErrors; draft: ArticleDraft } {
  const errors: DraftErrors = {};
  const title = line(first(fields.title));
  if (title === '') errors.title = 'required';
  else if (title.length > LIMITS.title) errors.title = 'too-long';

  const slug = line(first(fields.slug)).normalize('NFC');
  if (slug.length > LIMITS.slug) errors.slug = 'too-long';
  else if (slug !== '' && !SLUG.test(slug)) errors.slug = 'bad-slug';

  const lead = line(first(fields.lead));
  if (lead.length > LIMITS.lead) errors.lead = 'too-long';

  const bodyHtml = clean(first(fields.body_html));
  if (bodyHtml.length > LIMITS.body) errors.bodyHtml = 'too-long';

  const rawCategory = first(fields.category_id);
  const categoryId = ID.test(rawCategory) ? Number(rawCategory) : 0;
  if (categoryId === 0) errors.categoryId = rawCategory === '' ? 'required' : 'bad-value';

  const tags = splitTags(first(fields.tags));
  if (tags.length > LIMITS.tags) errors.tags = 'too-many';
  else if (tags.some((t) => t.length > LIMITS.tag)) errors.tags = 'too-long';

  const rawAuthors = all(fields.author_ids).filter((a) => a !== '');
  const authorIds = [...new Set(rawAuthors.filter((a) => ID.test(a)).map(Number))];
  if (rawAuthors.some((a) => !ID.test(a))) errors.authorIds = 'bad-value';
  else if (authorIds.length > LIMITS.authors) errors.authorIds = 'too-many';

  const rawCover = first(fields.cover_media_id);
  const coverMediaId = ID.test(rawCover) ? Number(rawCover) : null;
  if (rawCover !== '' && coverMediaId === null) errors.coverMediaId = 'bad-value';

  const seoTitle = line(first(fields.seo_title));
  if (seoTitle.length > LIMITS.seoTitle) errors.seoTitle = 'too-long';
  const seoDescription = line(first(fields.seo_description));
  if (seoDescription.length > LIMITS.seoDescription) errors.seoDescription = 'too-long';

  const policy = parseCommentRules({
    who: first(fields.comments_who),
    moderation: first(fields.comments_moderation),
    closeDays: first(fields.comments_close_days),
  });
  if (policy.errors.who) errors.commentsWho = 'bad-value';
  if (policy.errors.moderation) errors.commentsModeration = 'bad-value';
  if (policy.errors.closeDays) errors.commentsCloseDays = 'bad-value';

  const rawBreaking = first(fields.breaking);
  if (rawBreaking !== '' && rawBreaking !== '1' && rawBreaking !== 'on') errors.breaking = 'bad-value';

  const draft: ArticleDraft = {
    title,
    slug,
    lead,
    bodyHtml,
    categoryId,
    tags,
    authorIds,
    coverMediaId,
    seoTitle,
    seoDescription,
    commentsWho: policy.rules.who,
    commentsModeration: policy.rules.moderation,
    commentsCloseDays: policy.rules.closeDays,
    breaking: rawBreaking === '1' || rawBreaking === 'on',
  };
  return Object.keys(errors).length === 0 ? { ok: true, draft } : { ok: false, errors, draft };
}
