import { describe, expect, it } from 'vitest';
import { bannedCheck } from './banned.js';
import { context, submission } from './testing.js';

describe('bannedCheck', () => {
  it('rejects a listed word in any disguise, naming the entry as detail', () => {
    for (const body of ['Ти си курва.', 'Ти си kypBa', 'к у р в а такава', 'К.У.Р.В.А!']) {
      expect(bannedCheck(submission(body), context()), body).toEqual({
        status: 'rejected',
        reason: 'banned-word',
        detail: 'курва',
      });
    }
    expect(bannedCheck(submission('what the FUCK'), context())?.detail).toBe('fuck');
  });

  it('checks the name shown above the comment too', () => {
    expect(bannedCheck(submission('Добре казано.', { name: 'Мамка ти' }), context())?.detail).toBe(
      'мамка ти',
    );
  });

  it('uses the site list, and an empty list switches it off', () => {
    const own = context({ settings: { bannedWords: ['глупак'] } });
    expect(bannedCheck(submission('г л у п а к'), own)?.detail).toBe('глупак');
    expect(bannedCheck(submission('курва'), own)).toBeNull();
    expect(bannedCheck(submission('курва'), context({ settings: { bannedWords: [] } }))).toBeNull();
  });

  it('leaves ordinary comments alone', () => {
    const body = 'Педалите на колелото се счупиха край Казанлък, а кметът мълчи.';
    expect(bannedCheck(submission(body), context())).toBeNull();
  });
});
