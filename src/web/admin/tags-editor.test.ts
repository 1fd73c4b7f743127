// The editor's suggested topics over HTTP: offered after a save and on opening an article, added
// with the next save from ticked boxes (no JavaScript needed), and validated.
import { beforeAll, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../../content/factories.js';
import { createTag } from '../../content/people.js';
import { describeEachDatabase } from '../../db/testing.js';
import { loadDeskArticle } from '../../newsroom/desk-articles.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const idOf = (location: unknown) => Number(/\/admin\/articles\/(\d+)/.exec(String(location))?.[1]);
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
/** The ids offered in the side column, in order. */
const offered = (html: string) =>
  [...html.matchAll(/name="add_tags" value="(\d+)"/g)].map((m) => Number(m[1]));

describeEachDatabase('suggested topics in the article editor', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  let author: TestUser;
  const tags = { council: 0, isis: 0, parliament: 0 };

  const fields = (extra: Record<string, string | string[]> = {}) => ({
    title: 'Министерския съвет прие позиция за Ислямската държава',
    slug: '',
    lead: 'Документът отива в Народното събрание.',
    body_html: '<p>Министерския съвет ще я внесе в Народното събрание до петък.</p>',
    category_id: String(room.categories.world),
    tags: 'София',
    comments_who: 'inherit',
    comments_moderation: 'inherit',
    comments_close_days: '',
    seo_title: '',
    seo_description: '',
    cover_media_id: '',
    ...extra,
  });

  beforeAll(async () => {
    site = await createTestSite(getDb());
    const db = site.services.db;
    const now = site.clock.now();
    room = await buildNewsroom(db, now);
    await site.services.categories.load();
    tags.council = await createTag(
      db,
      { slug: 'ministerski-savet', name: 'Министерски съвет', kind: 'organisation' },
      now,
    );
    tags.isis = await createTag(
      db,
      { slug: 'islyamska-darzhava', name: 'Ислямска държава', kind: 'organisation' },
      now,
    );
    tags.parliament = await createTag(
      db,
      { slug: 'narodno-sabranie', name: 'Народно събрание', kind: 'organisation' },
      now,
    );
    author = await signIn(site, 'author', 'Асен Авторов');
    return () => site.close();
  });

  const create = async (extra: Record<string, string | string[]> = {}) => {
    const form = await get(site, '/admin/articles/new', author.cookie);
    // A new, unsaved article has no text to look at yet.
    expect(form.body).not.toContain('Предложени теми');
    return post(site, '/admin/articles', { _csrf: tokenOf(form.body), ...fields(extra) }, author.cookie);
  };

  it('offers the tags the text names after the article is saved, most frequent first', async () => {
    const made = await create();
    expect(made.statusCode).toBe(303);
    const page = await get(site, String(made.headers.location), author.cookie);
    expect(page.body).toContain('Предложени теми');
    // Council and parliament twice each (title or lead, and body), the state once; София is on it already.
    expect(offered(page.body)).toEqual([tags.council, tags.parliament, tags.isis]);
    expect(page.body).toContain('Организация · 2 пъти');
    expect(page.body).toContain('Организация · 1 път');
    expect(page.body).not.toMatch(/name="add_tags" value="\d+"[^>]*>\s*<label[^>]*>София/);
    // With the script the box becomes a button that puts the name into the tags field.
    expect(page.body).toContain('data-add-tag="Министерски съвет"');
    expect(page.body).toContain('aria-label="Добави темата „Министерски съвет“"');
  });

  it('adds the ticked offers with the next save and stops offering them', async () => {
    const id = idOf((await create()).headers.location);
    const page = await get(site, `/admin/articles/${id}`, author.cookie);
    const saved = await post(
      site,
      `/admin/articles/${id}`,
      {
        _csrf: tokenOf(page.body),
        version: versionOf(page.body),
        intent: 'save',
        ...fields({ add_tags: [String(tags.council), String(tags.isis)] }),
      },
      author.cookie,
    );
    expect(saved.statusCode).toBe(303);
    const article = await loadDeskArticle(site.services.db, id);
    expect(article?.tags.sort()).toEqual(['Ислямска държава', 'Министерски съвет', 'София']);
    const after = await get(site, String(saved.headers.location), author.cookie);
    expect(offered(after.body)).toEqual([tags.parliament]);
  });

  it('skips an offer deleted meanwhile and keeps ticked offers ticked when the form comes back', async () => {
    const id = idOf((await create()).headers.location);
    const page = await get(site, `/admin/articles/${id}`, author.cookie);
    const base = { _csrf: tokenOf(page.body), version: versionOf(page.body), intent: 'save' };
    const refused = await post(
      site,
      `/admin/articles/${id}`,
      { ...base, ...fields({ title: '', add_tags: String(tags.parliament) }) },
      author.cookie,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatch(new RegExp(`name="add_tags" value="${tags.parliament}" checked`));
    const saved = await post(
      site,
      `/admin/articles/${id}`,
      { ...base, ...fields({ add_tags: [String(tags.parliament), '2147483000'] }) },
      author.cookie,
    );
    expect(saved.statusCode).toBe(303);
    expect((await loadDeskArticle(site.services.db, id))?.tags.sort()).toEqual(['Народно събрание', 'София']);
  });

  it('refuses offered tags that are not ids, with a 400 in the site’s language', async () => {
    const id = idOf((await create()).headers.location);
    const page = await get(site, `/admin/articles/${id}`, author.cookie);
    const base = { _csrf: tokenOf(page.body), version: versionOf(page.body), intent: 'save' };
    for (const bad of ['1 OR 1=1', '-3', '0', ['1', 'x']]) {
      const res = await post(
        site,
        `/admin/articles/${id}`,
        { ...base, ...fields({ add_tags: bad }) },
        author.cookie,
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('add_tags');
    }
    const autosave = await post(
      site,
      `/admin/articles/${id}/autosave`,
      { ...base, ...fields({ add_tags: 'abc' }) },
      author.cookie,
      { accept: 'application/json' },
    );
    expect(autosave.statusCode).toBe(400);
  });

  it('offers nothing when every tag named is already on the article', async () => {
    const made = await create({ tags: 'Министерски съвет, народно събрание, Ислямска държава' });
    const page = await get(site, String(made.headers.location), author.cookie);
    expect(page.body).not.toContain('Предложени теми');
  });
});
