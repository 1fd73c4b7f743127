import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, guestComment, post, signIn, type TestUser, tokenOf } from './testing.js';

const SECTIONS = '/admin/categories';

const blank = {
  name: '',
  slug: '',
  parent: '',
  description: '',
  position: '',
  who: '',
  moderation: '',
  closeDays: '',
};

describeEachDatabase('sections, for admins', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let admin: TestUser;
  let room: Newsroom;
  const article = { slug: 'v-sveta', id: 0 };

  beforeAll(async () => {
    const db = getDb().db;
    room = await buildNewsroom(db, now);
    article.id = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: article.slug,
      publishedAt: now - 3_600_000,
    });
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', COMMENTS_PER_MINUTE: '1000' }, now);
    admin = await signIn(site, 'admin', 'Ана Администраторова');
  });
  afterAll(async () => site.close());

  const create = async (fields: Partial<typeof blank>) => {
    const token = tokenOf((await get(site, `${SECTIONS}/new`, admin.cookie)).body);
    return post(site, SECTIONS, { ...blank, ...fields, _csrf: token }, admin.cookie);
  };
  const save = async (id: number, fields: Partial<typeof blank>) => {
    const page = (await get(site, `${SECTIONS}/${id}`, admin.cookie)).body;
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page)?.[1] ?? '';
    const current = {
      ...blank,
      name: value('name'),
      slug: value('slug'),
      position: value('position'),
      closeDays: value('closeDays'),
    };
    return post(site, `${SECTIONS}/${id}`, { ...current, ...fields, _csrf: tokenOf(page) }, admin.cookie);
  };
  const idOf = (slug: string) => site.services.categories.bySlug(slug)?.id ?? 0;

  it('shows the tree with article counts and comment rules', async () => {
    const page = await get(site, SECTIONS, admin.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/data-category="sport" data-depth="0"/);
    expect(page.body).toMatch(/data-category="sport"[\s\S]*data-category="futbol" data-depth="1"/);
    expect(page.body).toMatch(/data-category="svyat"[\s\S]*?1 статия/);
    expect(page.body).toContain('наследява');
  });

  it('a new section gets its slug from the name and shows in every page’s menu at once', async () => {
    const before = await get(site, '/');
    expect(before.body).not.toContain('Градски новини');
    expect((await get(site, '/')).statusCode).toBe(200); // now cached
    const made = await create({ name: 'Градски новини', description: 'Какво става в града.' });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe(`${SECTIONS}?done=created`);
    expect((await get(site, String(made.headers.location), admin.cookie)).body).toContain(
      'Рубриката е създадена.',
    );
    expect(site.services.categories.bySlug('gradski-novini')?.name).toBe('Градски новини');
    const after = await get(site, '/');
    expect(after.body).toContain('href="/gradski-novini"');
    expect((await get(site, '/gradski-novini')).statusCode).toBe(200);
  });

  it('a taken or reserved slug is refused with a clear message and a free suggestion', async () => {
    const taken = await create({ name: 'Свят' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain(
      'Адресът „svyat“ вече е зает от друга рубрика. Свободен е например „svyat-2“.',
    );
    expect(taken.body).toContain('value="Свят"');
    const reserved = await create({ name: 'Профил', slug: 'profil' });
    expect(reserved.statusCode).toBe(422);
    expect(reserved.body).toContain('Адресът „profil“ е запазен за страници на сайта.');
    const bad = await create({ name: '', closeDays: '0', who: 'всички' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Моля, напишете име.');
    expect(bad.body).toContain('Броят дни е цяло число от 1 до 3650.');
    expect(bad.body).toContain('Изберете от списъка.');
  });

  it('refuses to make a section a subsection of its own subsection', async () => {
    const sport = idOf('sport');
    const cycle = await save(sport, { name: 'Спорт', slug: 'sport', parent: String(idOf('futbol')) });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.body).toContain('Рубриката не може да е подрубрика на себе си или на своя подрубрика.');
    // The form does not even offer them.
    const form = await get(site, `${SECTIONS}/${sport}`, admin.cookie);
    expect(form.body).not.toMatch(/<option value="\d+"[^>]*>— Футбол/);
  });

  it('a section closed to comments refuses the next comment on its articles', async () => {
    const world = idOf('svyat');
    const saved = await save(world, { name: 'Свят', slug: 'svyat', who: 'closed' });
    expect(saved.statusCode).toBe(303);
    expect(site.services.categories.bySlug('svyat')?.commentRules.who).toBe('closed');
    const page = await get(site, String(saved.headers.location), admin.cookie);
    expect(page.body).toContain('Промените по рубриката са запазени.');
    expect(page.body).toMatch(/data-category="svyat"[\s\S]*?никой \(коментарите са затворени\)/);
    const refused = await guestComment(site, article, { name: 'Гост', body: 'Опит за коментар тук.' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Коментарите към тази статия са затворени.');
    const form = await get(site, `${SECTIONS}/${world}`, admin.cookie);
    expect(form.body).toContain('<option value="closed" selected>');
    // Back to inherit: comments open again.
    expect((await save(world, { name: 'Свят', slug: 'svyat', who: '' })).statusCode).toBe(303);
    const posted = await guestComment(site, article, { name: 'Гост', body: 'Сега вече може.' });
    expect(posted.statusCode).toBe(303);
  });

  it('deletes only an empty section without subsections, after a confirmation', async () => {
    const deleteOf = async (id: number, confirm: boolean) => {
      const token = tokenOf((await get(site, `${SECTIONS}/${id}`, admin.cookie)).body);
      return post(
        site,
        `${SECTIONS}/${id}/delete`,
        { _csrf: token, ...(confirm ? { confirm: '1' } : {}) },
        admin.cookie,
      );
    };
    const withArticles = await deleteOf(idOf('svyat'), true);
    expect(withArticles.statusCode).toBe(409);
    expect(withArticles.body).toContain('Рубриката не може да бъде изтрита: в нея има 1 статия.');
    const withChildren = await deleteOf(idOf('sport'), true);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.body).toContain('има 1 подрубрика');
    const unconfirmed = await deleteOf(idOf('gradski-novini'), false);
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Отбележете потвърждението');
    const id = idOf('gradski-novini');
    const deleted = await deleteOf(id, true);
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`${SECTIONS}?done=deleted`);
    expect(site.services.categories.bySlug('gradski-novini')).toBeUndefined();
    expect((await get(site, '/')).body).not.toContain('href="/gradski-novini"');
    expect((await get(site, `${SECTIONS}/${id}`, admin.cookie)).statusCode).toBe(404);
  });

  it('answers bad ids, bad notices and forged forms', async () => {
    expect((await get(site, `${SECTIONS}/x1`, admin.cookie)).statusCode).toBe(400);
    expect((await get(site, `${SECTIONS}?done=toString`, admin.cookie)).statusCode).toBe(400);
    expect((await post(site, SECTIONS, { ...blank, name: 'Без ключ' }, admin.cookie)).statusCode).toBe(403);
    expect(
      (await post(site, `${SECTIONS}/999999`, { ...blank, name: 'Няма' }, admin.cookie)).statusCode,
    ).toBe(404);
  });
});
