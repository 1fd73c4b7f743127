// The top of the home page: the editors' slots first, the newest articles around them. A curated
// article is never shown twice, and whatever the slots leave empty is filled with the newest.
import { listPublished, summariesByIds } from '../content/lists.js';
import type { ArticleSummary } from '../content/types.js';
import type { Db } from '../db/index.js';
import { type HomeCuration, LEAD_SLOT, MAX_TOP } from './curation.js';

export const FRONT_TOP = 4;
export const FRONT_LATEST = 8;

export interface Front {
  lead: ArticleSummary | null;
  /** At least FRONT_TOP when there are enough articles; more when more slots are curated. */
  top: ArticleSummary[];
  latest: ArticleSummary[];
}

/** Lays out the front from the active slots (in slot order) and the newest articles. */
export function arrangeFront(
  slots: { slot: number; article: ArticleSummary }[],
  newest: ArticleSummary[],
): Front {
  const used = new Set<number>();
  const take = (a: ArticleSummary | undefined) => {
    if (!a || used.has(a.id)) return null;
    used.add(a.id);
    return a;
  };
  const curatedLead = take(slots.find((s) => s.slot === LEAD_SLOT)?.article);
  const curatedTop = slots
    .filter((s) => s.slot !== LEAD_SLOT)
    .map((s) => take(s.article))
    .filter((a): a is ArticleSummary => a !== null);
  const rest = () => newest.filter((a) => !used.has(a.id));
  const lead = curatedLead ?? take(rest()[0]);
  const top = [...curatedTop];
  for (const a of rest()) {
    if (top.length >= FRONT_TOP) break;
    top.push(a);
    used.add(a.id);
  }
  return { lead, top, latest: rest().slice(0, FRONT_LATEST) };
}

/** Reads the active slots and enough of the newest articles, and lays out the front. */
export async function loadFront(db: Db, curation: HomeCuration, now: number): Promise<Front> {
  const active = await curation.active(now);
  const [newest, summaries] = await Promise.all([
    listPublished(db, now, {}, 1 + FRONT_TOP + FRONT_LATEST + MAX_TOP + 1),
    summariesByIds(
      db,
      now,
      active.map((s) => s.articleId),
    ),
  ]);
  const slots = active.flatMap((s) => {
    const article = summaries.get(s.articleId);
    return article ? [{ slot: s.slot, article }] : [];
  });
  return arrangeFront(slots, newest);
}
