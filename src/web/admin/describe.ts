// Puts the domain's codes into moderators' words: why a comment is where it is, and where its
// author stands.
import type { Messages } from '../i18n.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';

/** "Забранена дума: „тиква“", "Твърде много връзки: 3 връзки", "Висока спам оценка: телефон (2)…" */
export function describeReason(t: Messages, code: string, detail: string | null): string {
  const label = t.desk.reasons[code] ?? code;
  const seen = detail === null || detail === '' ? null : describeDetail(t, code, detail);
  return seen ? `${label}: ${seen}` : label;
}

function describeDetail(t: Messages, code: string, detail: string): string {
  switch (code) {
    case 'banned-word':
    case 'suspect-word':
      return t.desk.word(detail);
    case 'too-many-links':
      return t.desk.links(detail);
    case 'flood':
      return t.desk.recent(detail);
    case 'first-comments':
      return t.desk.approvedSoFar(detail);
    case 'spam-score':
      return detail
        .split(',')
        .map((part) => {
          const [name = '', points = ''] = part.split(':');
          return `${t.desk.signals[name] ?? name} (${points})`;
        })
        .join(', ');
    default:
      return detail;
  }
}

export interface StandingFacts {
  suspendedUntil: number | null;
  banned: boolean;
  shadowBanned: boolean;
}

/** Every restriction in force, in words; empty when there is none. */
export function describeStanding(f: Frame, s: StandingFacts): string[] {
  const words: string[] = [];
  if (s.banned) words.push(f.t.desk.standing.banned);
  if (s.suspendedUntil !== null && s.suspendedUntil > f.now)
    words.push(f.t.desk.standing.suspended(when(f, s.suspendedUntil)));
  if (s.shadowBanned) words.push(f.t.desk.standing.shadowBanned);
  return words;
}
