// What an admin may type into a section's form, checked field by field. Pure: the checks that need
// the database (a taken slug, a parent that would make a cycle) are in category-admin.ts.
import { slugify } from '../text/slug.js';
import { RESERVED_SLUGS } from './categories.js';
import { CLOSE_DAYS, parseCommentRules } from './comment-rules.js';
import type { CommentRules } from './types.js';

/** The form as typed: every field a string, '' meaning "not given" (or "inherit" for the policy). */
export interface CategoryDraft {
  name: string;
  slug: string;
  parent: string;
  description: string;
  position: string;
  who: string;
  moderation: string;
  closeDays: string;
}

export type CategoryField = keyof CategoryDraft;

export type CategoryProblem =
  | 'required'
  | 'too-long'
  | 'invalid'
  | 'reserved'
  | 'taken'
  | 'missing'
  | 'cycle'
  | 'choice'
  | 'range';

export type CategoryErrors = Partial<Record<CategoryField, CategoryProblem>>;

/** A checked draft; position null means "after the last one". */
export interface CategoryValues {
  name: string;
  slug: string;
  parentId: number | null;
  description: string;
  position: number | null;
  commentRules: CommentRules;
}

export const CATEGORY_LIMITS = {
  name: 60,
  slug: 60,
  description: 500,
  position: 9999,
  closeDays: CLOSE_DAYS.max,
} as const;

const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const length = (s: string) => [...s].length;

/**
 * The slug the draft asks for: the typed one, or one made from the name, in the site's style
 * (a typed Cyrillic slug on a Latin site is transliterated too, so the two never mix).
 */
export function draftSlug(draft: Pick<CategoryDraft, 'name' | 'slug'>, style: 'latin' | 'cyrillic'): string {
  const typed = clean(draft.slug);
  return slugify(typed === '' ? clean(draft.name) : typed, { style, maxLength: CATEGORY_LIMITS.slug });
}

function wholeNumber(raw: string, min: number, max: number): number | 'bad' {
  if (!/^[0-9]{1,6}$/.test(raw)) return 'bad';
  const n = Number(raw);
  return n < min || n > max ? 'bad' : n;
}

export function checkCategoryDraft(
  draft: CategoryDraft,
  style: 'latin' | 'cyrillic',
): { ok: true; values: CategoryValues } | { ok: false; errors: CategoryErrors } {
  const errors: CategoryErrors = {};
  const name = clean(draft.name);
  if (name === '') errors.name = 'required';
  else if (length(name) > CATEGORY_LIMITS.name) errors.name = 'too-long';

  const slug = draftSlug(draft, style);
  if (length(clean(draft.slug)) > 200) errors.slug = 'too-long';
  else if (slug === '') {
    // Nothing usable typed in the slug field, or a name without a letter or digit.
    if (clean(draft.slug) !== '') errors.slug = 'invalid';
    else if (!errors.name) errors.name = 'invalid';
  } else if (RESERVED_SLUGS.has(slug)) errors.slug = 'reserved';

  let parentId: number | null = null;
  const parent = draft.parent.trim();
  if (parent !== '') {
    if (!/^[1-9][0-9]{0,9}$/.test(parent) || Number(parent) > 2_147_483_647) errors.parent = 'missing';
    else parentId = Number(parent);
  }

  const description = draft.description.normalize('NFC').trim();
  if (length(description) > CATEGORY_LIMITS.description) errors.description = 'too-long';

  let position: number | null = null;
  if (draft.position.trim() !== '') {
    const n = wholeNumber(draft.position.trim(), 0, CATEGORY_LIMITS.position);
    if (n === 'bad') errors.position = 'range';
    else position = n;
  }

  const policy = parseCommentRules(draft);
  if (policy.errors.who) errors.who = 'choice';
  if (policy.errors.moderation) errors.moderation = 'choice';
  if (policy.errors.closeDays) errors.closeDays = 'range';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      name,
      slug,
      parentId,
      description,
      position,
      commentRules: policy.rules,
    },
  };
}
