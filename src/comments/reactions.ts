// 👍 and 👎 on comments: one reaction per reader per comment. Sending the same one again takes it
// back, the other one switches it. The counters on the comment move in the same transaction, by
// exactly what the reaction table changed, so they stay equal to a count of its rows.
import type { Db } from '../db/index.js';

export type ReactionValue = 1 | -1;

export type ReactResult =
  | { ok: true; likes: number; dislikes: number; myReaction: ReactionValue | 0 }
  | { ok: false; reason: 'not-found' | 'own-comment' };

const column = (value: ReactionValue) => (value === 1 ? 'likes' : 'dislikes');

async function bump(trx: Db, commentId: number, value: ReactionValue, by: 1 | -1): Promise<void> {
  const name = column(value);
  await trx
    .updateTable('comments')
    .set((eb) => ({ [name]: eb(name, '+', by) }))
    .where('id', '=', commentId)
    .execute();
}

export async function react(
  db: Db,
  input: { commentId: number; userId: number; value: ReactionValue; now: number },
): Promise<ReactResult> {
  if (input.value !== 1 && input.value !== -1) throw new RangeError('reaction must be 1 or -1');
  return db.transaction().execute(async (trx): Promise<ReactResult> => {
    const comment = await trx
      .selectFrom('comments')
      .select(['id', 'user_id', 'status'])
      .where('id', '=', input.commentId)
      .executeTakeFirst();
    if (comment?.status !== 'approved') return { ok: false, reason: 'not-found' };
    if (comment.user_id === input.userId) return { ok: false, reason: 'own-comment' };

    const mine = await applyReaction(trx, input);
    const counts = await trx
      .selectFrom('comments')
      .select(['likes', 'dislikes'])
      .where('id', '=', input.commentId)
      .executeTakeFirstOrThrow();
    return { ok: true, likes: Number(counts.likes), dislikes: Number(counts.dislikes), myReaction: mine };
  });
}

/** Each step is conditional on the row it expects, so a double click changes things once. */
async function applyReaction(
  trx: Db,
  input: { commentId: number; userId: number; value: ReactionValue; now: number },
): Promise<ReactionValue | 0> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await trx
      .selectFrom('comment_reactions')
      .select('value')
      .where('comment_id', '=', input.commentId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst();
    if (!existing) {
      const inserted = await trx
        .insertInto('comment_reactions')
        .values({
          comment_id: input.commentId,
          user_id: input.userId,
          value: input.value,
          created_at: input.now,
        })
        .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
        .returning('value')
        .executeTakeFirst();
      if (!inserted) continue;
      await bump(trx, input.commentId, input.value, 1);
      return input.value;
    }
    const previous = Number(existing.value) === 1 ? 1 : -1;
    if (previous === input.value) {
      const removed = await trx
        .deleteFrom('comment_reactions')
        .where('comment_id', '=', input.commentId)
        .where('user_id', '=', input.userId)
        .where('value', '=', previous)
        .returning('value')
        .executeTakeFirst();
      if (!removed) continue;
      await bump(trx, input.commentId, previous, -1);
      return 0;
    }
    const switched = await trx
      .updateTable('comment_reactions')
      .set({ value: input.value, created_at: input.now })
      .where('comment_id', '=', input.commentId)
      .where('user_id', '=', input.userId)
      .where('value', '=', previous)
      .returning('value')
      .executeTakeFirst();
    if (!switched) continue;
    await bump(trx, input.commentId, previous, -1);
    await bump(trx, input.commentId, input.value, 1);
    return input.value;
  }
  throw new Error(`reaction of user ${input.userId} on comment ${input.commentId} kept changing`);
}
