import { describe, expect, it } from 'vitest';
import { diffSnapshots, diffText } from './diff.js';
import type { Snapshot } from './snapshot.js';

const base: Snapshot = {
  title: 'Министърът каза днес, че бюджетът е готов',
  slug: 'ministarat-kaza',
  lead: '',
  bodyHtml: '<p>Първи абзац.</p><p>Втори абзац с <strong>важни</strong> думи.</p>',
  categoryId: 1,
  categoryName: 'България',
  tags: ['Бюджет', 'Финанси'],
  authors: [{ id: 1, name: 'Мария Иванова' }],
  coverMediaId: null,
  seoTitle: '',
  seoDescription: '',
  commentsWho: null,
  commentsModeration: null,
  commentsCloseDays: null,
  breaking: false,
  status: 'draft',
  scheduledAt: null,
};

describe('word-level diff', () => {
  it('compares whole Bulgarian words, not letters', () => {
    const parts = diffText('Министърът каза днес, че', 'Министърът заяви вчера, че');
    expect(parts.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['каза днес']);
    expect(parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['заяви вчера']);
  });

  it('lists changed fields, tags as items and the body as text', () => {
    const after: Snapshot = {
      ...base,
      title: 'Министърът заяви, че бюджетът е готов',
      tags: ['Бюджет', 'Парламент'],
      categoryName: 'Икономика',
      bodyHtml: '<p>Първи абзац.</p><p>Втори абзац с <strong>нови</strong> думи.</p>',
    };
    const { fields, changed } = diffSnapshots(base, after);
    expect(changed.sort()).toEqual(['body', 'category', 'tags', 'title']);
    const tags = fields.find((f) => f.field === 'tags')?.parts;
    expect(tags).toEqual([
      { text: 'Бюджет', change: 'same' },
      { text: 'Финанси', change: 'removed' },
      { text: 'Парламент', change: 'added' },
    ]);
    const body = fields.find((f) => f.field === 'body')?.parts ?? [];
    expect(body.find((p) => p.change === 'removed')?.text).toBe('важни');
  });

  it('notices a markup-only change of the body', () => {
    const after = { ...base, bodyHtml: base.bodyHtml.replace('<strong>важни</strong>', '<em>важни</em>') };
    expect(diffSnapshots(base, after).changed).toEqual(['body']);
    expect(diffSnapshots(base, base).changed).toEqual([]);
  });
});
