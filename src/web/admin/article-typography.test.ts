import { beforeAll, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

// What the author typed, with straight quotes and hyphens as a keyboard gives them.
const typed = (room: Newsroom, extra: Record<string, string> = {}) => ({
  title: 'Кметът: "Мостът ще е готов до Гергьовден"',
  slug: '',
  lead: 'Строежът продължи през сезона 2015-2016 - и след него.',
  body_html:
    '<p>"<em>Дунав мост</em> 3" - така го наричат.</p>' +
    '<p>Виж <a href="https://example.bg/most-2015-2016?q=&quot;a&quot;">"плана"</a> ' +
    'и https://example.bg/a-"b".</p><p>Код: <code>"x" - 1-2</code></p>',
  category_id: String(room.categories.world),
  tags: '',
  comments_who: 'inherit',
  comments_moderation: 'inherit',
  comments_close_days: '',
  seo_title: '"Дунав мост 3" - готов',
  seo_description: '',
  cover_media_id: '',
  ...extra,
});

const STORED = {
  title: 'Кметът: „Мостът ще е готов до Гергьовден“',
  lead: 'Строежът продължи през сезона 2015–2016 – и след него.',
  body_html:
    '<p>„<em>Дунав мост</em> 3“ – така го наричат.</p>' +
    '<p>Виж <a href="https://example.bg/most-2015-2016?q=&quot;a&quot;">„плана“</a> ' +
    'и https://example.bg/a-"b".</p><p>Код: <code>"x" - 1-2</code></p>',
  seo_title: '„Дунав мост 3“ – готов',
};

const idOf = (location: unknown) => Number(/\/admin\/articles\/(\d+)/.exec(String(location))?.[1]);
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

describeEachDatabase('typography of articles saved in the back office', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  let author: TestUser;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' });
    room = await buildNewsroom(site.services.db, site.clock.now());
    await site.services.categories.load();
    author = await signIn(site, 'author', 'Тинка Типографова');
    return () => site.close();
  });

  const stored = (id: number) =>
    site.services.db
      .selectFrom('articles')
      .select(['title', 'lead', 'body_html', 'seo_title', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('stores „…“ quotes and dashes from the form, and shows them when the editor opens again', async () => {
    const form = await get(site, '/admin/articles/new', author.cookie);
    const made = await post(
      site,
      '/admin/articles',
      { _csrf: tokenOf(form.body), ...typed(room) },
      author.cookie,
    );
    expect(made.statusCode).toBe(303);
    const id = idOf(made.headers.location);
    expect(await stored(id)).toEqual({ ...STORED, version: 1 });
    const page = await get(site, `/admin/articles/${id}`, author.cookie);
    expect(page.body).toContain('value="Кметът: „Мостът ще е готов до Гергьовден“"');
  });

  it('typesets autosaves too, and the editor carries on from its own text without conflicts', async () => {
    const form = await get(site, '/admin/articles/new', author.cookie);
    const made = await post(
      site,
      '/admin/articles',
      { _csrf: tokenOf(form.body), ...typed(room, { title: 'Чернова', seo_title: '' }) },
      author.cookie,
    );
    const id = idOf(made.headers.location);
    const page = await get(site, `/admin/articles/${id}`, author.cookie);
    const csrf = tokenOf(page.body);
    const json = { accept: 'application/json' };
    const first = await post(
      site,
      `/admin/articles/${id}/autosave`,
      { _csrf: csrf, version: versionOf(page.body), ...typed(room) },
      author.cookie,
      json,
    );
    expect(first.statusCode).toBe(200);
    // Only the new version comes back: the page keeps what the author sees, cursor and all.
    const answer = first.json();
    expect(answer).toMatchObject({ ok: true, version: 2 });
    expect(Object.keys(answer).sort()).toEqual(['message', 'ok', 'savedAt', 'version']);
    expect(await stored(id)).toEqual({ ...STORED, version: 2 });
    // The browser still holds the straight quotes; its next autosave and its save are not conflicts.
    const second = await post(
      site,
      `/admin/articles/${id}/autosave`,
      { _csrf: csrf, version: '2', ...typed(room, { lead: 'Още "малко" - и край.' }) },
      author.cookie,
      json,
    );
    expect(second.json()).toMatchObject({ ok: true, version: 3 });
    const saved = await post(
      site,
      `/admin/articles/${id}`,
      { _csrf: csrf, version: '3', intent: 'save', ...typed(room, { lead: 'Още "малко" - и край.' }) },
      author.cookie,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/articles/${id}?done=saved`);
    expect(await stored(id)).toEqual({ ...STORED, lead: 'Още „малко“ – и край.', version: 4 });
  });
});
