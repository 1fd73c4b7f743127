// Test data builders: each test makes the content it needs on its own fresh database.
import type { Db } from '../db/index.js';
import { createArticle } from './articles.js';
import { createCategory } from './categories.js';
import { createAuthor, createTag } from './people.js';
import type { CommentRules } from './types.js';

let counter = 0;

export interface Newsroom {
  categories: { world: number; sport: number; football: number };
  authorId: number;
  tags: { energy: number; sofia: number };
}

export async function buildNewsroom(db: Db, now: number): Promise<Newsroom> {
  const world = await createCategory(db, { slug: 'svyat', name: 'Свят', position: 0 }, now);
  const sport = await createCategory(db, { slug: 'sport', name: 'Спорт', position: 1 }, now);
  const football = await createCategory(
    db,
    { slug: 'futbol', name: 'Футбол', parentId: sport, position: 2 },
    now,
  );
  const authorId = await createAuthor(
    db,
    { slug: 'maria-ivanova', name: 'Мария Иванова', title: 'Репортер' },
    now,
  );
  const energy = await createTag(db, { slug: 'energetika', name: 'Енергетика', kind: 'topic' }, now);
  const sofia = await createTag(db, { slug: 'sofia', name: 'София', kind: 'place' }, now);
  return { categories: { world, sport, football }, authorId, tags: { energy, sofia } };
}

export interface ArticleSpec {
  categoryId: number;
  title?: string;
  slug?: string;
  publishedAt: number;
  tagIds?: number[];
  authorIds?: number[];
  commentRules?: Partial<CommentRules>;
  status?: 'published' | 'draft';
  bodyHtml?: string;
}

export async function buildArticle(db: Db, spec: ArticleSpec, timeZone = 'Europe/Sofia'): Promise<number> {
  counter++;
  return createArticle(
    db,
    {
      categoryId: spec.categoryId,
      slug: spec.slug ?? `statia-${counter}`,
      title: spec.title ?? `Тестова статия ${counter}`,
      lead: 'Кратко резюме на тестовата статия за проверка на страниците.',
      bodyHtml: spec.bodyHtml ?? '<p>Първи абзац.</p><p>Втори абзац.</p>',
      status: spec.status ?? 'published',
      publishedAt: spec.publishedAt,
      authorIds: spec.authorIds ?? [],
      tagIds: spec.tagIds ?? [],
      cover: null,
      commentRules: spec.commentRules ?? {},
    },
    spec.publishedAt,
    timeZone,
  );
}
