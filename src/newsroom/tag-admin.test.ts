import { beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../content/factories.js';
import { createTag } from '../content/people.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { deleteTag, findTagByNameOrSlug, listTags, mergeTags, updateTag } from './tag-admin.js';
import { checkTagDraft } from './tag-check.js';
import { topicIndex } from './tag-index.js';

const HOUR = 3_600_000;

describe('checking a tag typed by the tag manager', () => {
  it('tidies the name and makes the slug from it when none is typed', () => {
    expect(checkTagDraft({ name: '  Министерски   съвет ', slug: '', kind: 'organisation' })).toEqual({
      ok: true,
      values: { name: 'Министерски съвет', slug: 'ministerski-savet', kind: 'organisation' },
    });
    expect(checkTagDraft({ name: 'София', slug: 'софия', kind: 'place' })).toMatchObject({
      ok: true,
      values: { slug: 'софия' },
    });
  });

  it('refuses what the editor could not use or the address could not hold', () => {
    const errors = (name: string, slug: string, kind = 'topic') => {
      const r = checkTagDraft({ name, slug, kind });
      return r.ok ? {} : r.errors;
    };
    expect(errors('', '')).toEqual({ name: 'required' });
    expect(errors('а'.repeat(61), '')).toEqual({ name: 'too-long' });
    expect(errors('Избори, 2026', '')).toEqual({ name: 'bad-chars' });
    expect(errors('Наука', 'Nauka')).toEqual({ slug: 'invalid' });
    expect(errors('Наука', 'nau--ka')).toEqual({ slug: 'invalid' });
    expect(errors('Наука', 'n'.repeat(121))).toEqual({ slug: 'too-long' });
    expect(errors('„…“', '')).toEqual({ slug: 'required' });
    expect(errors('Наука', 'nauka', 'city')).toEqual({ kind: 'invalid' });
  });
});

describeEachDatabase('managing tags', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let room: Newsroom;
  const tags = { council: 0, councilTwin: 0, court: 0, empty: 0, draftOnly: 0 };
  const articles = { a: 0, b: 0, c: 0, draft: 0 };

  const linksOf = async (tagId: number) =>
    (await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId).execute())
      .map((r) => r.article_id)
      .sort((x, y) => x - y);

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, now);
    const make = (slug: string, name: string, kind: 'organisation' | 'topic' | 'person') =>
      createTag(db, { slug, name, kind }, now);
    tags.council = await make('ministerski-savet', 'Министерски съвет', 'organisation');
    tags.councilTwin = await make('ministerskiya-savet', 'министерския съвет', 'topic');
    tags.court = await make('varhoven-sad', 'Върховен съд', 'organisation');
    tags.empty = await make('prazna', 'Празна тема', 'topic');
    tags.draftOnly = await make('samo-chernova', 'Само в чернова', 'person');
    const world = room.categories.world;
    articles.a = await buildArticle(db, {
      categoryId: world,
      publishedAt: now - 3 * HOUR,
      tagIds: [tags.council],
    });
    articles.b = await buildArticle(db, {
      categoryId: world,
      publishedAt: now - 2 * HOUR,
      tagIds: [tags.council, tags.councilTwin, room.tags.sofia],
    });
    articles.c = await buildArticle(db, {
      categoryId: world,
      publishedAt: now - HOUR,
      tagIds: [tags.councilTwin, tags.court],
    });
    articles.draft = await buildArticle(db, {
      categoryId: world,
      publishedAt: now - HOUR,
      status: 'draft',
      tagIds: [tags.draftOnly, tags.court],
    });
  });

  it('lists tags alphabetically, whatever their case, with their article counts', async () => {
    const list = await listTags(db, { search: '', kind: null, page: 1, perPage: 50 });
    expect(list.items.map((t) => [t.name, t.articles])).toEqual([
      ['Върховен съд', 2],
      ['Енергетика', 0],
      ['Министерски съвет', 2],
      ['министерския съвет', 2],
      ['Празна тема', 0],
      ['Само в чернова', 1],
      ['София', 1],
    ]);
    expect(list.total).toBe(7);
  });

  it('searches names in any case, Cyrillic included, and slugs; filters by kind; pages', async () => {
    const names = async (search: string, kind: 'organisation' | null = null) =>
      (await listTags(db, { search, kind, page: 1, perPage: 50 })).items.map((t) => t.name);
    expect(await names('МИНИСТЕРСК')).toEqual(['Министерски съвет', 'министерския съвет']);
    expect(await names('съд')).toEqual(['Върховен съд']);
    expect(await names('varhoven')).toEqual(['Върховен съд']);
    expect(await names('съвет', 'organisation')).toEqual(['Министерски съвет']);
    expect(await names('[*?%_')).toEqual([]);
    const second = await listTags(db, { search: '', kind: null, page: 2, perPage: 3 });
    expect(second).toMatchObject({ page: 2, pages: 3, total: 7 });
    expect(second.items.map((t) => t.name)).toEqual(['министерския съвет', 'Празна тема', 'Само в чернова']);
  });

  it('changes name, slug and kind; refuses another tag’s name (any case) or slug, naming it', async () => {
    const taken = await updateTag(db, tags.empty, {
      name: 'МИНИСТЕРСКИ СЪВЕТ',
      slug: 'varhoven-sad',
      kind: 'topic',
    });
    expect(taken).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: { name: 'taken', slug: 'taken' },
      other: { id: tags.council },
    });
    const bad = await updateTag(db, tags.empty, { name: '', slug: 'X', kind: 'nope' });
    expect(bad).toMatchObject({ ok: false, errors: { name: 'required', slug: 'invalid', kind: 'invalid' } });
    expect(await updateTag(db, 999_999, { name: 'Нещо', slug: '', kind: 'topic' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const saved = await updateTag(db, tags.court, {
      name: 'Върховен касационен съд',
      slug: 'vks',
      kind: 'organisation',
    });
    expect(saved).toMatchObject({ ok: true, tag: { slug: 'vks', articles: 2 } });
    if (saved.ok) expect(saved.articleIds.sort((x, y) => x - y)).toEqual([articles.c, articles.draft]);
    // Its own name in another case is no conflict.
    expect(
      await updateTag(db, tags.court, { name: 'върховен касационен съд', slug: 'vks', kind: 'organisation' }),
    ).toMatchObject({ ok: true });
    expect(
      await updateTag(db, tags.court, { name: 'Върховен касационен съд', slug: 'vks', kind: 'organisation' }),
    ).toMatchObject({ ok: true });
  });

  it('finds a merge target by its exact name in any case or by its slug', async () => {
    expect((await findTagByNameOrSlug(db, '  министерски   СЪВЕТ '))?.id).toBe(tags.council);
    expect((await findTagByNameOrSlug(db, 'vks'))?.id).toBe(tags.court);
    expect(await findTagByNameOrSlug(db, 'министерски')).toBeNull();
    expect(await findTagByNameOrSlug(db, '')).toBeNull();
  });

  it('merges a tag into another: links move, an article with both keeps one, the tag is gone', async () => {
    expect(await mergeTags(db, tags.council, tags.council)).toEqual({ ok: false, reason: 'same' });
    expect(await mergeTags(db, tags.councilTwin, 999_999)).toEqual({ ok: false, reason: 'target-missing' });
    expect(await mergeTags(db, 999_999, tags.council)).toEqual({ ok: false, reason: 'not-found' });
    const merged = await mergeTags(db, tags.councilTwin, tags.council);
    expect(merged).toMatchObject({
      ok: true,
      moved: 1,
      collapsed: 1,
      into: { id: tags.council, articles: 3 },
    });
    if (merged.ok)
      expect(merged.articleIds.sort((x, y) => x - y)).toEqual([articles.a, articles.b, articles.c]);
    expect(await linksOf(tags.council)).toEqual([articles.a, articles.b, articles.c]);
    expect(await linksOf(tags.councilTwin)).toEqual([]);
    expect(await db.selectFrom('tags').select('id').where('id', '=', tags.councilTwin).execute()).toEqual([]);
  });

  it('lists only tags with published articles in the public index, grouped by kind', async () => {
    const index = await topicIndex(db, now);
    expect(index.map((g) => [g.kind, g.tags.map((t) => [t.name, t.articles])])).toEqual([
      ['place', [['София', 1]]],
      [
        'organisation',
        [
          ['Върховен касационен съд', 1],
          ['Министерски съвет', 3],
        ],
      ],
    ]);
    // An article whose time has not come yet does not count.
    expect((await topicIndex(db, now - 90 * 60_000)).find((g) => g.kind === 'organisation')?.tags).toEqual([
      {
        id: tags.council,
        name: 'Министерски съвет',
        slug: 'ministerski-savet',
        kind: 'organisation',
        articles: 2,
      },
    ]);
  });

  it('deletes a tag and its links, keeping the articles', async () => {
    expect(await deleteTag(db, 999_999)).toEqual({ ok: false, reason: 'not-found' });
    const deleted = await deleteTag(db, tags.court);
    expect(deleted).toMatchObject({ ok: true, name: 'Върховен касационен съд' });
    if (deleted.ok) expect(deleted.articleIds.sort((x, y) => x - y)).toEqual([articles.c, articles.draft]);
    expect(await linksOf(tags.court)).toEqual([]);
    const left = await db
      .selectFrom('articles')
      .select('id')
      .where('id', 'in', [articles.c, articles.draft])
      .execute();
    expect(left).toHaveLength(2);
  });
});
