// The home page as the editors arrange it: slot 0 is the lead story, slots 1…MAX_TOP the top
// stories in order. A slot may hold a scheduled article (it shows once the article is out) and
// may end at an "until" time, after which the home page falls back to the newest articles.
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { ArticleStatus } from '../db/schema.js';

export const LEAD_SLOT = 0;
export const MAX_TOP = 6;
/** Every slot number, the lead first. */
export const SLOTS: readonly number[] = Object.freeze(Array.from({ length: MAX_TOP + 1 }, (_, i) => i));

export interface ActiveSlot {
  slot: number;
  articleId: number;
}

/** How a slot stands now: shown, ended, waiting for its article, or holding one no longer public. */
export type SlotState = 'active' | 'expired' | 'waiting' | 'unavailable';

export interface SlotEntry {
  slot: number;
  articleId: number;
  title: string;
  status: ArticleStatus;
  publishedAt: number | null;
  scheduledAt: number | null;
  until: number | null;
  setBy: string | null;
  setAt: number;
  state: SlotState;
}

export interface PickableArticle {
  id: number;
  title: string;
  status: 'published' | 'scheduled';
  /** When it went out, or when it is due to. */
  at: number;
}

export type SetSlotError = 'bad-slot' | 'no-article' | 'not-publishable' | 'until-past';

export type Dialect = 'sqlite' | 'postgres';

export const SEARCH_LIMIT = 20;
export const SEARCH_MAX = 200;

export function isSlot(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_TOP;
}

/**
 * A pattern that matches titles containing `term` whatever the case of each letter: SQLite's
 * lower() and LIKE fold ASCII only, and PostgreSQL folds by the server's locale, so every cased
 * letter becomes a class of its two forms ([мМ]) — exact for Cyrillic on both engines.
 */
export function caseFreePattern(term: string, dialect: Dialect): string {
  const body = [...term]
    .map((ch) => {
      const lower = ch.toLocaleLowerCase('bg');
      const upper = ch.toLocaleUpperCase('bg');
      if (lower !== upper && [...lower].length === 1 && [...upper].length === 1) return `[${lower}${upper}]`;
      if (dialect === 'sqlite') return /[*?[\]]/.test(ch) ? `[${ch}]` : ch;
      return /[\\^$.|?*+()[\]{}-]/.test(ch) ? `\\${ch}` : ch;
    })
    .join('');
  return dialect === 'sqlite' ? `*${body}*` : body;
}

function stateOf(
  row: { status: ArticleStatus; published_at: number | null; until: number | null },
  now: number,
): SlotState {
  if (row.until !== null && row.until <= now) return 'expired';
  if (row.status === 'scheduled') return 'waiting';
  if (row.status !== 'published' || row.published_at === null) return 'unavailable';
  return row.published_at <= now ? 'active' : 'waiting';
}

export class HomeCuration {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  /** The slots the home page shows now, in slot order. */
  async active(now: number): Promise<ActiveSlot[]> {
    const rows = await this.db
      .selectFrom('home_slots as h')
      .innerJoin('articles as a', 'a.id', 'h.article_id')
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', now)
      .where((eb) => eb.or([eb('h.until', 'is', null), eb('h.until', '>', now)]))
      .select(['h.slot', 'h.article_id'])
      .orderBy('h.slot')
      .execute();
    return rows.map((r) => ({ slot: r.slot, articleId: r.article_id }));
  }

  /** Every filled slot for the back office, whatever its state. */
  async list(now: number): Promise<SlotEntry[]> {
    const rows = await this.db
      .selectFrom('home_slots as h')
      .innerJoin('articles as a', 'a.id', 'h.article_id')
      .leftJoin('users as u', 'u.id', 'h.set_by')
      .select([
        'h.slot',
        'h.article_id',
        'h.until',
        'h.set_at',
        'a.title',
        'a.status',
        'a.published_at',
        'a.scheduled_at',
        'u.display_name',
      ])
      .orderBy('h.slot')
      .execute();
    return rows.map((r) => ({
      slot: r.slot,
      articleId: r.article_id,
      title: r.title,
      status: r.status,
      publishedAt: r.published_at,
      scheduledAt: r.scheduled_at,
      until: r.until,
      setBy: r.display_name,
      setAt: r.set_at,
      state: stateOf(r, now),
    }));
  }

  /**
   * Puts an article in a slot. An article stands in one slot at most: placing it again moves it,
   * in the same transaction, so the home page never shows it twice.
   */
  async set(
    slot: number,
    articleId: number,
    until: number | null,
    userId: number | null,
    now: number,
  ): Promise<{ ok: true } | { ok: false; error: SetSlotError }> {
    if (!isSlot(slot)) return { ok: false, error: 'bad-slot' };
    if (until !== null && (!Number.isFinite(until) || until <= now))
      return { ok: false, error: 'until-past' };
    return this.db.transaction().execute(async (trx) => {
      const article = await trx
        .selectFrom('articles')
        .select(['id', 'status'])
        .where('id', '=', articleId)
        .executeTakeFirst();
      if (!article) return { ok: false as const, error: 'no-article' as const };
      if (article.status !== 'published' && article.status !== 'scheduled')
        return { ok: false as const, error: 'not-publishable' as const };
      await trx
        .deleteFrom('home_slots')
        .where('article_id', '=', articleId)
        .where('slot', '<>', slot)
        .execute();
      const values = { article_id: articleId, until, set_by: userId, set_at: now };
      await trx
        .insertInto('home_slots')
        .values({ slot, ...values })
        .onConflict((oc) => oc.column('slot').doUpdateSet(values))
        .execute();
      return { ok: true as const };
    });
  }

  /** Empties a slot; true when it held something. */
  async clear(slot: number): Promise<boolean> {
    if (!isSlot(slot)) return false;
    const result = await this.db.deleteFrom('home_slots').where('slot', '=', slot).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The earliest `until` after `now`: when the home page changes by itself next. */
  async nextChange(now: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('home_slots')
      .where('until', '>', now)
      .select((eb) => eb.fn.min<number>('until').as('next'))
      .executeTakeFirst();
    return row?.next === null || row?.next === undefined ? null : Number(row.next);
  }

  /** Published and scheduled articles whose title contains the term (any case), newest first. */
  async search(term: string, limit = SEARCH_LIMIT): Promise<PickableArticle[]> {
    let query = this.db
      .selectFrom('articles')
      .select(['id', 'title', 'status', 'published_at', 'scheduled_at'])
      .where('status', 'in', ['published', 'scheduled']);
    const trimmed = term.trim();
    if (trimmed !== '') {
      const pattern = caseFreePattern(trimmed, this.dialect);
      query = query.where(
        this.dialect === 'sqlite' ? sql<boolean>`title glob ${pattern}` : sql<boolean>`title ~ ${pattern}`,
      );
    }
    const rows = await query
      .orderBy(sql`case when status = 'scheduled' then scheduled_at else published_at end`, 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as 'published' | 'scheduled',
      at: (r.status === 'scheduled' ? r.scheduled_at : r.published_at) ?? 0,
    }));
  }
}
