// The comment settings as a form: settings to the text fields shown, the posted fields back to
// input for validateSettings (which alone decides what is valid), its errors into words, and a
// short account of what changed for the log.
import type { CommentSettings, SettingsError } from '../../comments/settings.js';
import type { Messages } from '../i18n.js';
import { type Fields, one } from './params.js';

export type SettingsField = keyof CommentSettings;

export const NUMBER_FIELDS = [
  'maxLinks',
  'holdFirstComments',
  'trustAfterApproved',
  'duplicateWindowMinutes',
  'floodMax',
  'floodWindowSeconds',
  'spamThreshold',
] as const satisfies readonly SettingsField[];

const LIST_FIELDS = ['bannedWords', 'suspectWords'] as const satisfies readonly SettingsField[];

/** Every field as the form shows it: what is stored, or what was typed. */
export type SettingsFormValues = Record<SettingsField, string>;

export function formValues(s: CommentSettings): SettingsFormValues {
  return {
    who: s.who,
    moderation: s.moderation,
    closeAfterDays: s.closeAfterDays === null ? '' : String(s.closeAfterDays),
    bannedWords: s.bannedWords.join('\n'),
    suspectWords: s.suspectWords.join('\n'),
    maxLinks: String(s.maxLinks),
    holdFirstComments: String(s.holdFirstComments),
    trustAfterApproved: String(s.trustAfterApproved),
    duplicateWindowMinutes: String(s.duplicateWindowMinutes),
    floodMax: String(s.floodMax),
    floodWindowSeconds: String(s.floodWindowSeconds),
    spamThreshold: String(s.spamThreshold),
  };
}

// Whole numbers become numbers; anything else is passed on as typed, for validation to refuse.
function number(raw: string): unknown {
  const trimmed = raw.trim();
  return /^[0-9]{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function lines(raw: string): string[] {
  return raw
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function readSettingsForm(
  body: Fields,
  t: Messages,
): { typed: SettingsFormValues; input: Record<string, unknown> } {
  const field = (name: SettingsField) => one(body, name, t) ?? '';
  const typed = {} as SettingsFormValues;
  for (const name of ['who', 'moderation', 'closeAfterDays', ...LIST_FIELDS, ...NUMBER_FIELDS] as const)
    typed[name] = field(name);
  const input: Record<string, unknown> = {
    who: typed.who,
    moderation: typed.moderation,
    closeAfterDays: typed.closeAfterDays.trim() === '' ? null : number(typed.closeAfterDays),
  };
  for (const name of LIST_FIELDS) input[name] = lines(typed[name]);
  for (const name of NUMBER_FIELDS) input[name] = number(typed[name]);
  return { typed, input };
}

export function errorTexts(t: Messages, errors: SettingsError[]): Partial<Record<SettingsField, string>> {
  const texts: Partial<Record<SettingsField, string>> = {};
  const { range: rangeText, ...fixed } = t.desk.settingsErrors;
  const plain: Record<string, string> = fixed;
  for (const e of errors) {
    if (texts[e.field]) continue;
    const range = /^range:(\d+)-(\d+)$/.exec(e.problem);
    texts[e.field] = range ? rangeText(range[1] ?? '', range[2] ?? '') : (plain[e.problem] ?? e.problem);
  }
  return texts;
}

/** "maxLinks 2 → 3; bannedWords +1 −0": what the log says about a save. */
export function describeChanges(before: CommentSettings, after: CommentSettings): string {
  const parts: string[] = [];
  for (const key of Object.keys(after) as SettingsField[]) {
    const was = before[key];
    const now = after[key];
    if (Array.isArray(was) && Array.isArray(now)) {
      const added = now.filter((w) => !was.includes(w)).length;
      const removed = was.filter((w) => !now.includes(w)).length;
      if (added > 0 || removed > 0) parts.push(`${key} +${added} −${removed}`);
    } else if (was !== now) {
      parts.push(`${key} ${was ?? '—'} → ${now ?? '—'}`);
    }
  }
  return parts.join('; ');
}
