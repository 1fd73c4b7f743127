import type { Db } from '../db/index.js';
import type { Category, CommentRules } from './types.js';

// Paths the site itself uses; a category may not take them as its slug.
export const RESERVED_SLUGS = new Set([
  'assets',
  'media',
  'api',
  'tema',
  'temi',
  'avtor',
  'arhiv',
  'na-dneshnata-data',
  'healthz',
  'admin',
  'search',
  'comments',
  'profil',
  'preview',
  'favicon.ico',
  'robots.txt',
  'sitemap.xml',
  'sitemaps',
  'feed',
]);

export async function listCategories(db: Db): Promise<Category[]> {
  const rows = await db.selectFrom('categories').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    position: r.position,
    commentRules: {
      who: r.comments_who,
      moderation: r.comments_moderation,
      closeDays: r.comments_close_days,
    },
  }));
}

export interface NewCategory {
  slug: string;
  name: string;
  description?: string;
  parentId?: number | null;
  position?: number;
  commentRules?: Partial<CommentRules>;
}

export async function createCategory(db: Db, input: NewCategory, now: number): Promise<number> {
  if (RESERVED_SLUGS.has(input.slug)) throw new Error(`category slug "${input.slug}" is reserved`);
  const row = await db
    .insertInto('categories')
    .values({
      slug: input.slug,
      name: input.name,
      description: input.description ?? '',
      parent_id: input.parentId ?? null,
      position: input.position ?? 0,
      comments_who: input.commentRules?.who ?? null,
      comments_moderation: input.commentRules?.moderation ?? null,
      comments_close_days: input.commentRules?.closeDays ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A category and all its descendants, for listing a parent category's articles. */
export function withDescendants(all: Category[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parentId === ids[i]) ids.push(c.id);
  }
  return ids;
}

/** Categories change rarely and every page shows them: kept in memory, reloaded on change. */
export class CategoryDirectory {
  private list: Category[] = [];
  private bySlugMap = new Map<string, Category>();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    this.list = await listCategories(this.db);
    this.bySlugMap = new Map(this.list.map((c) => [c.slug, c]));
  }

  get all(): Category[] {
    return this.list;
  }

  bySlug(slug: string): Category | undefined {
    return this.bySlugMap.get(slug);
  }
}
