// Old addresses keep working: an article's slug or section changed by an editor, a tag renamed or
// merged. Each answers 301 to the page's new home; nothing leads to an unpublished article.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../../content/factories.js';
import type { Db } from '../../db/index.js';
import { describeEachDatabase } from '../../db/testing.js';
import { deleteTag, mergeTags, updateTag } from '../../newsroom/tag-admin.js';
import { addStaff, draftOf } from '../../newsroom/testing.js';
import type { Actor, ArticleDraft } from '../../newsroom/types.js';
import { transition } from '../../newsroom/workflow.js';
import { createTestSite, type TestSite } from '../testing.js';

const TZ = 'Europe/Sofia';

describeEachDatabase('old addresses', (getDb) => {
  let site: TestSite;
  let room: Newsroom;
  let editor: Actor;
  let db: Db;
  const now = Date.UTC(2026, 10, 26, 10, 0);
  let tick = 0;
  const at = () => now - 100_000 + ++tick * 100;
  const get = (url: string) => site.app.inject({ method: 'GET', url });

  /** A published article, as the newsroom makes one. */
  async function publish(draft: ArticleDraft): Promise<{ id: number; version: number }> {
    const made = await site.services.articles.create(draft, editor, at());
    if (!made.ok) throw new Error(`create failed: ${JSON.stringify(made)}`);
    const done = await transition(db, {
      id: made.id,
      action: 'publish',
      actor: editor,
      now: at(),
      timeZone: TZ,
    });
    if (!done.ok) throw new Error('publish failed');
    return { id: made.id, version: done.version };
  }

  async function save(id: number, version: number, draft: ArticleDraft): Promise<number> {
    const saved = await site.services.articles.save(id, draft, version, editor, at());
    if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
    return saved.version;
  }

  const currentVersion = async (id: number) =>
    (await db.selectFrom('articles').select('version').where('id', '=', id).executeTakeFirstOrThrow())
      .version;

  function expectRedirect(res: Awaited<ReturnType<typeof get>>, to: string) {
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(to);
  }

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, now);
    editor = await addStaff(db, 'editor', 'Редакторка', now);
    // No page cache: the test changes articles without the invalidation the back office sends.
    site = await createTestSite(getDb(), { PAGE_CACHE: 'off' }, now);
  });
  afterAll(async () => site.close());

  it('an article renamed twice: both old addresses lead to the newest in one hop', async () => {
    const world = room.categories.world;
    const a = await publish(draftOf(world, { title: 'Парламентът прие бюджета', slug: 'parvo-ime' }));
    let version = await currentVersion(a.id);
    version = await save(
      a.id,
      version,
      draftOf(world, { title: 'Парламентът прие бюджета', slug: 'vtoro-ime' }),
    );
    await save(a.id, version, draftOf(world, { title: 'Парламентът прие бюджета', slug: 'treto-ime' }));
    expectRedirect(await get('/svyat/parvo-ime'), '/svyat/treto-ime');
    expectRedirect(await get('/svyat/vtoro-ime'), '/svyat/treto-ime');
    // The query goes along (page links of its comments).
    expectRedirect(await get('/svyat/vtoro-ime?sort=oldest'), '/svyat/treto-ime?sort=oldest');
    const page = await get('/svyat/treto-ime');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<link rel="canonical" href="http://localhost:3000/svyat/treto-ime"/>');

    // A new article taking an old slug wins: the address is its own now.
    await publish(draftOf(world, { title: 'Съвсем друга новина', slug: 'parvo-ime' }));
    const taken = await get('/svyat/parvo-ime');
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toContain('Съвсем друга новина');
    expectRedirect(await get('/svyat/vtoro-ime'), '/svyat/treto-ime');
  });

  it('an article moved to another section: its old address follows it', async () => {
    const a = await publish(draftOf(room.categories.world, { title: 'Мачът е отложен', slug: 'machat' }));
    await save(
      a.id,
      await currentVersion(a.id),
      draftOf(room.categories.football, { title: 'Мачът е отложен', slug: 'machat-otlozhen' }),
    );
    expectRedirect(await get('/svyat/machat'), '/futbol/machat-otlozhen');
    // Named under a section it never was in: the one article that ever had the slug.
    expectRedirect(await get('/sport/machat'), '/futbol/machat-otlozhen');
  });

  it('an unpublished article: its old and new addresses are 404, never a redirect', async () => {
    const world = room.categories.world;
    const a = await publish(draftOf(world, { title: 'Изтеглена новина', slug: 'iztegleno' }));
    await save(
      a.id,
      await currentVersion(a.id),
      draftOf(world, { title: 'Изтеглена новина', slug: 'novo-ime' }),
    );
    expectRedirect(await get('/svyat/iztegleno'), '/svyat/novo-ime');
    const done = await transition(db, {
      id: a.id,
      action: 'unpublish',
      actor: editor,
      now: at(),
      timeZone: TZ,
    });
    expect(done.ok).toBe(true);
    expect((await get('/svyat/iztegleno')).statusCode).toBe(404);
    expect((await get('/svyat/novo-ime')).statusCode).toBe(404);

    // A draft renamed before it ever went out: nothing to find either.
    const draft = await site.services.articles.create(
      draftOf(world, { title: 'Чернова', slug: 'chernova' }),
      editor,
      at(),
    );
    if (!draft.ok) throw new Error('create failed');
    await save(draft.id, draft.version, draftOf(world, { title: 'Чернова', slug: 'chernova-2' }));
    const res = await get('/svyat/chernova');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Чернова');
  });

  it('a renamed tag: its old address leads to its page; a new tag of that slug wins', async () => {
    const draft = { name: 'Енергетика', slug: 'energiya', kind: 'topic' };
    expect((await updateTag(db, room.tags.energy, draft, at())).ok).toBe(true);
    expectRedirect(await get('/tema/energetika'), '/tema/energiya');
    expectRedirect(await get('/tema/energetika?page=2'), '/tema/energiya?page=2');
    // Renamed again: both old slugs lead to the newest.
    expect((await updateTag(db, room.tags.energy, { ...draft, slug: 'energiya-i-klimat' }, at())).ok).toBe(
      true,
    );
    expectRedirect(await get('/tema/energetika'), '/tema/energiya-i-klimat');
    expectRedirect(await get('/tema/energiya'), '/tema/energiya-i-klimat');
    // Back to a slug it had: that one is its own again, not a loop.
    expect((await updateTag(db, room.tags.energy, { ...draft, slug: 'energiya' }, at())).ok).toBe(true);
    expect((await get('/tema/energiya')).statusCode).toBe(200);
    expectRedirect(await get('/tema/energiya-i-klimat'), '/tema/energiya');
  });

  it('merged tags lead to the tag they went into; a deleted tag answers 404', async () => {
    const made = async (slug: string, name: string) =>
      (
        await db
          .insertInto('tags')
          .values({ slug, name, kind: 'place', created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const capital = await made('stolitsata', 'Столицата');
    expect(
      (await updateTag(db, capital, { name: 'Столицата', slug: 'stolitsa', kind: 'place' }, at())).ok,
    ).toBe(true);
    const merged = await mergeTags(db, capital, room.tags.sofia, at());
    expect(merged.ok).toBe(true);
    expectRedirect(await get('/tema/stolitsa'), '/tema/sofia');
    // The merged tag's own old slug is repointed too.
    expectRedirect(await get('/tema/stolitsata'), '/tema/sofia');

    // A new tag taking an old slug is served at it.
    const again = await made('stolitsata', 'Столицата днес');
    const page = await get('/tema/stolitsata');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Столицата днес');
    expect((await deleteTag(db, again)).ok).toBe(true);

    expect((await deleteTag(db, room.tags.sofia)).ok).toBe(true);
    expect((await get('/tema/sofia')).statusCode).toBe(404);
    expect((await get('/tema/stolitsa')).statusCode).toBe(404);
    expect((await get('/tema/stolitsata')).statusCode).toBe(404);
    const left = await db
      .selectFrom('tag_redirects')
      .select('old_slug')
      .where('tag_id', '=', room.tags.sofia)
      .execute();
    expect(left).toEqual([]);
  });
});
