// Turning demo data into stored form: body blocks into HTML, comment trees into rows.
import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { DemoArticle, DemoBlock, DemoComment } from './types.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function bodyHtml(blocks: DemoBlock[]): string {
  return blocks
    .map((b) => {
      if (typeof b === 'string') return `<p>${escapeHtml(b)}</p>`;
      if ('h' in b) return `<h2>${escapeHtml(b.h)}</h2>`;
      if ('quote' in b) {
        const cite = b.cite ? `<cite>${escapeHtml(b.cite)}</cite>` : '';
        return `<blockquote><p>${escapeHtml(b.quote)}</p>${cite}</blockquote>`;
      }
      return `<ul>${b.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    })
    .join('\n');
}

/** Inserts an article's comment tree (approved, as if moderated long ago); returns how many. */
export async function insertComments(
  trx: Db,
  articleId: number,
  article: DemoArticle,
  publishedAt: number,
  now: number,
): Promise<number> {
  let count = 0;
  const insert = async (c: DemoComment, parentId: number | null, threadId: number | null): Promise<void> => {
    const createdAt = Math.min(publishedAt + c.after * 60_000, now - 60_000);
    const key = createHash('sha256').update(`demo:${article.key}:${count}:${c.name}`).digest('base64url');
    const { id } = await trx
      .insertInto('comments')
      .values({
        article_id: articleId,
        parent_id: parentId,
        thread_id: threadId,
        author_name: c.name,
        body: c.body,
        status: 'approved',
        created_at: createdAt,
        submission_key: key,
        visitor_hash: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    count++;
    for (const r of c.replies ?? []) await insert(r, id, threadId ?? id);
  };
  for (const c of article.comments ?? []) await insert(c, null, null);
  if (count > 0)
    await trx.updateTable('articles').set({ comment_count: count }).where('id', '=', articleId).execute();
  return count;
}
