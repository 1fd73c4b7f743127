// A tag's fields as the tag manager types them, checked without the database: name, slug, kind.
// Whether the name or slug is another tag's is checked on save (tag-admin.ts).
import type { TagKind } from '../db/schema.js';
import { slugify } from '../text/slug.js';
import { LIMITS } from './validate.js';

export const TAG_KINDS: readonly TagKind[] = ['person', 'place', 'organisation', 'topic'];

export function isTagKind(s: string): s is TagKind {
  return (TAG_KINDS as readonly string[]).includes(s);
}

export interface TagDraft {
  name: string;
  slug: string;
  kind: string;
}

export interface TagValues {
  name: string;
  slug: string;
  kind: TagKind;
}

export type TagField = keyof TagDraft;
export type TagError = 'required' | 'too-long' | 'bad-chars' | 'taken' | 'invalid';
export type TagErrors = Partial<Record<TagField, TagError>>;

/** Same limits as a name typed in the editor's tags field. */
export const TAG_LIMITS = { name: LIMITS.tag, slug: LIMITS.slug } as const;

/** A slug typed by hand: lower-case letters (Latin or Cyrillic), digits and single hyphens. */
const SLUG = /^[\p{Ll}\p{Lo}\p{M}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{Nd}]+)*$/u;
/** The editor's tags field splits names on these (newsroom/validate.ts): a name cannot hold one. */
const SEPARATORS = /[,;\n]/;

const line = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();

/** The slug a name gets when none is typed: Latin first, as new tags get it in the editor. */
export function slugOfName(name: string): string {
  return slugify(name) || slugify(name, { style: 'cyrillic' });
}

export function checkTagDraft(
  draft: TagDraft,
): { ok: true; values: TagValues } | { ok: false; errors: TagErrors } {
  const errors: TagErrors = {};
  const name = line(draft.name);
  if (name === '') errors.name = 'required';
  else if ([...name].length > TAG_LIMITS.name) errors.name = 'too-long';
  else if (SEPARATORS.test(draft.name)) errors.name = 'bad-chars';

  const typed = draft.slug.normalize('NFC').trim();
  let slug = typed;
  if ([...typed].length > TAG_LIMITS.slug) errors.slug = 'too-long';
  else if (typed !== '' && !SLUG.test(typed)) errors.slug = 'invalid';
  else if (typed === '' && name !== '') {
    slug = slugOfName(name);
    // A name of punctuation alone gives no address.
    if (slug === '') errors.slug = 'required';
  }

  if (!isTagKind(draft.kind)) errors.kind = 'invalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { name, slug, kind: draft.kind as TagKind } };
}
