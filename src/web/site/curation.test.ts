import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { localInputs } from '../admin/home-form.js';
import { get, post, signIn, type TestUser, tokenOf } from '../admin/testing.js';
import { createTestSite, type TestSite } from '../testing.js';

const MIN = 60_000;

/** Titles of the lead card and the top-story cards, in page order. */
function front(html: string) {
  const lead =
    /<article class="card card-lead">[\s\S]*?<h2 class="card-title">([\s\S]*?)<\/h2>/.exec(html)?.[1] ?? '';
  const top = /<div class="front-top">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  const titles = (s: string) => [...s.matchAll(/<a href="\/svyat\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
  return { lead: titles(lead)[0], top: titles(top) };
}

describeEachDatabase('the curated home page and the banner on the reading site', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let base: string;
  let editor: TestUser;
  const ids: number[] = [];

  beforeAll(async () => {
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    // Статия 1 is the oldest, Статия 8 the newest.
    for (let i = 1; i <= 8; i++)
      ids.push(
        await buildArticle(db, {
          categoryId: room.categories.world,
          title: `Статия ${i}`,
          slug: `statia-nomer-${i}`,
          publishedAt: now - (10 - i) * MIN,
        }),
      );
    await db
      .updateTable('articles')
      .set({ breaking: 1 })
      .where('id', '=', ids[6] as number)
      .execute();
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    editor = await signIn(site, 'editor', 'Елена Редакторова');
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => site.close());

  const page = async (path: string) => (await fetch(`${base}${path}`)).text();

  async function putInSlot(slot: number, articleId: number, until: number | null = null) {
    const token = tokenOf((await get(site, '/admin/home', editor.cookie)).body);
    const at = localInputs(until, 'Europe/Sofia');
    const res = await post(
      site,
      '/admin/home/slot',
      {
        _csrf: token,
        slot: String(slot),
        article_id: String(articleId),
        until_date: at.date,
        until_time: at.time,
      },
      editor.cookie,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  }

  it('shows the curated lead and top stories first, then the newest, and drops them when their time is up', async () => {
    expect(site.services.pageCache.enabled).toBe(true);
    expect(front(await page('/'))).toEqual({
      lead: 'Статия 8',
      top: ['Статия 7', 'Статия 6', 'Статия 5', 'Статия 4'],
    });
    await page('/'); // now cached
    await putInSlot(0, ids[1] as number);
    await putInSlot(1, ids[2] as number, now + 5 * MIN);
    expect(front(await page('/'))).toEqual({
      lead: 'Статия 2',
      top: ['Статия 3', 'Статия 8', 'Статия 7', 'Статия 6'],
    });
    const hits = site.services.pageCache.hits;
    await page('/');
    expect(site.services.pageCache.hits).toBe(hits + 1);

    // Slot 1 ends at +5 min (well within the cache's 10 minutes); the timer's check drops the page.
    site.clock.advance(6 * MIN);
    expect(front(await page('/')).top[0]).toBe('Статия 3');
    expect(await site.services.expiry.check(site.clock.now())).toEqual(['home']);
    expect(front(await page('/'))).toEqual({
      lead: 'Статия 2',
      top: ['Статия 8', 'Статия 7', 'Статия 6', 'Статия 5'],
    });
  });

  it('marks breaking news on cards and on the article page', async () => {
    const home = await page('/');
    expect(home).toContain('<span class="breaking-label">Извънредно</span> <a href="/svyat/statia-nomer-7">');
    expect(home).not.toContain(
      '<span class="breaking-label">Извънредно</span> <a href="/svyat/statia-nomer-8">',
    );
    const article = await page('/svyat/statia-nomer-7');
    expect(article).toMatch(
      /<h1 id="article-title" class="article-title"><span class="breaking-label">Извънредно<\/span> Статия 7<\/h1>/,
    );
  });

  it('shows the banner on every page, and takes it off cached pages when it expires', async () => {
    const path = '/svyat/statia-nomer-3';
    expect(await page(path)).not.toContain('site-banner');
    await page(path); // cached without a banner
    const token = tokenOf((await get(site, '/admin/home', editor.cookie)).body);
    const expires = localInputs(site.clock.now() + 5 * MIN, 'Europe/Sofia');
    const saved = await post(
      site,
      '/admin/home/banner',
      {
        _csrf: token,
        text: 'Жълт код за силен вятър в София',
        link: '/svyat/statia-nomer-4',
        level: 'yellow',
        expires_date: expires.date,
        expires_time: expires.time,
      },
      editor.cookie,
    );
    expect(saved.statusCode).toBe(303);
    const shown = await page(path);
    expect(shown).toContain(
      '<section class="site-banner site-banner-yellow" aria-label="Важно съобщение"><div class="wrap"><a class="site-banner-body" href="/svyat/statia-nomer-4"><span class="site-banner-text">Жълт код за силен вятър в София</span></a></div></section>',
    );
    expect(await page('/')).toContain('Жълт код за силен вятър в София');
    expect(await page('/arhiv')).toContain('Жълт код за силен вятър в София');

    // Past its end the banner is gone from a fresh render at once; the cached copy goes when the
    // timer's check announces it.
    site.clock.advance(6 * MIN);
    const hits = site.services.pageCache.hits;
    expect(await page(path)).toContain('site-banner');
    expect(site.services.pageCache.hits).toBe(hits + 1);
    expect(await site.services.expiry.check(site.clock.now())).toEqual(['banner']);
    expect(await page(path)).not.toContain('site-banner');
    expect(await page('/')).not.toContain('site-banner');
  });

  it('says „Извънредно“ on a breaking banner, and has no link when none is given', async () => {
    const token = tokenOf((await get(site, '/admin/home', editor.cookie)).body);
    const fields = { _csrf: token, text: 'Земетресение край Перник', link: '', level: 'breaking' };
    expect((await post(site, '/admin/home/banner', fields, editor.cookie)).statusCode).toBe(303);
    expect(await page('/svyat/statia-nomer-5')).toContain(
      '<section class="site-banner site-banner-breaking" aria-label="Важно съобщение"><div class="wrap"><p class="site-banner-body"><strong class="site-banner-level">Извънредно</strong><span class="site-banner-text">Земетресение край Перник</span></p></div></section>',
    );
    const removed = await post(site, '/admin/home/banner/remove', { _csrf: token }, editor.cookie);
    expect(removed.headers.location).toBe('/admin/home?done=banner-removed#banner');
    expect(await page('/svyat/statia-nomer-5')).not.toContain('site-banner');
  });
});
