// For the newsroom's tests: staff accounts straight in the database and drafts with defaults.
import type { Db } from '../db/index.js';
import type { Role } from '../db/schema.js';
import type { Actor, ArticleDraft } from './types.js';

let seq = 0;

export async function addStaff(db: Db, role: Role, displayName: string, now: number): Promise<Actor> {
  seq++;
  const row = await db
    .insertInto('users')
    .values({
      email: `staff${seq}-${now}@example.bg`,
      display_name: displayName,
      password_hash: 'x',
      role,
      created_at: now,
      updated_at: now,
      email_verified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, role, displayName };
}

export function draftOf(categoryId: number, extra: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    title: 'Общината обяви нов график на градския транспорт',
    slug: '',
    lead: 'Промените влизат в сила от понеделник.',
    bodyHtml: '<p>Автобусите по линии 94 и 280 ще се движат на всеки осем минути.</p>',
    categoryId,
    tags: [],
    authorIds: [],
    coverMediaId: null,
    seoTitle: '',
    seoDescription: '',
    commentsWho: null,
    commentsModeration: null,
    commentsCloseDays: null,
    breaking: false,
    ...extra,
  };
}
