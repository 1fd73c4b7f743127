// „Свързани статии“ end to end: articles written and published in the back office, read through a
// listening server (so cached pages are served as readers get them), then one taken off the site.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../../content/factories.js';
import { createTag } from '../../content/people.js';
import { describeEachDatabase } from '../../db/testing.js';
import { get, post, signIn, type TestUser, tokenOf } from '../admin/testing.js';
import { createTestSite, type TestSite } from '../testing.js';

const bridge = {
  title: 'Кметът Колев обяви търг за новия мост над Дунав при Русе',
  lead: 'Общината търси строител на моста, който ще свърже Русе и Гюргево.',
  body_html:
    '<p>Новият мост над Дунав ще има четири ленти и жп линия. Кметът Иван Колев каза, че пилоните ' +
    'на моста ще бъдат изградени през първата година, а движението по стария мост няма да спира.</p>',
};
const builder = {
  title: 'Избран е строителят на новия мост при Русе',
  lead: 'Кметът Иван Колев подписа договора за моста над Дунав до Гюргево.',
  body_html:
    '<p>Строителят ще изгради пилоните на моста за година. Колев обеща, че движението по стария ' +
    'Дунав мост няма да спира, докато новият мост с четири ленти и жп линия не бъде готов.</p>',
};
const derby = {
  title: 'Лудогорец би Левски в дербито на кръга',
  lead: 'Домакините вкараха два гола през второто полувреме.',
  body_html: '<p>Треньорът на Левски призна, че отборът е играл слабо в защита.</p>',
};

const idOf = (location: unknown) => Number(/\/admin\/articles\/(\d+)/.exec(String(location))?.[1]);
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

describeEachDatabase('related articles on the article page', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  let editor: TestUser;
  let base: string;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' });
    room = await buildNewsroom(site.services.db, site.clock.now());
    await createTag(
      site.services.db,
      { slug: 'ivan-kolev', name: 'Иван Колев', kind: 'person' },
      site.clock.now(),
    );
    await site.services.categories.load();
    editor = await signIn(site, 'editor', 'Елена Редакторова');
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => site.close());

  const fields = (text: typeof bridge, tags: string) => ({
    ...text,
    slug: '',
    category_id: String(room.categories.world),
    tags,
    comments_who: 'inherit',
    comments_moderation: 'inherit',
    comments_close_days: '',
    seo_title: '',
    seo_description: '',
    cover_media_id: '',
  });

  /** Written and published in one go by the editor, as the editor form does it. */
  async function publish(text: typeof bridge, tags: string) {
    const form = await get(site, '/admin/articles/new', editor.cookie);
    const res = await post(
      site,
      '/admin/articles',
      { _csrf: tokenOf(form.body), intent: 'publish', ...fields(text, tags) },
      editor.cookie,
    );
    expect(res.headers.location, res.body.slice(0, 300)).toMatch(/done=publish$/);
    const id = idOf(res.headers.location);
    const row = await site.services.db
      .selectFrom('articles')
      .select('slug')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, text, tags, url: `/svyat/${row.slug}` };
  }

  const page = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  /** The titles in the related section, in order. */
  const relatedTitles = (html: string) => {
    const section = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    return [...section.matchAll(/<h3 class="card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
  };

  it('shows each of two articles on the same story on the other’s page, and drops one unpublished', async () => {
    const first = await publish(bridge, 'Иван Колев');
    await publish(derby, 'Футбол');
    const second = await publish(builder, 'Иван Колев');

    const firstPage = await page(first.url);
    expect(firstPage).toContain('<h2 id="related-h" class="section-title">Свързани статии</h2>');
    expect(relatedTitles(firstPage)).toEqual([builder.title]);
    // After the body, before the comments.
    const at = (s: string) => firstPage.indexOf(s);
    expect(at('class="related"')).toBeGreaterThan(at('article-body'));
    expect(at('class="related"')).toBeLessThan(at('id="comments"'));
    expect(relatedTitles(await page(second.url))).toEqual([bridge.title]);

    // The first page is now in the cache; taking the second article off the site must drop it.
    const hits = site.services.pageCache.hits;
    await page(first.url);
    expect(site.services.pageCache.hits).toBe(hits + 1);
    const open = await get(site, `/admin/articles/${second.id}`, editor.cookie);
    const off = await post(
      site,
      `/admin/articles/${second.id}`,
      {
        _csrf: tokenOf(open.body),
        version: versionOf(open.body),
        intent: 'unpublish',
        ...fields(builder, 'Иван Колев'),
      },
      editor.cookie,
    );
    expect(off.headers.location).toBe(`/admin/articles/${second.id}?done=unpublish`);
    const after = await page(first.url);
    expect(relatedTitles(after)).toEqual([]);
    expect(after).not.toContain('Свързани статии');
    expect(after).not.toContain(builder.title);
  });

  it('says "Related articles" on the English site', async () => {
    const en = await createTestSite(getDb(), { LOCALE: 'en', PASSWORD_COST: '10' });
    try {
      const third = await publish(
        { ...builder, title: 'Колев показа проекта на моста при Русе' },
        'Иван Колев',
      );
      const html = (await en.app.inject(third.url)).body;
      expect(html).toContain('<h2 id="related-h" class="section-title">Related articles</h2>');
      expect(html).toContain(bridge.title);
    } finally {
      await en.close();
    }
  });
});
