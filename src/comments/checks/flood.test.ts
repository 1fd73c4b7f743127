import { describe, expect, it } from 'vitest';
import { floodCheck, floodCount } from './flood.js';
import { context, recentComments, submission } from './testing.js';

const SECOND = 1000;

describe('floodCheck', () => {
  const settings = { floodMax: 3, floodWindowSeconds: 60 };

  it('holds a comment when the author already has floodMax comments within the window', () => {
    const ctx = context({ settings, history: { recent: recentComments(3, 10 * SECOND) } });
    expect(floodCheck(submission('Още нещо.'), ctx)).toEqual({
      status: 'pending',
      reason: 'flood',
      detail: '3',
    });
  });

  it('lets the comment through below floodMax', () => {
    const ctx = context({ settings, history: { recent: recentComments(2, 10 * SECOND) } });
    expect(floodCheck(submission('Още нещо.'), ctx)).toBeNull();
  });

  it('counts only comments inside the window', () => {
    // 20 s apart, the newest 20 s ago: 20, 40, 60 (on the edge, outside) and 80 s ago.
    const ctx = context({ settings, history: { recent: recentComments(4, 20 * SECOND) } });
    expect(floodCount(ctx)).toBe(2);
    expect(floodCheck(submission('Още нещо.'), ctx)).toBeNull();
    const wider = context({ settings: { ...settings, floodWindowSeconds: 90 }, history: ctx.history });
    expect(floodCheck(submission('Още нещо.'), wider)?.detail).toBe('4');
  });
});
