import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom, type Newsroom } from '../../content/factories.js';
import { createTag } from '../../content/people.js';
import { describeEachDatabase } from '../../db/testing.js';
import { get, post, signIn, type TestUser, tokenOf } from '../admin/testing.js';
import { createTestSite, type TestSite } from '../testing.js';

/** Percent-encoding written out byte by byte (UTF-8, upper-case hex), independent of the code under test. */
const pct = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
const lowerHex = (path: string) => path.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

const SECTION = 'хайтек';
const TITLE = 'Болницата в Русе ще получи нов скенер през май';
const SLUG = 'болницата-в-русе-ще-получи-нов-скенер-през-май';
const TOPIC = 'мобилни-устройства';
const TWICE = 'двойно-заглавие';

describeEachDatabase('Cyrillic addresses', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let room: Newsroom;
  let admin: TestUser;
  let editor: TestUser;
  const section = `/${pct(SECTION)}`;
  const article = `${section}/${pct(SLUG)}`;
  const topic = `/tema/${pct(TOPIC)}`;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    room = await buildNewsroom(site.services.db, now);
    await site.services.categories.load();
    admin = await signIn(site, 'admin', 'Ана Администраторова');
    editor = await signIn(site, 'editor', 'Елена Редакторова');
    const tagId = await createTag(
      site.services.db,
      { slug: TOPIC, name: 'Мобилни устройства', kind: 'topic' },
      now,
    );
    await buildArticle(site.services.db, {
      categoryId: room.categories.world,
      title: 'Нови телефони излизат на пазара',
      slug: 'novi-telefoni',
      publishedAt: now - 3_600_000,
      tagIds: [tagId],
    });
  });
  afterAll(async () => site.close());

  it('the slug style is switched to Cyrillic in the back office', async () => {
    const page = await get(site, '/admin/settings', admin.cookie);
    const res = await post(
      site,
      '/admin/settings',
      { _csrf: tokenOf(page.body), slugStyle: 'cyrillic' },
      admin.cookie,
    );
    expect(res.statusCode).toBe(303);
    expect(site.services.newsroomSettings.get().slugStyle).toBe('cyrillic');
  });

  it('a new section and a new article get Cyrillic slugs', async () => {
    const sectionForm = await get(site, '/admin/categories/new', admin.cookie);
    const made = await post(
      site,
      '/admin/categories',
      {
        _csrf: tokenOf(sectionForm.body),
        name: 'Хайтек',
        slug: '',
        parent: '',
        description: '',
        position: '',
        who: '',
        moderation: '',
        closeDays: '',
      },
      admin.cookie,
    );
    expect(made.statusCode).toBe(303);
    const category = site.services.categories.bySlug(SECTION);
    expect(category?.name).toBe('Хайтек');

    const form = await get(site, '/admin/articles/new', editor.cookie);
    const created = await post(
      site,
      '/admin/articles',
      {
        _csrf: tokenOf(form.body),
        title: TITLE,
        slug: '',
        lead: 'Апаратурата струва два милиона лева.',
        body_html: '<p>Скенерът ще работи от лятото.</p>',
        category_id: String(category?.id),
        tags: '',
        comments_who: 'inherit',
        comments_moderation: 'inherit',
        comments_close_days: '',
        seo_title: '',
        seo_description: '',
        cover_media_id: '',
      },
      editor.cookie,
    );
    expect(created.statusCode).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const row = await site.services.db
      .selectFrom('articles')
      .select(['slug', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.slug).toBe(SLUG);
    const page = await get(site, `/admin/articles/${id}`, editor.cookie);
    const published = await post(
      site,
      `/admin/articles/${id}`,
      { _csrf: tokenOf(page.body), version: String(row.version), intent: 'publish', ...fieldsOf(page.body) },
      editor.cookie,
    );
    expect(published.headers.location).toBe(`/admin/articles/${id}?done=publish`);
  });

  it('links to them are percent-encoded UTF-8 with upper-case hex', async () => {
    // Written out once by hand, so the helper above is checked too.
    expect(section).toBe('/%D1%85%D0%B0%D0%B9%D1%82%D0%B5%D0%BA');
    const home = await get(site, '/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`href="${article}"`);
    expect(home.body).toContain(`href="${section}"`);
    const listing = await get(site, section);
    expect(listing.statusCode).toBe(200);
    expect(listing.body).toContain(`href="${article}"`);
    expect(listing.body).toContain(`<link rel="canonical" href="http://localhost:3000${section}"`);
  });

  it('the article answers at its encoded address, with that address as canonical', async () => {
    const res = await get(site, article);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(TITLE);
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000${article}"`);
    expect((await get(site, `${article}?sort=oldest`)).statusCode).toBe(200);
  });

  it('other spellings of the article address redirect (301) to the canonical one', async () => {
    const expectRedirect = async (url: string, to: string) => {
      const res = await get(site, url);
      expect(res.statusCode, url).toBe(301);
      expect(res.headers.location, url).toBe(to);
    };
    await expectRedirect(lowerHex(article), article);
    // NFD, as some systems send it: "й" as "и" + combining breve.
    const nfd = `/${pct(SECTION.normalize('NFD'))}/${pct(SLUG.normalize('NFD'))}`;
    expect(nfd).not.toBe(article);
    await expectRedirect(nfd, article);
    // The query is kept.
    await expectRedirect(`${lowerHex(article)}?sort=oldest`, `${article}?sort=oldest`);
    // Under a section it is not in.
    await expectRedirect(`/svyat/${pct(SLUG)}`, article);
    await expectRedirect(`/${pct('няма-такава')}/${lowerHex(pct(SLUG))}`, article);
    // Nowhere at all, or in two other sections: nothing to follow.
    expect((await get(site, `${section}/${pct('няма-такава-статия')}`)).statusCode).toBe(404);
    for (const categoryId of [room.categories.world, room.categories.sport])
      await buildArticle(site.services.db, { categoryId, slug: TWICE, publishedAt: now - 7_200_000 });
    expect((await get(site, `/svyat/${pct(TWICE)}`)).statusCode).toBe(200);
    expect((await get(site, `${section}/${pct(TWICE)}`)).statusCode).toBe(404);
  });

  it('sections and topics with Cyrillic slugs answer and redirect the same way', async () => {
    const res = await get(site, topic);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Нови телефони излизат на пазара');
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000${topic}"`);
    const articlePage = await get(site, '/svyat/novi-telefoni');
    expect(articlePage.body).toContain(`href="${topic}"`);
    for (const [url, to] of [
      [lowerHex(section), section],
      [`/${pct(SECTION.normalize('NFD'))}`, section],
      [`${lowerHex(section)}?page=1`, `${section}?page=1`],
      [lowerHex(topic), topic],
      [`/tema/${pct(TOPIC.normalize('NFD'))}`, topic],
    ] as const) {
      const r = await get(site, url);
      expect(r.statusCode, url).toBe(301);
      expect(r.headers.location, url).toBe(to);
    }
    expect((await get(site, `/tema/${pct('няма-такава-тема')}`)).statusCode).toBe(404);
  });

  it('Latin addresses are unchanged', async () => {
    expect((await get(site, '/svyat')).statusCode).toBe(200);
    expect((await get(site, '/tema/energetika')).statusCode).toBe(200);
    expect((await get(site, '/avtor/maria-ivanova')).statusCode).toBe(200);
  });
});

/** The editor form's own values, to send back with a workflow step. */
function fieldsOf(html: string): Record<string, string> {
  const value = (name: string) =>
    new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
    new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1] ??
    '';
  return {
    title: TITLE,
    slug: value('slug'),
    lead: 'Апаратурата струва два милиона лева.',
    body_html: '<p>Скенерът ще работи от лятото.</p>',
    category_id: /<option value="(\d+)" selected/.exec(html)?.[1] ?? '',
    tags: '',
    comments_who: 'inherit',
    comments_moderation: 'inherit',
    comments_close_days: '',
    seo_title: '',
    seo_description: '',
    cover_media_id: '',
  };
}
