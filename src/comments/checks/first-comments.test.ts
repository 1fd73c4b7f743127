import { describe, expect, it } from 'vitest';
import { firstCommentsCheck } from './first-comments.js';
import { context, submission } from './testing.js';

describe('firstCommentsCheck', () => {
  const body = submission('Интересно, кога ще започне ремонтът?');

  it('holds an author with fewer approved comments than holdFirstComments', () => {
    const ctx = context({ settings: { holdFirstComments: 3 }, history: { approved: 2, pending: 4 } });
    expect(firstCommentsCheck(body, ctx)).toEqual({
      status: 'pending',
      reason: 'first-comments',
      detail: '2',
    });
  });

  it('lets the author through once enough comments were approved', () => {
    expect(
      firstCommentsCheck(body, context({ settings: { holdFirstComments: 3 }, history: { approved: 3 } })),
    ).toBeNull();
  });

  it('is off at 0', () => {
    expect(firstCommentsCheck(body, context({ settings: { holdFirstComments: 0 } }))).toBeNull();
  });
});
