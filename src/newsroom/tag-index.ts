// The public index of topics (/temi): tags that have published articles, grouped by kind, each with
// the number of its published articles, names in the order of the Bulgarian alphabet.
import type { Db } from '../db/index.js';
import type { TagKind } from '../db/schema.js';

export interface IndexedTag {
  id: number;
  name: string;
  slug: string;
  kind: TagKind;
  /** Published articles filed under it. */
  articles: number;
}

/** The kinds in the order the index shows them. */
export const INDEX_KINDS: readonly TagKind[] = ['person', 'place', 'organisation', 'topic'];

export type TopicIndex = { kind: TagKind; tags: IndexedTag[] }[];

const collator = new Intl.Collator('bg');

/** Only kinds with at least one tag are listed; a tag counts articles already published at `now`. */
export async function topicIndex(db: Db, now: number): Promise<TopicIndex> {
  const rows = await db
    .selectFrom('tags as t')
    .innerJoin('article_tags as at', 'at.tag_id', 't.id')
    .innerJoin('articles as a', 'a.id', 'at.article_id')
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .groupBy(['t.id', 't.name', 't.slug', 't.kind'])
    .select(['t.id', 't.name', 't.slug', 't.kind', (eb) => eb.fn.countAll<number | string>().as('n')])
    .execute();
  const tags = rows
    .map((r) => ({ id: r.id, name: r.name, slug: r.slug, kind: r.kind, articles: Number(r.n) }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  return INDEX_KINDS.map((kind) => ({ kind, tags: tags.filter((t) => t.kind === kind) })).filter(
    (group) => group.tags.length > 0,
  );
}
