import { describe, expect, it } from 'vitest';
import { premoderationCheck } from './premoderation.js';
import { context, submission } from './testing.js';

describe('premoderationCheck', () => {
  it('holds every comment under pre-moderation', () => {
    expect(premoderationCheck(submission('Добър материал.'), context({ moderation: 'pre' }))).toEqual({
      status: 'pending',
      reason: 'premoderated',
      detail: null,
    });
  });

  it('does nothing under post-moderation', () => {
    expect(premoderationCheck(submission('Добър материал.'), context({ moderation: 'post' }))).toBeNull();
  });
});
