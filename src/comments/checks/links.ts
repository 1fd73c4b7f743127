// Counts the links in a comment the way the page would show them (see src/text/linkify.ts): http(s)
// URLs and "www." hosts. Bare domains ("dnevnik.bg", "Node.js") are not links there, so not here.
import { LinkifyIt, type Match } from 'linkify-it';
import type { Check } from './check.js';

// fuzzyLink is on only so that "www.example.bg" is found; emails, ftp:, mailto: and "//" never count.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false })
  .add('ftp:', null)
  .add('mailto:', null)
  .add('//', null);

function isCounted(match: Match): boolean {
  if (match.schema === 'http:' || match.schema === 'https:') return true;
  return match.schema === '' && /^www\./i.test(match.raw);
}

export function countLinks(text: string): number {
  // NFKC so that fullwidth "ｗｗｗ．" or "ｈｔｔｐｓ：" count like their plain forms.
  const matches = linkify.match(text.normalize('NFKC')) ?? [];
  return matches.filter(isCounted).length;
}

/** More links than the site allows send the comment to the queue; the detail is the count. */
export const linksCheck: Check = (s, ctx) => {
  const links = countLinks(s.body);
  return links > ctx.settings.maxLinks
    ? { status: 'pending', reason: 'too-many-links', detail: String(links) }
    : null;
};
