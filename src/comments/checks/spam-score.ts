// Points for the marks of ads and scams that no word list catches: shouting, phone numbers,
// messenger invites, link shorteners, letters swapped between alphabets. One mark alone is common
// in honest comments (an angry reader shouts; a reader quotes a hotline) and scores below the
// default threshold of 5; spam usually carries two or three. An ordinary comment scores 0–1.
import type { Check, CheckDecision } from './check.js';
import { countLinks } from './links.js';

/** Signal name → points; only the signals that fired are present. */
export type SpamSignals = Record<string, number>;

const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;

function caps(text: string): number {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters < 20) return 0;
  const upper = text.match(UPPER)?.length ?? 0;
  return upper / letters > 0.6 ? 2 : 0;
}

// Five of one letter ("ааааа"), four or more ! and ? ("!!!!", "?!?!"), or five of another symbol
// ("$$$$$"). Digits are left out ("100000"), and so are dots, dashes and the like, which people
// use for pauses and separators.
const RUNS = [/(\p{L})\1{4,}/gu, /[!?]{4,}/gu, /([^\p{L}\p{N}\s!?.\-_=*~])\1{4,}/gu];

function repeat(text: string): number {
  const runs = RUNS.reduce((n, re) => n + (text.match(re)?.length ?? 0), 0);
  if (runs === 0) return 0;
  return runs >= 3 ? 2 : 1;
}

function links(text: string): number {
  return countLinks(text) >= 3 ? 2 : 0;
}

// Shorteners hide where a link goes; news readers who cite a source link it whole.
const SHORTENER =
  /(?<![\p{L}\p{N}.-])(?:bit\.ly|tinyurl\.com|t\.me|goo\.gl|cutt\.ly|is\.gd|ow\.ly|rb\.gy|shorturl\.at|tiny\.cc|t\.co|clck\.ru|v\.gd|buff\.ly|s\.id)\/\S*/giu;

function shortener(text: string): number {
  return text.match(SHORTENER) ? 3 : 0;
}

// Bulgarian numbers: +359 / 00359 followed by 8–9 digits, or a national mobile 08x/09x xxx xxxx,
// with any spaces, dots, dashes or slashes between the digits.
const SEP = '[\\s.\\-/]*';
const PHONES = [
  new RegExp(`(?:\\+|\\b00)${SEP}359${SEP}\\(?\\d\\)?(?:${SEP}\\d){7,8}(?!\\d)`, 'u'),
  new RegExp(`(?<![\\d+])0[89]\\d(?:${SEP}\\d){7}(?!\\d)`, 'u'),
];

function hasPhone(text: string): boolean {
  return PHONES.some((re) => re.test(text));
}

function phone(text: string): number {
  return hasPhone(text) ? 2 : 0;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

function email(text: string): number {
  return EMAIL.test(text) ? 1 : 0;
}

// "kaзинo": Latin look-alikes inside a Cyrillic word dodge filters and searches. Real words do not
// mix alphabets; brand names with Bulgarian endings are written with a hyphen ("iPhone-ът"). One
// such word can be a slip of the keyboard layout; four or more are done on purpose, and score the
// default threshold on their own.
const WORD = /\p{L}+/gu;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

function mixed(text: string): number {
  const words = (text.match(WORD) ?? []).filter((w) => LATIN.test(w) && CYRILLIC.test(w)).length;
  if (words === 0) return 0;
  if (words >= 4) return 5;
  return words >= 2 ? 3 : 2;
}

// An invite to talk elsewhere counts only with something to reach: a phone-like number or a
// handle. "Telegram има 900 милиона потребители" is news, not an invite.
const MESSENGER = /(?<!\p{L})(?:viber|whats\s?app|telegram|вайб[ъе]р|у[ао]?тсап|вотсап|телеграм)/iu;
const CONTACT = /(?:\+|\b0)\d(?:[\s.-]?\d){6,}|@[a-z0-9_]{4,}/iu;

function messenger(text: string): number {
  return MESSENGER.test(text) && (CONTACT.test(text) || hasPhone(text)) ? 3 : 0;
}

const URLISH = /(?:https?:\/\/|www\.)\S+/giu;

function onlyLinks(text: string): number {
  const stripped = text.replace(URLISH, ' ').replace(SHORTENER, ' ');
  if (stripped === text) return 0;
  return /[\p{L}\p{N}]/u.test(stripped) ? 0 : 3;
}

const SIGNALS: [string, (text: string) => number][] = [
  ['caps', caps],
  ['repeat', repeat],
  ['links', links],
  ['shortener', shortener],
  ['phone', phone],
  ['email', email],
  ['mixed', mixed],
  ['messenger', messenger],
  ['onlyLinks', onlyLinks],
];

export function spamSignals(body: string): SpamSignals {
  // NFKC so that fullwidth or "mathematical" letters and digits count like plain ones.
  const text = body.normalize('NFKC');
  const signals: SpamSignals = {};
  for (const [name, score] of SIGNALS) {
    const points = score(text);
    if (points > 0) signals[name] = points;
  }
  return signals;
}

export function sumSignals(signals: SpamSignals): number {
  return Object.values(signals).reduce((a, b) => a + b, 0);
}

export function spamScore(body: string): number {
  return sumSignals(spamSignals(body));
}

/** "caps:2,repeat:1,phone:2": what a moderator sees as the detail. */
export function describeSignals(signals: SpamSignals): string {
  return Object.entries(signals)
    .map(([name, points]) => `${name}:${points}`)
    .join(',');
}

/** The decision for signals already computed (the chain computes them once per comment). */
export function judgeSpam(signals: SpamSignals, threshold: number): CheckDecision | null {
  return sumSignals(signals) >= threshold
    ? { status: 'pending', reason: 'spam-score', detail: describeSignals(signals) }
    : null;
}

export const spamScoreCheck: Check = (s, ctx) => judgeSpam(spamSignals(s.body), ctx.settings.spamThreshold);
