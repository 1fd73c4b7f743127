// A scraped page as plain text → its title and paragraphs, without the site's boilerplate. Pure.
//
// Every non-blank line is described by a few features, each a weak signal on its own:
// - length: words and characters (prose is long, menu items and tab labels short);
// - terminal punctuation: prose sentences end in . ! ? … (perhaps inside closing quotes or brackets);
//   headlines, labels and menu items do not;
// - repetition: how many other lines equal it or contain it (the title comes back in breadcrumbs and
//   "related" lists; a repeated line is never body text);
// - list-likeness: a run of three or more adjacent lines (no blank line between them) of which most
//   lack terminal punctuation is a list (headlines, menus, tags); dates and times on their own,
//   counters like "123 коментара", separators like "|" or "»" are list furniture too;
// - known interface words in Bulgarian and English ("Коментари", "Share", "Най-четени") are one more
//   weak signal, never a decision by themselves;
// - position: the title is looked for near the top, and the body only after the title.
// A line is prose when its score (see proseScore) reaches PROSE_MIN. The title is the best
// headline-like line: 4–30 words, at least 20 characters, no terminal full stop, not in a list, with
// extra weight for being repeated, for being near the top and for prose following closely. The body
// is the longest run (in characters) of prose lines after the title's first occurrence; a run may
// step over one stray non-prose line (a photo credit, an inline label), which is left out.

export interface PageText {
  title: string;
  /** The title's line in the file (1-based). */
  titleLine: number;
  paragraphs: string[];
}

export interface LineInfo {
  /** 1-based line number in the file, for messages. */
  lineNo: number;
  text: string;
  words: number;
  chars: number;
  terminal: boolean;
  /** Other lines that equal this one or contain it. */
  repeats: number;
  inList: boolean;
  furniture: boolean;
  uiWord: boolean;
  prose: boolean;
}

const PROSE_MIN = 2;

const collapse = (s: string) => s.replace(/[\s\u00A0\u200B]+/g, ' ').trim();
const key = (s: string) => s.toLocaleLowerCase('bg');

// A sentence end, possibly followed by closing quotes or brackets.
const TERMINAL = /[.!?…][\s"'”“»’)\]]*$/u;
const DATE_TIME =
  /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})(?:[,\s]+(?:г\.?|\d{1,2}:\d{2}|ч\.?))*$/iu;
const COUNTER =
  /^\d[\d\s.,]*\s*(?:коментар\p{L}*|прочитан\p{L}*|гледания|харесвания|споделяния|comments?|views?|likes?|shares?|min read|мин\.?)$/iu;
const SEPARATOR = /^[\p{P}\p{S}\s]{1,3}$/u;

// Words of site chrome; matched against whole lines only.
const UI_WORDS = new Set(
  [
    'начало',
    'новини',
    'коментари',
    'коментирай',
    'сподели',
    'сподели в',
    'още',
    'виж още',
    'прочети още',
    'най-ново',
    'най-нови',
    'най-четени',
    'най-коментирани',
    'последни новини',
    'свързани новини',
    'вход',
    'регистрация',
    'търси',
    'търсене',
    'меню',
    'абонирай се',
    'реклама',
    'home',
    'news',
    'comments',
    'comment',
    'share',
    'share this',
    'read more',
    'more',
    'related',
    'related stories',
    'related articles',
    'most read',
    'latest',
    'sign in',
    'log in',
    'subscribe',
    'search',
    'menu',
    'advertisement',
  ].map(key),
);

const wordCount = (s: string) => s.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Features of every non-blank line, in file order. */
export function describeLines(text: string): LineInfo[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const lines: { lineNo: number; text: string; blankBefore: boolean }[] = [];
  let blank = true;
  raw.forEach((line, i) => {
    const t = collapse(line);
    if (t === '') {
      blank = true;
      return;
    }
    lines.push({ lineNo: i + 1, text: t, blankBefore: blank });
    blank = false;
  });
  const keys = lines.map((l) => key(l.text));
  const infos: LineInfo[] = lines.map((l, i) => {
    const k = keys[i] as string;
    let repeats = 0;
    for (let j = 0; j < keys.length; j++) {
      if (j === i) continue;
      const other = keys[j] as string;
      if (other === k || (k.length >= 20 && other.includes(k))) repeats++;
    }
    const words = wordCount(l.text);
    return {
      lineNo: l.lineNo,
      text: l.text,
      words,
      chars: l.text.length,
      terminal: TERMINAL.test(l.text),
      repeats,
      inList: false,
      furniture: DATE_TIME.test(l.text) || COUNTER.test(l.text) || SEPARATOR.test(l.text),
      uiWord: UI_WORDS.has(k.replace(/[:.!»›>|]+$/u, '').trim()),
      prose: false,
    };
  });
  markLists(
    infos,
    lines.map((l) => l.blankBefore),
  );
  for (const info of infos) info.prose = proseScore(info) >= PROSE_MIN;
  return infos;
}

/** Runs of ≥ 3 adjacent lines (no blank line between), most of them without terminal punctuation. */
function markLists(infos: LineInfo[], blankBefore: boolean[]): void {
  let start = 0;
  for (let i = 1; i <= infos.length; i++) {
    if (i < infos.length && !blankBefore[i]) continue;
    const run = infos.slice(start, i);
    const open = run.filter((l) => !l.terminal).length;
    if (run.length >= 3 && open * 2 > run.length) for (const l of run) l.inList = true;
    start = i;
  }
}

/** How much a line looks like body text; PROSE_MIN and above is prose. */
export function proseScore(l: Omit<LineInfo, 'prose'>): number {
  let score = l.words >= 12 ? 2 : l.words >= 6 ? 1 : -2;
  score += l.terminal ? 2 : -1;
  if (l.repeats > 0) score -= 3;
  if (l.inList) score -= 2;
  if (l.furniture) score -= 3;
  if (l.uiWord) score -= 1;
  return score;
}

function titleScore(infos: LineInfo[], i: number): number {
  const l = infos[i] as LineInfo;
  if (l.prose || l.inList || l.furniture || l.uiWord) return -Infinity;
  if (l.words < 4 || l.words > 30 || l.chars < 20) return -Infinity;
  if (/[.…]["'”“»’)\]]*$/u.test(l.text)) return -Infinity;
  let score = 1;
  if (l.repeats > 0) score += 2;
  score += Math.max(0, 3 - i / 4); // the nearer the top, the better
  const nextProse = infos.slice(i + 1, i + 5).findIndex((n) => n.prose);
  if (nextProse >= 0) score += 3 - nextProse * 0.5;
  return score;
}

/** Index of the first line of the longest prose run after `from`, and its end (exclusive). */
function longestRun(infos: LineInfo[], from: number, titleKey: string): { start: number; end: number } {
  let best = { start: from, end: from, size: 0 };
  let i = from;
  while (i < infos.length) {
    if (!(infos[i] as LineInfo).prose) {
      i++;
      continue;
    }
    const start = i;
    let size = 0;
    let end = i;
    while (end < infos.length) {
      const l = infos[end] as LineInfo;
      if (l.prose) {
        size += l.chars;
        end++;
        continue;
      }
      // One stray line may sit inside the body, if prose goes on right after it.
      const next = infos[end + 1];
      const stray = !l.inList && !l.uiWord && key(l.text) !== titleKey && next?.prose === true;
      if (!stray) break;
      end++;
    }
    if (size > best.size) best = { start, end, size };
    i = end;
  }
  return best;
}

/** The title and paragraphs of a scraped page's text; null when no title or no prose is found. */
export function extractPageText(text: string): PageText | null {
  const infos = describeLines(text);
  let titleAt = -1;
  let bestScore = -Infinity;
  infos.forEach((_, i) => {
    const s = titleScore(infos, i);
    if (s > bestScore) {
      bestScore = s;
      titleAt = i;
    }
  });
  if (titleAt < 0) return null;
  // A repeated title counts from where it first appears.
  const chosen = key((infos[titleAt] as LineInfo).text);
  titleAt = infos.findIndex((l) => key(l.text) === chosen);
  const { text: title, lineNo: titleLine } = infos[titleAt] as LineInfo;
  const run = longestRun(infos, titleAt + 1, key(title));
  const paragraphs = infos
    .slice(run.start, run.end)
    .filter((l) => l.prose)
    .map((l) => l.text);
  return paragraphs.length === 0 ? null : { title, titleLine, paragraphs };
}
