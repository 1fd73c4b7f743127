// A word-level difference between two snapshots, field by field. Words are split by Intl.Segmenter
// for Bulgarian: jsdiff's default word pattern knows only Latin letters and cuts Cyrillic words apart.
import { diffArrays, diffWords } from 'diff';
import { htmlToText } from '../text/sanitize.js';
import type { Snapshot } from './snapshot.js';

export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface FieldDiff {
  field: DiffField;
  parts: DiffPart[];
}

export type DiffField =
  | 'title'
  | 'slug'
  | 'lead'
  | 'body'
  | 'category'
  | 'tags'
  | 'authors'
  | 'cover'
  | 'seoTitle'
  | 'seoDescription'
  | 'comments'
  | 'breaking';

const segmenter = new Intl.Segmenter('bg', { granularity: 'word' });

export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ text: before, change: 'same' }];
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({
    text: c.value,
    change: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
}

function diffList(before: string[], after: string[]): DiffPart[] {
  return diffArrays(before, after).flatMap((c) =>
    c.value.map((v) => ({
      text: v,
      change: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const),
    })),
  );
}

const policy = (s: Snapshot) =>
  [
    s.commentsWho ?? '—',
    s.commentsModeration ?? '—',
    s.commentsCloseDays === null ? '—' : String(s.commentsCloseDays),
  ].join(' / ');

/** Every field, in the editor's order; `changed` tells whether anything differs. */
export function diffSnapshots(a: Snapshot, b: Snapshot): { fields: FieldDiff[]; changed: DiffField[] } {
  const fields: FieldDiff[] = [
    { field: 'title', parts: diffText(a.title, b.title) },
    { field: 'slug', parts: diffText(a.slug, b.slug) },
    { field: 'lead', parts: diffText(a.lead, b.lead) },
    // Readers see text, not markup: the body is compared as its text, paragraph by paragraph.
    { field: 'body', parts: diffText(htmlToText(a.bodyHtml), htmlToText(b.bodyHtml)) },
    { field: 'category', parts: diffText(a.categoryName, b.categoryName) },
    { field: 'tags', parts: diffList(a.tags, b.tags) },
    {
      field: 'authors',
      parts: diffList(
        a.authors.map((x) => x.name),
        b.authors.map((x) => x.name),
      ),
    },
    {
      field: 'cover',
      parts: diffText(
        a.coverMediaId === null ? '' : `#${a.coverMediaId}`,
        b.coverMediaId === null ? '' : `#${b.coverMediaId}`,
      ),
    },
    { field: 'seoTitle', parts: diffText(a.seoTitle, b.seoTitle) },
    { field: 'seoDescription', parts: diffText(a.seoDescription, b.seoDescription) },
    { field: 'comments', parts: diffText(policy(a), policy(b)) },
    { field: 'breaking', parts: diffText(a.breaking ? '✓' : '', b.breaking ? '✓' : '') },
  ];
  const changed = fields.filter((f) => f.parts.some((p) => p.change !== 'same')).map((f) => f.field);
  // Body markup can change while the text stays (a link, a bold word): still a change.
  if (a.bodyHtml !== b.bodyHtml && !changed.includes('body')) changed.push('body');
  return { fields, changed };
}
