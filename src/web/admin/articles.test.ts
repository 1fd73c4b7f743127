import { beforeAll, describe, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const fields = (room: Newsroom, extra: Record<string, string | string[]> = {}) => ({
  title: 'Кметът откри новия мост над Янтра',
  slug: '',
  lead: 'Мостът свързва двата бряга на реката при Велико Търново.',
  body_html: '<p>Строителството продължи две години.</p>',
  category_id: String(room.categories.world),
  tags: 'Велико Търново, Инфраструктура',
  comments_who: 'inherit',
  comments_moderation: 'inherit',
  comments_close_days: '',
  seo_title: '',
  seo_description: '',
  cover_media_id: '',
  ...extra,
});

const idOf = (location: unknown) => Number(/\/admin\/articles\/(\d+)/.exec(String(location))?.[1]);
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

describeEachDatabase('the article editor over HTTP', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  let contributor: TestUser;
  let author: TestUser;
  let editor: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    site = await createTestSite(getDb());
    room = await buildNewsroom(site.services.db, site.clock.now());
    await site.services.categories.load();
    contributor = await signIn(site, 'contributor', 'Цвета Сътрудникова');
    author = await signIn(site, 'author', 'Асен Авторов');
    editor = await signIn(site, 'editor', 'Елена Редакторова');
    moderator = await signIn(site, 'moderator', 'Мирослав Модераторов');
    return () => site.close();
  });

  const create = async (user: TestUser, extra: Record<string, string | string[]> = {}) => {
    const form = await get(site, '/admin/articles/new', user.cookie);
    expect(form.statusCode).toBe(200);
    return post(site, '/admin/articles', { _csrf: tokenOf(form.body), ...fields(room, extra) }, user.cookie);
  };

  const open = (id: number, user: TestUser) => get(site, `/admin/articles/${id}`, user.cookie);

  it('lets a contributor write a draft and submit it, then locks it while in review', async () => {
    const made = await create(contributor);
    expect(made.statusCode).toBe(303);
    const id = idOf(made.headers.location);
    expect(made.headers.location).toBe(`/admin/articles/${id}?done=created`);
    const page = await get(site, String(made.headers.location), contributor.cookie);
    expect(page.body).toContain('Статията е създадена.');
    expect(page.body).toContain('value="Кметът откри новия мост над Янтра"');
    expect(page.body).toContain('data-autosave="/admin/articles/');
    expect(page.body).not.toContain('value="publish"');
    const sent = await post(
      site,
      `/admin/articles/${id}`,
      { _csrf: tokenOf(page.body), version: versionOf(page.body), intent: 'submit', ...fields(room) },
      contributor.cookie,
    );
    expect(sent.headers.location).toBe(`/admin/articles/${id}?done=submit`);
    const locked = await open(id, contributor);
    expect(locked.body).toContain('Статията е при редактор за преглед');
    expect(locked.body).not.toContain('data-autosave=');
    // Another writer may not even open it.
    expect((await open(id, author)).statusCode).toBe(403);
  });

  it('lets an editor schedule it (Sofia time) and refuses a time in the past', async () => {
    const id = idOf((await create(contributor, { intent: 'submit' })).headers.location);
    const page = await open(id, editor);
    expect(page.body).toContain('value="schedule"');
    const base = { _csrf: tokenOf(page.body), version: versionOf(page.body), ...fields(room) };
    const past = await post(
      site,
      `/admin/articles/${id}`,
      { ...base, intent: 'schedule', publish_at: '2026-11-25T11:00' },
      editor.cookie,
    );
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Часът на публикуване трябва да е в бъдещето.');
    const bad = await post(
      site,
      `/admin/articles/${id}`,
      { ...base, version: versionOf(past.body), intent: 'schedule', publish_at: '2026-02-30T10:00' },
      editor.cookie,
    );
    expect(bad.body).toContain('Датата и часът не са валидни');
    const page2 = await open(id, editor);
    const ok = await post(
      site,
      `/admin/articles/${id}`,
      {
        _csrf: tokenOf(page2.body),
        version: versionOf(page2.body),
        ...fields(room),
        intent: 'schedule',
        publish_at: '2026-11-25T12:30',
      },
      editor.cookie,
    );
    expect(ok.headers.location).toBe(`/admin/articles/${id}?done=schedule`);
    const row = await site.services.db
      .selectFrom('articles')
      .select(['status', 'scheduled_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // 12:30 in Sofia (UTC+2 in November) is 10:30 UTC.
    expect(row).toEqual({ status: 'scheduled', scheduled_at: Date.UTC(2026, 10, 25, 10, 30) });
    site.clock.set(Date.UTC(2026, 10, 25, 10, 30));
    expect(await site.services.scheduler.publishDue()).toEqual([id]);
    const home = await get(site, '/');
    expect(home.body).toContain('Кметът откри новия мост над Янтра');
  });

  it('tells the second of two editors about the conflict and keeps their text', async () => {
    const id = idOf((await create(author)).headers.location);
    const a = await open(id, author);
    const e = await open(id, editor);
    const first = await post(
      site,
      `/admin/articles/${id}`,
      {
        _csrf: tokenOf(e.body),
        version: versionOf(e.body),
        ...fields(room, { title: 'Редакторска корекция на заглавието' }),
      },
      editor.cookie,
    );
    expect(first.statusCode).toBe(303);
    const second = await post(
      site,
      `/admin/articles/${id}`,
      {
        _csrf: tokenOf(a.body),
        version: versionOf(a.body),
        ...fields(room, { title: 'Авторът също промени заглавието' }),
      },
      author.cookie,
    );
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Някой друг е променил статията');
    expect(second.body).toContain('Елена Редакторова');
    expect(second.body).toContain('value="Авторът също промени заглавието"');
    const diff = second.body.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '');
    expect(diff).toContain('<del>Редакторска корекция на</del><ins>Авторът също промени</ins>');
    // Only what really differs: the slug and byline the form leaves empty mean "keep".
    expect(diff).not.toContain('<dt>Адрес</dt>');
    // Saving again now is a deliberate overwrite.
    const again = await post(
      site,
      `/admin/articles/${id}`,
      {
        _csrf: tokenOf(second.body),
        version: versionOf(second.body),
        ...fields(room, { title: 'Авторът също промени заглавието' }),
      },
      author.cookie,
    );
    expect(again.statusCode).toBe(303);
  });

  it('autosaves as JSON, answering a stale version with 409', async () => {
    const id = idOf((await create(author)).headers.location);
    const page = await open(id, author);
    const body = {
      _csrf: tokenOf(page.body),
      version: versionOf(page.body),
      ...fields(room, { title: 'Автоматично запазено' }),
    };
    const res = await post(site, `/admin/articles/${id}/autosave`, body, author.cookie, {
      accept: 'application/json',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, version: 2 });
    const stale = await post(site, `/admin/articles/${id}/autosave`, body, author.cookie, {
      accept: 'application/json',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      ok: false,
      conflict: true,
      reviewUrl: `/admin/articles/${id}/revisions`,
    });
    const bad = await post(
      site,
      `/admin/articles/${id}/autosave`,
      { ...body, version: '3', title: '' },
      author.cookie,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.title).toBe('Задължително поле.');
  });

  it('refuses a taken slug with a suggestion, keeping what was typed', async () => {
    await create(author, { slug: 'zaet-adres' });
    const res = await create(author, { slug: 'zaet-adres', title: 'Друго заглавие' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Този адрес вече е зает в рубриката. Свободен е например „zaet-adres-2“.');
    expect(res.body).toContain('value="Друго заглавие"');
  });

  it('shows a draft through its secret preview link only, not indexed', async () => {
    const id = idOf((await create(author, { title: 'Тайна чернова за преглед' })).headers.location);
    expect((await get(site, '/preview/abc')).statusCode).toBe(404);
    const page = await open(id, author);
    const made = await post(
      site,
      `/admin/articles/${id}/preview`,
      { _csrf: tokenOf(page.body) },
      author.cookie,
    );
    expect(made.statusCode).toBe(303);
    const key = /\/preview\/([A-Za-z0-9_-]{32})/.exec((await open(id, author)).body)?.[1];
    const preview = await get(site, `/preview/${key}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Тайна чернова за преглед');
    expect(preview.body).toContain('noindex');
    expect(preview.headers['cache-control']).toBe('private, no-store');
    // A new link revokes the old one.
    await post(site, `/admin/articles/${id}/preview`, { _csrf: tokenOf(page.body) }, author.cookie);
    expect((await get(site, `/preview/${key}`)).statusCode).toBe(404);
  });

  it('lists revisions, compares two and restores one as a new version', async () => {
    const id = idOf((await create(author, { title: 'Първо заглавие на статията' })).headers.location);
    const p1 = await open(id, author);
    await post(
      site,
      `/admin/articles/${id}`,
      {
        _csrf: tokenOf(p1.body),
        version: versionOf(p1.body),
        ...fields(room, { title: 'Второ заглавие на статията', tags: 'Нова тема' }),
      },
      author.cookie,
    );
    const list = await get(site, `/admin/articles/${id}/revisions`, author.cookie);
    const revIds = [...list.body.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]);
    const [newest, oldest] = [revIds[0], revIds[1]];
    const cmp = await get(
      site,
      `/admin/articles/${id}/revisions/compare?from=${oldest}&to=${newest}`,
      author.cookie,
    );
    expect(cmp.statusCode).toBe(200);
    expect(cmp.body).toMatch(/<del>.*Първо/);
    expect(cmp.body).toMatch(/<ins>.*Второ/);
    expect(
      (await get(site, `/admin/articles/${id}/revisions/compare?from=x&to=1`, author.cookie)).statusCode,
    ).toBe(400);
    const restore = await post(
      site,
      `/admin/articles/${id}/revisions/${oldest}/restore`,
      { _csrf: tokenOf(list.body), version: '2' },
      author.cookie,
    );
    expect(restore.headers.location).toBe(`/admin/articles/${id}/revisions?restored=1`);
    const after = await open(id, author);
    expect(after.body).toContain('value="Първо заглавие на статията"');
    expect(after.body).toContain('value="Велико Търново, Инфраструктура"');
  });

  it('keeps moderators and readers out, and sends visitors to sign in', async () => {
    expect((await get(site, '/admin/articles', moderator.cookie)).statusCode).toBe(403);
    expect((await get(site, '/admin/articles/new', moderator.cookie)).statusCode).toBe(403);
    const anon = await get(site, '/admin/articles');
    expect(anon.statusCode).toBe(303);
    const list = await get(site, '/admin/articles', contributor.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('name="mine"');
  });

  describe('bad input', () => {
    it('answers a forged form with 400 and a missing token with 403', async () => {
      const page = await get(site, '/admin/articles/new', author.cookie);
      const forged = await post(
        site,
        '/admin/articles',
        { _csrf: tokenOf(page.body), ...fields(room), title: ['а', 'б'] },
        author.cookie,
      );
      expect(forged.statusCode).toBe(400);
      const noToken = await post(site, '/admin/articles', fields(room), author.cookie);
      expect(noToken.statusCode).toBe(403);
      const badIntent = await post(
        site,
        '/admin/articles',
        { _csrf: tokenOf(page.body), ...fields(room), intent: 'delete' },
        author.cookie,
      );
      expect(badIntent.statusCode).toBe(400);
    });
  });
});
