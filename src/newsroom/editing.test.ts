import { beforeAll, describe, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { loadDeskArticle } from './desk-articles.js';
import { ArticleEditing } from './editing.js';
import { NO_MEDIA } from './media-port.js';
import { getRevision, listRevisions } from './revisions.js';
import { addStaff, draftOf } from './testing.js';
import type { Actor, ArticleDraft } from './types.js';

describeEachDatabase('article editing', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let room: Newsroom;
  let editing: ArticleEditing;
  let slugStyle: 'latin' | 'cyrillic' = 'latin';
  let author: Actor;
  let other: Actor;
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, now);
    editing = new ArticleEditing({
      db,
      media: NO_MEDIA,
      settings: () => ({ slugStyle }),
      timeZone: 'Europe/Sofia',
    });
    author = await addStaff(db, 'author', 'Радка Авторова', now);
    other = await addStaff(db, 'author', 'Друг Автор', now);
    editor = await addStaff(db, 'editor', 'Елена Редакторова', now);
    contributor = await addStaff(db, 'contributor', 'Сътрудник Сътрудников', now);
  });

  const create = async (actor: Actor, extra = {}) => {
    const r = await editing.create(draftOf(room.categories.world, extra), actor, now);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r;
  };

  describe('creating', () => {
    it('makes a draft owned by the actor, under their own byline, with a transliterated slug', async () => {
      const r = await create(author, { title: 'Жълт код за вятър в Шумен', tags: ['Времето', 'Шумен'] });
      const a = await loadDeskArticle(db, r.id);
      expect(a).toMatchObject({
        status: 'draft',
        ownerId: author.id,
        version: 1,
        slug: 'zhalt-kod-za-vyatar-v-shumen',
      });
      expect(a?.tags.sort()).toEqual(['Времето', 'Шумен']);
      const byline = await db
        .selectFrom('authors')
        .selectAll()
        .where('id', '=', a?.authorIds[0] ?? 0)
        .executeTakeFirst();
      expect(byline).toMatchObject({ name: 'Радка Авторова', user_id: author.id });
      expect((await listRevisions(db, r.id)).map((x) => x.kind)).toEqual(['create']);
    });

    it('writes Cyrillic slugs when the site says so', async () => {
      slugStyle = 'cyrillic';
      const r = await create(author, { title: 'Ново кръгово движение в Пловдив' });
      slugStyle = 'latin';
      expect((await loadDeskArticle(db, r.id))?.slug).toBe('ново-кръгово-движение-в-пловдив');
    });

    it('makes a free slug from a repeated title, but refuses a typed slug that is taken, with a suggestion', async () => {
      const a = await create(author, { title: 'Еднакво заглавие' });
      const b = await create(author, { title: 'Еднакво заглавие' });
      expect((await loadDeskArticle(db, a.id))?.slug).toBe('ednakvo-zaglavie');
      expect((await loadDeskArticle(db, b.id))?.slug).toBe('ednakvo-zaglavie-2');
      const c = await editing.create(
        draftOf(room.categories.world, { slug: 'ednakvo-zaglavie' }),
        author,
        now,
      );
      expect(c).toMatchObject({
        ok: false,
        reason: 'invalid',
        errors: { slug: 'slug-taken' },
        slugSuggestion: 'ednakvo-zaglavie-3',
      });
      // The same slug in another category is fine.
      const d = await editing.create(
        draftOf(room.categories.sport, { slug: 'ednakvo-zaglavie' }),
        author,
        now,
      );
      expect(d.ok).toBe(true);
    });

    it('reuses existing tags whatever their case and creates new ones once', async () => {
      const r = await create(author, { tags: ['енергетика', 'Нова тема', 'нова тема'] });
      const a = await loadDeskArticle(db, r.id);
      expect(a?.tags.sort()).toEqual(['Енергетика', 'Нова тема']);
      expect(await db.selectFrom('tags').select('id').where('slug', '=', 'nova-tema').execute()).toHaveLength(
        1,
      );
    });

    it('refuses unknown categories, authors and images and stores nothing', async () => {
      const before = await db.selectFrom('articles').select('id').execute();
      const cases: [Partial<ArticleDraft>, string][] = [
        [{ categoryId: 99999 }, 'categoryId'],
        [{ authorIds: [99999] }, 'authorIds'],
        [{ coverMediaId: 99999 }, 'coverMediaId'],
      ];
      for (const [extra, field] of cases) {
        const r = await editing.create({ ...draftOf(room.categories.world), ...extra }, author, now);
        expect(r).toMatchObject({ ok: false, reason: 'invalid' });
        expect(r.ok ? null : 'errors' in r ? Object.keys(r.errors) : null).toEqual([field]);
      }
      expect(await db.selectFrom('articles').select('id').execute()).toHaveLength(before.length);
    });

    it('sanitizes the body through the one allow-list', async () => {
      const r = await create(author, {
        bodyHtml: '<p onclick="x()">Текст<script>alert(1)</script></p><img src="javascript:x">',
      });
      expect((await loadDeskArticle(db, r.id))?.bodyHtml).toBe('<p>Текст</p>');
    });
  });

  describe('saving', () => {
    it('keeps a revision of every field on each save, tags and category included', async () => {
      const r = await create(author, { tags: ['Първа'] });
      const s = await editing.save(
        r.id,
        draftOf(room.categories.sport, { title: 'Ново заглавие', tags: ['Втора'] }),
        1,
        author,
        now + 1000,
      );
      expect(s).toMatchObject({ ok: true, version: 2 });
      const revs = await listRevisions(db, r.id);
      expect(revs.map((x) => [x.kind, x.version])).toEqual([
        ['save', 2],
        ['create', 1],
      ]);
      const latest = await getRevision(db, r.id, revs[0]?.id ?? 0);
      expect(latest?.snapshot).toMatchObject({
        title: 'Ново заглавие',
        tags: ['Втора'],
        categoryName: 'Спорт',
      });
      const first = await getRevision(db, r.id, revs[1]?.id ?? 0);
      expect(first?.snapshot).toMatchObject({ tags: ['Първа'], categoryName: 'Свят' });
    });

    it('refuses a save based on an older version and says who changed it, losing nothing', async () => {
      const r = await create(author);
      const mine = await editing.save(
        r.id,
        draftOf(room.categories.world, { title: 'Редакторът пише' }),
        1,
        editor,
        now + 1,
      );
      expect(mine.ok).toBe(true);
      const late = await editing.save(
        r.id,
        draftOf(room.categories.world, { title: 'Авторът пише' }),
        1,
        author,
        now + 2,
      );
      expect(late).toMatchObject({
        ok: false,
        reason: 'conflict',
        currentVersion: 2,
        by: 'Елена Редакторова',
      });
      if (!late.ok && late.reason === 'conflict') expect(late.current.title).toBe('Редакторът пише');
      expect((await loadDeskArticle(db, r.id))?.title).toBe('Редакторът пише');
    });

    it('lets exactly one of two simultaneous saves of the same version through', async () => {
      const r = await create(author);
      const results = await Promise.all([
        editing.save(r.id, draftOf(room.categories.world, { title: 'Първи' }), 1, editor, now + 1),
        editing.save(r.id, draftOf(room.categories.world, { title: 'Втори' }), 1, author, now + 1),
      ]);
      expect(results.filter((x) => x.ok)).toHaveLength(1);
      expect(results.filter((x) => !x.ok && x.reason === 'conflict')).toHaveLength(1);
    });

    it('collapses a run of autosaves by one person into one revision', async () => {
      const r = await create(author);
      let v = 1;
      for (const title of ['А', 'Аб', 'Абв']) {
        const s = await editing.save(
          r.id,
          draftOf(room.categories.world, { title }),
          v,
          author,
          now + v,
          'autosave',
        );
        if (!s.ok) throw new Error('save failed');
        v = s.version;
      }
      const revs = await listRevisions(db, r.id);
      expect(revs.map((x) => [x.kind, x.version])).toEqual([
        ['autosave', 4],
        ['create', 1],
      ]);
    });

    it('keeps the slug when the field is left empty', async () => {
      const r = await create(author, { title: 'Стабилен адрес' });
      await editing.save(
        r.id,
        draftOf(room.categories.world, { title: 'Съвсем друго заглавие' }),
        1,
        author,
        now,
      );
      expect((await loadDeskArticle(db, r.id))?.slug).toBe('stabilen-adres');
    });

    it('lets only the owner (and editors) change an article; contributors not while in review', async () => {
      const r = await create(author);
      expect(await editing.save(r.id, draftOf(room.categories.world), 1, other, now)).toMatchObject({
        ok: false,
        reason: 'forbidden',
      });
      const c = await create(contributor);
      await db.updateTable('articles').set({ status: 'review' }).where('id', '=', c.id).execute();
      expect(await editing.save(c.id, draftOf(room.categories.world), 1, contributor, now)).toMatchObject({
        reason: 'forbidden',
      });
      expect((await editing.save(c.id, draftOf(room.categories.world), 1, editor, now)).ok).toBe(true);
      expect(await editing.save(99999, draftOf(room.categories.world), 1, editor, now)).toMatchObject({
        reason: 'not-found',
      });
    });
  });
});
