import { describe, expect, it } from 'vitest';
import { moderate } from './moderation.js';

const LINKS3 = 'Вижте https://a.bg, https://b.bg и www.c.bg';

describe('moderate', () => {
  it('approves a clean comment under post-moderation', () => {
    expect(moderate({ policy: 'post', body: 'Добър материал, благодаря.' })).toEqual({
      status: 'approved',
      reason: 'post-moderation',
      detail: null,
    });
  });

  it('rejects a banned word, naming the category as reason and the entry only as detail', () => {
    expect(moderate({ policy: 'post', body: 'Ти си kypBa' })).toEqual({
      status: 'rejected',
      reason: 'banned-word',
      detail: 'курва',
    });
    expect(moderate({ policy: 'post', body: 'what the FUCK' }).reason).toBe('banned-word');
  });

  it('holds a pre-moderated article for review', () => {
    expect(moderate({ policy: 'pre', body: 'Добър материал.' })).toEqual({
      status: 'pending',
      reason: 'premoderated',
      detail: null,
    });
  });

  it('holds a suspect word for review', () => {
    expect(moderate({ policy: 'post', body: 'Най-доброто онлайн казино!' })).toEqual({
      status: 'pending',
      reason: 'suspect-word',
      detail: 'казино',
    });
    expect(moderate({ policy: 'post', body: 'Buy viagra' }).detail).toBe('viagra');
  });

  it('holds more than maxLinks links for review (default 2)', () => {
    expect(moderate({ policy: 'post', body: 'https://a.bg и https://b.bg' }).status).toBe('approved');
    expect(moderate({ policy: 'post', body: LINKS3 })).toEqual({
      status: 'pending',
      reason: 'too-many-links',
      detail: '3',
    });
    expect(moderate({ policy: 'post', body: LINKS3, maxLinks: 3 }).status).toBe('approved');
    expect(moderate({ policy: 'post', body: 'https://a.bg', maxLinks: 0 }).reason).toBe('too-many-links');
  });

  describe('chain order', () => {
    const everything = `курва, казино ${LINKS3}`;

    it('banned words come before the policy, suspect words and links', () => {
      expect(moderate({ policy: 'pre', body: everything }).reason).toBe('banned-word');
      expect(moderate({ policy: 'post', body: everything }).reason).toBe('banned-word');
    });

    it('the policy comes before suspect words and links', () => {
      const body = `казино ${LINKS3}`;
      expect(moderate({ policy: 'pre', body }).reason).toBe('premoderated');
    });

    it('suspect words come before links', () => {
      expect(moderate({ policy: 'post', body: `казино ${LINKS3}` }).reason).toBe('suspect-word');
    });
  });

  describe('lists', () => {
    it('uses the given lists instead of the defaults', () => {
      const input = { policy: 'post' as const, bannedWords: ['глупак'], suspectWords: ['реклама'] };
      expect(moderate({ ...input, body: 'г л у п а к' }).status).toBe('rejected');
      expect(moderate({ ...input, body: 'курва' }).status).toBe('approved');
      expect(moderate({ ...input, body: 'Рекламата' }).reason).toBe('suspect-word');
      expect(moderate({ ...input, body: 'казино' }).status).toBe('approved');
    });

    it('empty lists switch a word check off', () => {
      expect(moderate({ policy: 'post', body: 'курва казино', bannedWords: [], suspectWords: [] })).toEqual({
        status: 'approved',
        reason: 'post-moderation',
        detail: null,
      });
    });
  });
});
