import { describe, expect, it } from 'vitest';
import { context, NOW, recentComments, submission } from './checks/testing.js';
import { emptyHistory, MODERATION_REASONS, moderate } from './moderation.js';

const LINKS3 = 'Вижте https://a.bg, https://b.bg и www.c.bg';
const CLEAN = 'Добър материал, благодаря.';
const SPAMMY = 'ОБАДЕТЕ СЕ ВЕДНАГА НА НОМЕР 0888 123 456 ЗА ПОДАРЪК!!!!!';
const TRUSTED = { approved: 10, recentRejected: 0 };

/** A signed-in reader: only they can earn trust. */
const member = (body: string) => submission(body, { userId: 7, email: null });

describe('moderate', () => {
  it('approves a clean comment under post-moderation', () => {
    expect(moderate(submission(CLEAN), context())).toEqual({
      status: 'approved',
      reason: 'post-moderation',
      detail: null,
      spamScore: 0,
    });
  });

  it('rejects a banned word, naming the category as reason and the entry only as detail', () => {
    expect(moderate(submission('Ти си kypBa'), context())).toMatchObject({
      status: 'rejected',
      reason: 'banned-word',
      detail: 'курва',
    });
    expect(moderate(submission('what the FUCK'), context()).reason).toBe('banned-word');
  });

  it('holds a pre-moderated article for review', () => {
    expect(moderate(submission('Добър материал.'), context({ moderation: 'pre' }))).toMatchObject({
      status: 'pending',
      reason: 'premoderated',
      detail: null,
    });
  });

  it('holds a suspect word for review', () => {
    expect(moderate(submission('Най-доброто онлайн казино!'), context())).toMatchObject({
      status: 'pending',
      reason: 'suspect-word',
      detail: 'казино',
    });
    expect(moderate(submission('Buy viagra'), context()).detail).toBe('viagra');
  });

  it('holds more than maxLinks links for review', () => {
    expect(moderate(submission('https://a.bg и https://b.bg'), context()).status).toBe('approved');
    expect(moderate(submission(LINKS3), context())).toMatchObject({
      status: 'pending',
      reason: 'too-many-links',
      detail: '3',
    });
    expect(moderate(submission(LINKS3), context({ settings: { maxLinks: 3 } })).status).toBe('approved');
    expect(moderate(submission('https://a.bg'), context({ settings: { maxLinks: 0 } })).reason).toBe(
      'too-many-links',
    );
  });

  it('holds a newcomer’s first comments when the site asks for it', () => {
    const ctx = context({ settings: { holdFirstComments: 2 }, history: { approved: 1 } });
    expect(moderate(submission(CLEAN), ctx)).toMatchObject({ status: 'pending', reason: 'first-comments' });
  });

  it('holds a high spam score, listing the signals', () => {
    expect(moderate(submission(SPAMMY), context())).toEqual({
      status: 'pending',
      reason: 'spam-score',
      detail: 'caps:2,repeat:1,phone:2',
      spamScore: 5,
    });
  });

  it('approves a trusted author as trusted', () => {
    expect(moderate(member(CLEAN), context({ history: TRUSTED }))).toEqual({
      status: 'approved',
      reason: 'trusted',
      detail: null,
      spamScore: 0,
    });
  });

  it('returns the spam score whichever check decided', () => {
    const body = `курва ${SPAMMY}`;
    expect(moderate(submission(body), context())).toMatchObject({ reason: 'banned-word', spamScore: 5 });
    const shadow = context({ history: { shadowBanned: true } });
    expect(moderate(submission(SPAMMY), shadow)).toMatchObject({ reason: 'shadow-banned', spamScore: 5 });
    expect(moderate(member(SPAMMY), context({ history: TRUSTED }))).toMatchObject({
      reason: 'trusted',
      spamScore: 5,
    });
  });

  describe('chain order', () => {
    const everything = `курва, казино ${LINKS3}`;
    const flood = { recent: recentComments(5, 1000) };

    it('a shadow ban comes before everything', () => {
      const ctx = context({ history: { ...TRUSTED, ...flood, shadowBanned: true }, moderation: 'pre' });
      expect(moderate(submission(everything), ctx).reason).toBe('shadow-banned');
    });

    it('a duplicate comes before banned words and flood', () => {
      const body = `${everything} и още веднъж`;
      const ctx = context({ history: { recent: [...flood.recent, { body, createdAt: NOW - 500 }] } });
      expect(moderate(submission(body), ctx).reason).toBe('duplicate');
    });

    it('banned words come before flood, trust, the policy, suspect words and links', () => {
      expect(moderate(submission(everything), context({ moderation: 'pre' })).reason).toBe('banned-word');
      expect(moderate(member(everything), context({ history: { ...TRUSTED, ...flood } })).reason).toBe(
        'banned-word',
      );
    });

    it('flood comes before trust and the policy', () => {
      const ctx = context({ history: { ...TRUSTED, ...flood }, moderation: 'pre' });
      expect(moderate(member(CLEAN), ctx)).toMatchObject({
        status: 'pending',
        reason: 'flood',
        detail: '5',
      });
    });

    it('trust skips the policy, links, first comments and the spam score, but not suspect words', () => {
      const ctx = context({ history: TRUSTED, moderation: 'pre', settings: { holdFirstComments: 50 } });
      expect(moderate(member(`${LINKS3} ${SPAMMY}`), ctx)).toMatchObject({
        status: 'approved',
        reason: 'trusted',
      });
      expect(moderate(member('Онлайн казино'), ctx)).toMatchObject({
        status: 'pending',
        reason: 'suspect-word',
      });
    });

    it('a rejection in the last 30 days takes trust away', () => {
      const ctx = context({ history: { ...TRUSTED, recentRejected: 1 }, moderation: 'pre' });
      expect(moderate(member(CLEAN), ctx).reason).toBe('premoderated');
    });

    it('the policy comes before suspect words, links, first comments and the spam score', () => {
      const ctx = context({ moderation: 'pre', settings: { holdFirstComments: 5 } });
      expect(moderate(submission(`казино ${LINKS3} ${SPAMMY}`), ctx).reason).toBe('premoderated');
    });

    it('suspect words, links, first comments, then the spam score', () => {
      const ctx = context({ settings: { holdFirstComments: 5 } });
      expect(moderate(submission(`казино ${LINKS3} ${SPAMMY}`), ctx).reason).toBe('suspect-word');
      expect(moderate(submission(`${LINKS3} ${SPAMMY}`), ctx).reason).toBe('too-many-links');
      expect(moderate(submission(SPAMMY), ctx).reason).toBe('first-comments');
      expect(moderate(submission(SPAMMY), context()).reason).toBe('spam-score');
    });
  });

  describe('lists', () => {
    it('uses the site’s lists', () => {
      const ctx = context({ settings: { bannedWords: ['глупак'], suspectWords: ['реклама'] } });
      expect(moderate(submission('г л у п а к'), ctx).status).toBe('rejected');
      expect(moderate(submission('курва'), ctx).status).toBe('approved');
      expect(moderate(submission('Рекламата'), ctx).reason).toBe('suspect-word');
      expect(moderate(submission('казино'), ctx).status).toBe('approved');
    });

    it('empty lists switch a word check off', () => {
      const ctx = context({ settings: { bannedWords: [], suspectWords: [] } });
      expect(moderate(submission('курва казино'), ctx)).toEqual({
        status: 'approved',
        reason: 'post-moderation',
        detail: null,
        spamScore: 0,
      });
    });
  });

  it('names every reason the chain can give', () => {
    expect([...MODERATION_REASONS].sort()).toEqual(
      [
        'banned-word',
        'duplicate',
        'first-comments',
        'flood',
        'post-moderation',
        'premoderated',
        'shadow-banned',
        'spam-score',
        'suspect-word',
        'too-many-links',
        'trusted',
      ].sort(),
    );
  });

  it('emptyHistory is a first-time author', () => {
    expect(emptyHistory()).toEqual({
      approved: 0,
      rejected: 0,
      pending: 0,
      recentRejected: 0,
      recent: [],
      shadowBanned: false,
    });
    expect(emptyHistory()).not.toBe(emptyHistory());
  });
});
