// Moving an article through draft → in review → scheduled → published → unpublished. Each step is
// one conditional update (it applies only if the status is still the one we read, so two people
// clicking at once cannot both succeed) plus a revision recording it.
import type { Db } from '../db/index.js';
import type { ArticleStatus, ArticleUpdate } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { syncSearchDoc } from '../search/index-sync.js';
import { localParts } from '../text/dates.js';
import { recordRevision } from './revisions.js';
import { canAct, TRANSITIONS, type WorkflowAction } from './rights.js';
import type { Actor } from './types.js';

export type TransitionResult =
  | { ok: true; from: ArticleStatus; to: ArticleStatus; version: number }
  | {
      ok: false;
      reason: 'not-found' | 'forbidden' | 'not-allowed-now' | 'stale' | 'time-in-past' | 'time-missing';
    };

/** The columns that put an article on the site at `now`; a republished article keeps its first date. */
export function publishColumns(
  firstPublishedAt: number | null,
  now: number,
  timeZone: string,
): ArticleUpdate {
  const at = firstPublishedAt ?? now;
  const local = localParts(at, timeZone);
  return {
    status: 'published',
    published_at: at,
    published_ymd: local.ymd,
    published_md: local.md,
    scheduled_at: null,
  };
}

export async function transition(
  db: Db,
  input: {
    id: number;
    action: WorkflowAction;
    actor: Actor | null;
    now: number;
    at?: number | null;
    timeZone: string;
  },
): Promise<TransitionResult> {
  const { id, action, actor, now } = input;
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('articles')
      .select(['status', 'owner_id', 'published_at', 'version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' };
    const owned = { ownerId: row.owner_id, status: row.status };
    if (actor && !canAct(actor, owned, action)) return { ok: false, reason: 'forbidden' };
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(row.status)) return { ok: false, reason: 'not-allowed-now' };
    let set: ArticleUpdate = { status: rule.to };
    if (action === 'schedule') {
      if (input.at === undefined || input.at === null) return { ok: false, reason: 'time-missing' };
      if (input.at <= now) return { ok: false, reason: 'time-in-past' };
      set = { status: 'scheduled', scheduled_at: input.at };
    } else if (action === 'publish') {
      set = publishColumns(row.published_at === null ? null : Number(row.published_at), now, input.timeZone);
    } else if (action === 'unschedule') {
      set = { status: 'draft', scheduled_at: null };
    }
    const done = await trx
      .updateTable('articles')
      .set({ ...set, updated_at: now, ...(actor ? { updated_by: actor.id } : {}) })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return { ok: false, reason: 'stale' };
    await recordRevision(trx, { articleId: id, version: row.version, kind: 'status', actor, now });
    await syncSearchDoc(trx, id);
    return { ok: true, from: row.status, to: rule.to, version: row.version };
  });
}
