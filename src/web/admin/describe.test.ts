import { describe, expect, it } from 'vitest';
import { messages } from '../i18n.js';
import { describeReason } from './describe.js';
import { returnTo, withNotice } from './params.js';

const bg = messages('bg');
const en = messages('en');

describe('the desk’s words for the moderation chain’s codes', () => {
  it('names the reason and what the check saw', () => {
    expect(describeReason(bg, 'banned-word', 'тиква')).toBe('Забранена дума: „тиква“');
    expect(describeReason(en, 'suspect-word', 'casino')).toBe('Suspect word: “casino”');
    expect(describeReason(bg, 'too-many-links', '4')).toBe('Твърде много връзки: 4 връзки');
    expect(describeReason(bg, 'first-comments', '0')).toBe('Първи коментари на автора: одобрени досега: 0');
    expect(describeReason(bg, 'spam-score', 'caps:2,phone:2,novel:1')).toBe(
      'Висока спам оценка: главни букви (2), телефон (2), novel (1)',
    );
    expect(describeReason(bg, 'premoderated', null)).toBe('Статията е с предварителна модерация');
    expect(describeReason(bg, 'something-new', 'x')).toBe('something-new: x');
  });
});

describe('where a desk form goes back to', () => {
  it('keeps desk pages, drops earlier notices, refuses anything else', () => {
    expect(returnTo(undefined, bg)).toBe('/admin/moderation?queue=pending');
    expect(returnTo('/admin/moderation?queue=rejected&page=2&done=approve&n=3', bg)).toBe(
      '/admin/moderation?queue=rejected&page=2',
    );
    for (const bad of [
      'https://evil.example/admin/moderation',
      '//evil.example/admin/moderation',
      '/\\evil.example/admin/moderation',
      '/admin/moderation/../readers/1',
      '/admin/moderationx',
      '/admin/moderation#x',
      'admin/moderation',
    ]) {
      expect(() => returnTo(bad, bg), bad).toThrow('Адресът за връщане');
    }
    expect(withNotice('/admin/moderation?queue=pending&expired=1', { done: 'reject', n: '2' })).toBe(
      '/admin/moderation?queue=pending&done=reject&n=2',
    );
  });
});
