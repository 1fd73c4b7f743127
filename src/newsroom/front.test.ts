import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../content/types.js';
import { arrangeFront, FRONT_LATEST, FRONT_TOP } from './front.js';

const article = (id: number): ArticleSummary => ({
  id,
  slug: `a-${id}`,
  title: `Статия ${id}`,
  lead: '',
  publishedAt: id,
  commentCount: 0,
  breaking: false,
  category: { id: 1, slug: 'svyat', name: 'Свят' },
  cover: null,
});

// Newest first: 30, 29, … 11.
const newest = Array.from({ length: 20 }, (_, i) => article(30 - i));
const ids = (list: ArticleSummary[]) => list.map((a) => a.id);

describe('arrangeFront', () => {
  it('without slots is the newest, then the next four, then eight headlines', () => {
    const front = arrangeFront([], newest);
    expect(front.lead?.id).toBe(30);
    expect(ids(front.top)).toEqual([29, 28, 27, 26]);
    expect(ids(front.latest)).toEqual([25, 24, 23, 22, 21, 20, 19, 18]);
    expect(front.top).toHaveLength(FRONT_TOP);
    expect(front.latest).toHaveLength(FRONT_LATEST);
  });

  it('puts the curated lead first and the curated top in slot order, then the newest not shown', () => {
    const front = arrangeFront(
      [
        { slot: 0, article: article(5) },
        { slot: 1, article: article(28) },
        { slot: 3, article: article(7) },
      ],
      newest,
    );
    expect(front.lead?.id).toBe(5);
    expect(ids(front.top)).toEqual([28, 7, 30, 29]);
    expect(ids(front.latest)).toEqual([27, 26, 25, 24, 23, 22, 21, 20]);
  });

  it('without a curated lead the newest not in a top slot leads', () => {
    const front = arrangeFront([{ slot: 2, article: article(30) }], newest);
    expect(front.lead?.id).toBe(29);
    expect(ids(front.top)).toEqual([30, 28, 27, 26]);
  });

  it('shows all six curated top stories and never one article twice', () => {
    const slots = [1, 2, 3, 4, 5, 6].map((slot) => ({ slot, article: article(slot) }));
    const front = arrangeFront(
      [...slots, { slot: 0, article: article(1) }].sort((a, b) => a.slot - b.slot),
      newest,
    );
    expect(front.lead?.id).toBe(1);
    expect(ids(front.top)).toEqual([2, 3, 4, 5, 6]);
    const all = [front.lead?.id, ...ids(front.top), ...ids(front.latest)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('copes with an empty site', () => {
    expect(arrangeFront([], [])).toEqual({ lead: null, top: [], latest: [] });
  });
});
