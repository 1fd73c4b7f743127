import { describe, expect, it } from 'vitest';
import { parseCommentRules } from './comment-rules.js';

describe('comment rules typed in a form', () => {
  it('reads values, and empty or "inherit" as inherit', () => {
    expect(parseCommentRules({ who: 'registered', moderation: 'pre', closeDays: ' 30 ' })).toEqual({
      rules: { who: 'registered', moderation: 'pre', closeDays: 30 },
      errors: {},
    });
    expect(parseCommentRules({ who: 'inherit', moderation: '', closeDays: '' }).rules).toEqual({
      who: null,
      moderation: null,
      closeDays: null,
    });
  });

  it('names every bad part', () => {
    for (const closeDays of ['0', '3651', '-1', '1.5', 'седем'])
      expect(parseCommentRules({ who: '', moderation: '', closeDays }).errors, closeDays).toEqual({
        closeDays: 'bad-value',
      });
    expect(parseCommentRules({ who: 'everyone', moderation: 'later', closeDays: '' }).errors).toEqual({
      who: 'bad-value',
      moderation: 'bad-value',
    });
  });
});
