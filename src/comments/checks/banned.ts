// Crude insults and slurs from the site's banned list are rejected. The name is checked too: it is
// shown above the comment just like the text.
import type { Check } from './check.js';
import { findListedWord } from './words.js';

export const bannedCheck: Check = (s, ctx) => {
  const word =
    findListedWord(s.body, ctx.settings.bannedWords) ?? findListedWord(s.name, ctx.settings.bannedWords);
  return word === null ? null : { status: 'rejected', reason: 'banned-word', detail: word };
};
