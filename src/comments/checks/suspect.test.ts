import { describe, expect, it } from 'vitest';
import { suspectCheck } from './suspect.js';
import { context, submission } from './testing.js';

describe('suspectCheck', () => {
  it('holds a suspect word for a moderator, naming the entry', () => {
    expect(suspectCheck(submission('Най-доброто онлайн казино!'), context())).toEqual({
      status: 'pending',
      reason: 'suspect-word',
      detail: 'казино',
    });
    expect(suspectCheck(submission('Buy viagra'), context())?.detail).toBe('viagra');
  });

  it('checks the name too', () => {
    expect(suspectCheck(submission('Здравейте.', { name: 'Бързи пари' }), context())?.detail).toBe(
      'бързи пари',
    );
  });

  it('uses the site list', () => {
    const own = context({ settings: { suspectWords: ['реклама'] } });
    expect(suspectCheck(submission('Рекламата е навсякъде'), own)?.detail).toBe('реклама');
    expect(suspectCheck(submission('казино'), own)).toBeNull();
  });

  it('leaves election stakes and loans for roads alone', () => {
    const body = 'Залозите на тези избори са високи, а парите от кредита отидоха за пътищата.';
    expect(suspectCheck(submission(body), context())).toBeNull();
  });
});
