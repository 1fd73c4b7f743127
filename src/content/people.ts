// Authors and tags: the bylines and topics articles are filed under.
import type { Db } from '../db/index.js';
import type { TagKind } from '../db/schema.js';
import type { Author, TagRef } from './types.js';

export async function findAuthorBySlug(db: Db, slug: string): Promise<Author | null> {
  const r = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? { id: r.id, slug: r.slug, name: r.name, title: r.title, bio: r.bio } : null;
}

export async function createAuthor(
  db: Db,
  input: { slug: string; name: string; title?: string; bio?: string },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('authors')
    .values({
      slug: input.slug,
      name: input.name,
      title: input.title ?? '',
      bio: input.bio ?? '',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findTagBySlug(db: Db, slug: string): Promise<TagRef | null> {
  const r = await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? { id: r.id, slug: r.slug, name: r.name, kind: r.kind } : null;
}

export async function createTag(
  db: Db,
  input: { slug: string; name: string; kind: TagKind },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('tags')
    .values({ slug: input.slug, name: input.name, kind: input.kind, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
