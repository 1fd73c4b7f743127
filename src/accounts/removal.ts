// Deleting a reader's account, all or nothing in one transaction. The reader chooses whether
// their comments go with them or stay under a "deleted user" label; either way their reactions
// are taken back from the counts, and sessions and mailed links go with the user row.
import type { Db } from '../db/index.js';

export type DeleteMode = 'remove-comments' | 'keep-comments';

export const DELETED_USER_LABEL = { bg: 'изтрит потребител', en: 'deleted user' } as const;

/** Returns the articles whose visible comments changed, for the page cache. */
export async function removeAccount(
  db: Db,
  userId: number,
  mode: DeleteMode,
  deletedLabel: string,
): Promise<{ articleIds: number[] }> {
  return db.transaction().execute(async (trx) => {
    const changed = new Set<number>();
    const ownComments = trx.selectFrom('comments').select('id').where('user_id', '=', userId);

    const approved = await trx
      .selectFrom('comments')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', '=', userId)
      .where('status', '=', 'approved')
      .groupBy('article_id')
      .execute();
    for (const row of approved) changed.add(row.article_id);

    if (mode === 'remove-comments') {
      // Earlier versions of an edited comment are the reader's words too.
      await trx.deleteFrom('comment_revisions').where('comment_id', 'in', ownComments).execute();
      await trx
        .updateTable('comments')
        .set({ status: 'deleted', body: '', author_name: deletedLabel, author_email: null })
        .where('user_id', '=', userId)
        .where('status', '!=', 'deleted')
        .execute();
      for (const row of approved) {
        await trx
          .updateTable('articles')
          .set((eb) => ({ comment_count: eb('comment_count', '-', Number(row.n)) }))
          .where('id', '=', row.article_id)
          .execute();
      }
    } else {
      await trx
        .updateTable('comments')
        .set({ author_name: deletedLabel, user_id: null, author_email: null })
        .where('user_id', '=', userId)
        .execute();
    }

    const reactedArticles = await trx
      .selectFrom('comment_reactions')
      .innerJoin('comments', 'comments.id', 'comment_reactions.comment_id')
      .select('comments.article_id')
      .distinct()
      .where('comment_reactions.user_id', '=', userId)
      .where('comments.status', '=', 'approved')
      .execute();
    for (const row of reactedArticles) changed.add(row.article_id);
    for (const [value, column] of [
      [1, 'likes'],
      [-1, 'dislikes'],
    ] as const) {
      const reacted = trx
        .selectFrom('comment_reactions')
        .select('comment_id')
        .where('user_id', '=', userId)
        .where('value', '=', value);
      await trx
        .updateTable('comments')
        .set((eb) => ({ [column]: eb(column, '-', 1) }))
        .where('id', 'in', reacted)
        .execute();
    }
    await trx.deleteFrom('comment_reactions').where('user_id', '=', userId).execute();

    // Sessions and tokens cascade; reports and the moderators' log keep their rows, unsigned.
    await trx.deleteFrom('users').where('id', '=', userId).execute();
    return { articleIds: [...changed].sort((a, b) => a - b) };
  });
}
