// The banner above every reading page: breaking news or a warning ("Жълт код за жеги"), with an
// optional link and an expiry. Stored as one JSON value in `settings`, validated on the way in and
// on the way out, and kept in memory so pages never query for it.
import type { Db } from '../db/index.js';

export type BannerLevel = 'info' | 'yellow' | 'orange' | 'red' | 'breaking';
export const BANNER_LEVELS: readonly BannerLevel[] = Object.freeze([
  'info',
  'yellow',
  'orange',
  'red',
  'breaking',
] as const);

export interface Banner {
  text: string;
  /** A path on this site ("/svyat/…") or an http(s) address; null for a banner without a link. */
  link: string | null;
  level: BannerLevel;
  /** After this instant the banner is gone by itself; null keeps it until removed. */
  expiresAt: number | null;
}

export const BANNER_TEXT_MAX = 160;
export const BANNER_LINK_MAX = 500;

export type BannerField = 'text' | 'link' | 'level' | 'expiresAt';
export type BannerProblem = 'required' | 'too-long' | 'bad-link' | 'bad-level' | 'past' | 'bad-time';
export interface BannerError {
  field: BannerField;
  problem: BannerProblem;
}

const KEY = 'home.banner';

export function isBannerLevel(s: unknown): s is BannerLevel {
  return typeof s === 'string' && (BANNER_LEVELS as readonly string[]).includes(s);
}

/**
 * A link the banner may carry: a path on this site, or an absolute http(s) address. Anything else
 * (javascript:, data:, "//host" and "/\host", which browsers read as another host) is refused.
 */
export function safeLink(raw: string): boolean {
  if (raw.length > BANNER_LINK_MAX || /[\s\p{Cc}]/u.test(raw)) return false;
  if (raw.startsWith('/')) return !raw.startsWith('//') && !raw.startsWith('/\\');
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Checks a banner. `now` is given when saving (an expiry must lie ahead); reading a stored banner
 * passes null, as an expired banner is merely inactive, not damaged.
 */
export function validateBanner(
  input: Record<string, unknown>,
  now: number | null,
): { ok: true; value: Banner } | { ok: false; errors: BannerError[] } {
  const errors: BannerError[] = [];
  const text =
    typeof input.text === 'string'
      ? input.text
          .replace(/\p{Cc}/gu, ' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  if (text === '') errors.push({ field: 'text', problem: 'required' });
  else if ([...text].length > BANNER_TEXT_MAX) errors.push({ field: 'text', problem: 'too-long' });
  const rawLink = typeof input.link === 'string' ? input.link.trim() : null;
  if (input.link !== undefined && input.link !== null && typeof input.link !== 'string')
    errors.push({ field: 'link', problem: 'bad-link' });
  const link = rawLink === '' ? null : rawLink;
  if (link !== null && !safeLink(link)) errors.push({ field: 'link', problem: 'bad-link' });
  if (!isBannerLevel(input.level)) errors.push({ field: 'level', problem: 'bad-level' });
  const expires = input.expiresAt ?? null;
  if (expires !== null && (typeof expires !== 'number' || !Number.isSafeInteger(expires) || expires < 0))
    errors.push({ field: 'expiresAt', problem: 'bad-time' });
  else if (expires !== null && now !== null && expires <= now)
    errors.push({ field: 'expiresAt', problem: 'past' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { text, link, level: input.level as BannerLevel, expiresAt: expires as number | null },
  };
}

/**
 * The banner held in memory for every page. The composition root calls reload() on the cache bus's
 * "banner" invalidation, so a save in one process reaches the others.
 */
export class BannerStore {
  private current: Banner | null = null;

  constructor(private readonly db: Db) {}

  /** The stored banner, expired or not (the back office shows it either way). */
  get(): Banner | null {
    return this.current;
  }

  /** The banner to show at `now`, or null. */
  active(now: number): Banner | null {
    const b = this.current;
    return b && (b.expiresAt === null || b.expiresAt > now) ? b : null;
  }

  async reload(): Promise<Banner | null> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', KEY)
      .executeTakeFirst();
    let stored: unknown = null;
    try {
      stored = row ? JSON.parse(row.value) : null;
    } catch {
      stored = null;
    }
    const checked =
      stored && typeof stored === 'object' ? validateBanner(stored as Record<string, unknown>, null) : null;
    // A damaged row shows no banner rather than breaking every page.
    this.current = checked?.ok ? checked.value : null;
    return this.current;
  }

  async save(
    input: Record<string, unknown>,
    now: number,
  ): Promise<{ ok: true; value: Banner } | { ok: false; errors: BannerError[] }> {
    const checked = validateBanner(input, now);
    if (!checked.ok) return checked;
    const value = JSON.stringify(checked.value);
    await this.db
      .insertInto('settings')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    this.current = checked.value;
    return checked;
  }

  async remove(): Promise<void> {
    await this.db.deleteFrom('settings').where('key', '=', KEY).execute();
    this.current = null;
  }
}
