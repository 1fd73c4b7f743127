import { describe, expect, it } from 'vitest';
import { categoryFacet, facetLexemes, monthFacet, recentFacet } from './facets.js';

describe('search facets', () => {
  it('names a document’s id bucket, section and UTC month', () => {
    // 31 March 2026, 22:30 UTC is already 1 April in Sofia: the facet month is UTC's, and the
    // query side counts months the same way.
    expect(
      facetLexemes({ articleId: 12_345, categoryId: 7, publishedAt: Date.UTC(2026, 2, 31, 22, 30) }),
    ).toEqual(['#r12', '#c7', '#m202603']);
  });

  it('covers every month a date range touches, in UTC', () => {
    // 1–30 April in Sofia starts on 31 March UTC.
    expect(monthFacet(Date.UTC(2026, 2, 31, 21), Date.UTC(2026, 3, 30, 21))).toBe(
      "('#m202603' | '#m202604')",
    );
    expect(monthFacet(Date.UTC(2025, 11, 30), Date.UTC(2026, 0, 2))).toBe("('#m202512' | '#m202601')");
    // An end bound exactly on a month's first millisecond does not take that month in.
    expect(monthFacet(Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1))).toBe("('#m202601')");
  });

  it('gives up on open and very wide ranges, where the row check alone is better', () => {
    expect(monthFacet(undefined, Date.UTC(2026, 0, 1))).toBeNull();
    expect(monthFacet(Date.UTC(2026, 0, 1), undefined)).toBeNull();
    expect(monthFacet(Date.UTC(2020, 0, 1), Date.UTC(2026, 0, 1))).toBeNull();
    expect(monthFacet(Date.UTC(2026, 1, 1), Date.UTC(2026, 0, 1))).toBeNull();
  });

  it('lists sections and the newest id buckets', () => {
    expect(categoryFacet([3, 4])).toBe("('#c3' | '#c4')");
    expect(categoryFacet([])).toBe("'#c-1'");
    expect(recentFacet(2_010, 2)).toBe("('#r2' | '#r1')");
    expect(recentFacet(999, 5)).toBe("('#r0')");
  });
});
