import { describe, expect, it } from 'vitest';
import { duplicateCheck, duplicateKey } from './duplicate.js';
import { context, NOW, submission } from './testing.js';

const MINUTE = 60_000;
const TEXT = 'Пак вдигат цените на тока, а заплатите стоят.';

function withEarlier(body: string, agoMs: number, windowMinutes = 60) {
  return context({
    settings: { duplicateWindowMinutes: windowMinutes },
    history: { recent: [{ body, createdAt: NOW - agoMs }] },
  });
}

describe('duplicateCheck', () => {
  it('rejects the same text from the same author within the window', () => {
    expect(duplicateCheck(submission(TEXT), withEarlier(TEXT, 59 * MINUTE))).toEqual({
      status: 'rejected',
      reason: 'duplicate',
      detail: null,
    });
  });

  it('sees through case, spacing and look-alike letters', () => {
    const disguised = '  ПАК вдигат   цените на тока,\nа заплатите стоят.';
    expect(duplicateCheck(submission(disguised), withEarlier(TEXT, MINUTE))?.reason).toBe('duplicate');
    const latin = 'Пaк вдигaт цeнитe нa тoкa, a зaплaтитe стoят.';
    expect(duplicateCheck(submission(latin), withEarlier(TEXT, MINUTE))?.reason).toBe('duplicate');
  });

  it('allows the same text again once the window has passed', () => {
    expect(duplicateCheck(submission(TEXT), withEarlier(TEXT, 60 * MINUTE))).toBeNull();
    expect(duplicateCheck(submission(TEXT), withEarlier(TEXT, 3 * 60 * MINUTE, 180))).toBeNull();
    expect(duplicateCheck(submission(TEXT), withEarlier(TEXT, 3 * 60 * MINUTE, 181))?.reason).toBe(
      'duplicate',
    );
  });

  it('lets a different text through', () => {
    const other = 'Пак вдигат цените на тока, а пенсиите стоят.';
    expect(duplicateCheck(submission(other), withEarlier(TEXT, MINUTE))).toBeNull();
  });

  it('does not count short replies that honest readers repeat', () => {
    for (const short of ['Браво!', 'Съгласен.', '+1']) {
      expect(duplicateCheck(submission(short), withEarlier(short, MINUTE)), short).toBeNull();
    }
  });

  it('has nothing to compare with for a first comment', () => {
    expect(duplicateCheck(submission(TEXT), context())).toBeNull();
  });

  it('folds the text for comparison only', () => {
    expect(duplicateKey('  Едно   ДВЕ\tтри ')).toBe('едно две три');
  });
});
