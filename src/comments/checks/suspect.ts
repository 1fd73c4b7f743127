// Words typical of ads and scams (the site's suspect list) send the comment to the queue: they
// also occur in honest comments, so a moderator decides. The name is checked too, a favourite
// place for an ad ("Бързи кредити").
import type { Check } from './check.js';
import { findListedWord } from './words.js';

export const suspectCheck: Check = (s, ctx) => {
  const word =
    findListedWord(s.body, ctx.settings.suspectWords) ?? findListedWord(s.name, ctx.settings.suspectWords);
  return word === null ? null : { status: 'pending', reason: 'suspect-word', detail: word };
};
