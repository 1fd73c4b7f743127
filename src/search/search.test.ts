import { beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../content/articles.js';
import { createCategory } from '../content/categories.js';
import { createAuthor, createTag } from '../content/people.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { transition } from '../newsroom/workflow.js';
import { indexArticles, syncSearchDoc } from './index-sync.js';
import { parseQuery } from './query.js';
import { reindexAll } from './reindex.js';
import { type SearchFilters, type SearchSort, searchArticles, searchWithFallback } from './search.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 10);
const TZ = 'Europe/Sofia';

// Written for this test: short news items with the forms of „държава“ spread over fields.
const ARTICLES = [
  {
    key: 'title-old',
    title: 'Държавата поема болниците',
    lead: 'Решение на кабинета.',
    body: 'Текст за здравеопазването.',
    daysAgo: 9,
  },
  {
    key: 'title-new',
    title: 'Държави от региона подписаха споразумение',
    lead: 'Среща в Солун.',
    body: 'Министрите се събраха вчера.',
    daysAgo: 2,
  },
  {
    key: 'lead',
    title: 'Нов закон за бюджета',
    lead: 'Държавните разходи и държавата като работодател.',
    body: 'Депутатите гласуваха.',
    daysAgo: 1,
  },
  {
    key: 'body',
    title: 'Рекордна реколта от слънчоглед',
    lead: 'Земеделците са доволни.',
    body: 'Изкупните цени зависят и от държавата, казват производителите.',
    daysAgo: 0,
  },
  {
    key: 'phrase',
    title: 'Анализ на „Ислямска държава“',
    lead: 'Групировката губи територия.',
    body: 'Ислямската държава се оттегля от Ракка.',
    daysAgo: 3,
  },
  {
    key: 'scatter',
    title: 'Ислямска архитектура в Пловдив',
    lead: 'Изложба.',
    body: 'Джамията е пример; държава и град я пазят.',
    daysAgo: 4,
  },
  {
    key: 'other',
    title: 'Времето утре: слънчево',
    lead: 'Температури до 20 градуса.',
    body: 'Вятър от юг.',
    daysAgo: 0,
  },
  {
    key: 'english',
    title: 'Elections in Bulgaria',
    lead: 'Voters elected a new parliament.',
    body: 'The electoral commission counted.',
    daysAgo: 5,
  },
];

describeEachDatabase('searchArticles', (getDb) => {
  let db: Db;
  const ids = new Map<string, number>();
  let sport = 0;
  let news = 0;
  let tagId = 0;
  let authorId = 0;

  beforeAll(async () => {
    db = getDb().db;
    news = await createCategory(db, { slug: 'novini', name: 'Новини', parentId: null }, NOW);
    sport = await createCategory(db, { slug: 'sport', name: 'Спорт', parentId: null }, NOW);
    tagId = await createTag(
      db,
      { slug: 'islyamska-darzhava', name: 'Ислямска държава', kind: 'organisation' },
      NOW,
    );
    authorId = await createAuthor(db, { slug: 'ivana', name: 'Ивана Петрова' }, NOW);
    for (const a of ARTICLES) {
      const id = await insertArticle(
        db,
        {
          categoryId: a.key === 'other' ? sport : news,
          slug: a.key,
          title: a.title,
          lead: a.lead,
          bodyHtml: `<p>${a.body}</p>`,
          status: 'published',
          publishedAt: NOW - a.daysAgo * DAY,
          authorIds: a.key === 'phrase' ? [authorId] : [],
          tagIds: a.key === 'phrase' || a.key === 'scatter' ? [tagId] : [],
        },
        NOW,
        TZ,
      );
      ids.set(a.key, id);
    }
    await indexArticles(db, [...ids.values()]);
  });

  const keysOf = async (q: string, filters: SearchFilters = {}, sort: SearchSort = 'relevance') => {
    const page = await searchArticles(db, { query: parseQuery(q), filters, sort, offset: 0, limit: 20 });
    const byId = new Map([...ids].map(([k, v]) => [v, k]));
    return page.hits.map((h) => byId.get(h.articleId));
  };

  it('finds every inflected form; titles outrank leads, leads bodies, newer first on ties', async () => {
    expect(await keysOf('държава')).toEqual(['title-new', 'phrase', 'title-old', 'lead', 'body', 'scatter']);
    expect(await keysOf('ДЪРЖАВИТЕ')).toEqual(await keysOf('държава'));
  });

  it('sorts by date when asked', async () => {
    expect(await keysOf('държава', {}, 'date')).toEqual([
      'body',
      'lead',
      'title-new',
      'phrase',
      'scatter',
      'title-old',
    ]);
  });

  it('matches "exact phrases" in any inflection, not scattered words', async () => {
    expect(await keysOf('"ислямска държава"')).toEqual(['phrase']);
    expect(await keysOf('ислямска държава')).toEqual(['phrase', 'scatter']);
    expect(await keysOf('„Ислямската държава“')).toEqual(['phrase']);
  });

  it('matches prefixes', async () => {
    expect(await keysOf('държав*')).toEqual(['title-new', 'phrase', 'title-old', 'lead', 'body', 'scatter']);
    expect(await keysOf('слънч*')).toEqual(['other', 'body']);
  });

  it('stems English words with Porter', async () => {
    expect(await keysOf('election')).toEqual(['english']);
    expect(await keysOf('electing')).toEqual(['english']);
  });

  it('filters by section, topic, author and dates', async () => {
    expect(await keysOf('слънч*', { categoryIds: [sport] })).toEqual(['other']);
    expect(await keysOf('държава', { tagId })).toEqual(['phrase', 'scatter']);
    expect(await keysOf('държава', { authorId })).toEqual(['phrase']);
    expect(await keysOf('държава', { from: NOW - 3.5 * DAY, to: NOW - 1.5 * DAY })).toEqual([
      'title-new',
      'phrase',
    ]);
    // No words, only a filter: the filtered articles, newest first.
    expect(await keysOf('', { tagId })).toEqual(['phrase', 'scatter']);
    expect(await keysOf('', { categoryIds: [news], from: NOW - 1.5 * DAY })).toEqual(['body', 'lead']);
  });

  it('falls back to any of the words when no article has all of them', async () => {
    const request = { filters: {}, sort: 'relevance' as const, offset: 0, limit: 10 };
    const none = await searchArticles(db, { ...request, query: parseQuery('реколта пингвини') });
    expect(none.total).toBe(0);
    const some = await searchWithFallback(db, { ...request, query: parseQuery('реколта пингвини') });
    expect(some).toMatchObject({ total: 1, partial: true });
    const full = await searchWithFallback(db, { ...request, query: parseQuery('реколта слънчоглед') });
    expect(full).toMatchObject({ total: 1, partial: false });
  });

  it('counts the matches', async () => {
    const page = await searchArticles(db, {
      query: parseQuery('държава'),
      filters: {},
      sort: 'relevance',
      offset: 4,
      limit: 2,
    });
    expect(page.total).toBe(6);
    expect(page.capped).toBe(false);
    expect(page.hits).toHaveLength(2);
  });

  it('follows publish and unpublish in the same transaction, and a rolled-back one leaves no trace', async () => {
    const id = ids.get('other') as number;
    expect(await keysOf('времето')).toEqual(['other']);
    expect(
      await transition(db, { id, action: 'unpublish', actor: null, now: NOW, timeZone: TZ }),
    ).toMatchObject({ ok: true });
    expect(await keysOf('времето')).toEqual([]);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('articles').set({ status: 'published' }).where('id', '=', id).execute();
        await syncSearchDoc(trx, id);
        throw new Error('the save failed after indexing');
      }),
    ).rejects.toThrow('the save failed');
    expect(await keysOf('времето')).toEqual([]);
    expect(
      await transition(db, { id, action: 'publish', actor: null, now: NOW, timeZone: TZ }),
    ).toMatchObject({ ok: true });
    expect(await keysOf('времето')).toEqual(['other']);
  });

  it('rebuilds the index with reindexAll', async () => {
    await db.deleteFrom('search_docs').execute();
    expect(await keysOf('държава')).toEqual([]);
    const lists = await db.selectFrom('article_related').select('article_id').execute();
    const withList = new Set(lists.map((r) => r.article_id));
    const result = await reindexAll(db, { batchSize: 3, related: 'missing' });
    expect(result.indexed).toBe(ARTICLES.length);
    // Only the articles without a related list get one computed.
    expect(result.related).toBe(ARTICLES.length - withList.size);
    expect(await keysOf('държава')).toHaveLength(6);
  });
});

describe('parseQuery', () => {
  it('reads phrases, prefixes and words, and drops stop words', () => {
    expect(parseQuery('"Народно събрание" държав* и бюджет').parts).toEqual([
      { kind: 'phrase', terms: ['народн', 'събран'] },
      { kind: 'prefix', prefix: 'държав' },
      { kind: 'term', term: 'бюджет', variants: ['бюджет', 'бюдж', 'бюджят'] },
    ]);
    expect(parseQuery('и на за').onlyStopwords).toBe(true);
    expect(parseQuery('!!! ???').onlyStopwords).toBe(false);
    expect(parseQuery('!!! ???').parts).toEqual([]);
  });

  it('reads an unbalanced quote as plain words', () => {
    expect(parseQuery('"ислямска държава').parts.map((p) => p.kind === 'term' && p.term)).toEqual([
      'ислямск',
      'държав',
    ]);
  });

  it('asks also for the terms of other forms of a word, which the light stemmer cuts differently', () => {
    const variants = (q: string) => {
      const part = parseQuery(q).parts[0];
      return part?.kind === 'term' ? part.variants : [];
    };
    // президента → президн, президент → президент: each finds the other.
    expect(variants('президент')).toContain('президн');
    expect(variants('президента')).toContain('президент');
    expect(variants('съвет')).toContain('съв');
    expect(variants('бюджет')).toContain('бюдж');
    // Short words and Latin words are left alone.
    expect(variants('град')).toEqual(['град']);
    expect(variants('budget')).toEqual(['budget']);
  });
});
