// Related articles over a few thousand generated articles on forty made-up stories: the lists must
// stay on the story, and the time one refresh takes (it runs inside the publish transaction) is
// printed for docs/search.md.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildNewsroom } from '../content/factories.js';
import { dialectOf } from '../db/dialect.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { writeDocs } from './index-sync.js';
import { RELATED_KEPT, refreshRelated } from './related.js';

const ARTICLES = 3000;
const STORIES = 40;
const PEOPLE_PER_STORY = 3;
const DAY = 86_400_000;
const start = Date.UTC(2024, 0, 1, 9, 0);

/** A small deterministic generator: the corpus is the same on every run and database. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ба ве го да жу зо ки ла ме но пу ра си ту фа хо це чу ша бор вен дин мак рот лес ник гал'.split(' ');

/** Made-up words, all different, none a stop word: a word per index. */
function word(n: number): string {
  let out = '';
  let k = n + SYLLABLES.length * SYLLABLES.length;
  while (k > 0) {
    out += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  return out;
}

interface Generated {
  story: number;
  title: string;
  lead: string;
  body: string;
  people: number[];
}

function generate(): Generated[] {
  const rnd = random(7);
  const storyWord = (story: number) => word(1000 + story * 30 + Math.floor(rnd() * 30));
  // Common words follow a skewed distribution, as words in real text do.
  const commonWord = () => word(Math.floor(rnd() * rnd() * 800));
  const text = (story: number, n: number, share: number) =>
    Array.from({ length: n }, () => (rnd() < share ? storyWord(story) : commonWord())).join(' ');
  return Array.from({ length: ARTICLES }, () => {
    const story = Math.floor(rnd() * STORIES);
    const person = story * PEOPLE_PER_STORY + Math.floor(rnd() * PEOPLE_PER_STORY);
    return {
      story,
      title: text(story, 7, 0.5),
      lead: text(story, 18, 0.35),
      body: `<p>${text(story, 220, 0.2)}</p><p>${text(story, 220, 0.2)}</p>`,
      people: rnd() < 0.5 ? [person] : [],
    };
  });
}

async function load(db: Db, corpus: Generated[], categoryId: number): Promise<number[]> {
  const tagIds: number[] = [];
  for (let p = 0; p < STORIES * PEOPLE_PER_STORY; p++) {
    const kind = p % 3 === 0 ? 'organisation' : 'person';
    const row = await db
      .insertInto('tags')
      .values({ slug: `gen-${p}`, name: `Име ${p}`, kind, created_at: start })
      .returning('id')
      .executeTakeFirstOrThrow();
    tagIds.push(row.id);
  }
  const ids: number[] = [];
  for (let from = 0; from < corpus.length; from += 250) {
    const chunk = corpus.slice(from, from + 250);
    const rows = chunk.map((g, i) => {
      const at = start + Math.floor(((from + i) / corpus.length) * 700) * DAY;
      return {
        category_id: categoryId,
        slug: `gen-${from + i}`,
        title: g.title,
        lead: g.lead,
        body_html: g.body,
        status: 'published' as const,
        published_at: at,
        created_at: at,
        updated_at: at,
        cover_alt: '',
        cover_caption: '',
        cover_credit: '',
      };
    });
    const made = await db.insertInto('articles').values(rows).returning('id').execute();
    const madeIds = made.map((r) => r.id);
    ids.push(...madeIds);
    const links = chunk.flatMap((g, i) =>
      g.people.map((p) => ({ article_id: madeIds[i] as number, tag_id: tagIds[p] as number })),
    );
    if (links.length > 0) await db.insertInto('article_tags').values(links).execute();
    await writeDocs(
      db,
      rows.map((r, i) => ({ ...r, id: madeIds[i] as number, published_at: r.published_at })),
    );
  }
  return ids;
}

describeEachDatabase('related articles over a generated corpus', (getDb) => {
  let db: Db;
  let corpus: Generated[];
  let ids: number[];

  beforeAll(async () => {
    db = getDb().db;
    const room = await buildNewsroom(db, start);
    corpus = generate();
    ids = await load(db, corpus, room.categories.world);
    // A live site's statistics are kept by autovacuum; the related query reads them (see related.ts).
    if (dialectOf(db) === 'postgres') await sql`analyze search_docs`.execute(db);
  }, 120_000);

  it('keeps each list on the story (and prints how long one refresh takes)', async () => {
    const storyOf = new Map(ids.map((id, i) => [id, corpus[i]?.story]));
    const sample = ids.filter((_, i) => i % 60 === 0);
    const times: number[] = [];
    let onStory = 0;
    let listed = 0;
    for (const id of sample) {
      const t0 = performance.now();
      await db.transaction().execute((trx) => refreshRelated(trx, id));
      times.push(performance.now() - t0);
      const list = await db
        .selectFrom('article_related')
        .select('related_id')
        .where('article_id', '=', id)
        .execute();
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(RELATED_KEPT);
      listed += list.length;
      onStory += list.filter((r) => storyOf.get(r.related_id) === storyOf.get(id)).length;
    }
    expect(onStory / listed).toBeGreaterThan(0.95);
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `refreshRelated over ${ARTICLES} articles [${dialectOf(db)}]: ` +
        `mean ${mean.toFixed(1)} ms, median ${times[times.length >> 1]?.toFixed(1)} ms, ` +
        `max ${times[times.length - 1]?.toFixed(1)} ms (${times.length} refreshes)`,
    );
  });
});
