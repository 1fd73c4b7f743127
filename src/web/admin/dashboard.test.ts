import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { describeEachDatabase } from '../../db/testing.js';
import { HOUR_MS } from '../../ranking/store-sql.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, tokenOf } from './testing.js';

describeEachDatabase('the dashboard', (getDb) => {
  // 00:30 on 26 November in Sofia.
  const now = Date.UTC(2026, 10, 25, 22, 30);
  let site: TestSite;

  beforeAll(async () => {
    const db = getDb().db;
    const world = (await buildNewsroom(db, now)).categories.world;
    const today = await buildArticle(db, {
      categoryId: world,
      title: 'Новина след полунощ',
      slug: 'sled-polunosht',
      publishedAt: now - 20 * 60_000,
    });
    await buildArticle(db, { categoryId: world, title: 'Вечерна новина', publishedAt: now - 50 * 60_000 });
    const due = await buildArticle(db, {
      categoryId: world,
      title: 'Утрешен анализ',
      publishedAt: now,
      status: 'draft',
    });
    await db
      .updateTable('articles')
      .set({ status: 'scheduled', scheduled_at: Date.UTC(2026, 10, 26, 6, 15) })
      .where('id', '=', due)
      .execute();
    const last = Math.floor(now / HOUR_MS);
    await db
      .insertInto('article_view_hours')
      .values([
        { article_id: today, hour: last, views: 40 },
        { article_id: today, hour: last - 2, views: 1234 },
      ])
      .execute();
    site = await createTestSite(getDb(), { PASSWORD_COST: '10' }, now);
    await site.services.rankings.refresh();
  });
  afterAll(async () => site.close());

  it('opens for every staff role, not for readers, and sends strangers to sign in', async () => {
    for (const role of ['contributor', 'author', 'moderator', 'editor', 'admin'] as const) {
      const user = await signIn(site, role, `Служител ${role}`);
      const res = await get(site, '/admin', user.cookie);
      expect(res.statusCode, role).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.body).toContain('<h1 class="staff-title">Табло</h1>');
      // The comment queue for those who moderate; "my articles" for those who write.
      const moderates = role === 'moderator' || role === 'editor' || role === 'admin';
      expect(res.body.includes('data-panel="queue"'), role).toBe(moderates);
      expect(res.body.includes('data-panel="mine"'), role).toBe(role !== 'moderator');
    }
    const reader = await signIn(site, 'reader', 'Читател Читателев');
    expect((await get(site, '/admin', reader.cookie)).statusCode).toBe(403);
    const away = await get(site, '/admin');
    expect(away.statusCode).toBe(303);
    expect(away.headers.location).toBe('/profil/vhod?next=%2Fadmin');
  });

  it('shows today in Sofia, the scheduled in Sofia time, the most read and the comment queue', async () => {
    const editor = await signIn(site, 'editor', 'Елена Редакторова');
    const page = (await get(site, '/admin', editor.cookie)).body;
    const panel = (id: string) => new RegExp(`data-panel="${id}"[\\s\\S]*?</section>`).exec(page)?.[0] ?? '';
    expect(panel('today')).toContain('1 статия');
    expect(panel('today')).toContain('00:10</time> <a href="/svyat/sled-polunosht">Новина след полунощ</a>');
    expect(panel('today')).not.toContain('Вечерна новина');
    expect(panel('scheduled')).toMatch(
      /26 ноември 2026 г\., 08:15<\/time> <a href="\/admin\/articles\/\d+">Утрешен анализ<\/a>/,
    );
    expect(panel('most-read')).toContain('Новина след полунощ');
    expect(panel('most-read')).toContain('1274 прегледа');
    expect(panel('queue')).toContain('href="/admin/moderation?queue=pending"');
    expect(panel('queue')).toContain('href="/admin/moderation?queue=reported"');
  });

  it('draws views per hour as an SVG with hour labels in Sofia time and a table for screen readers', async () => {
    const editor = await signIn(site, 'editor', 'Елена Втора');
    const page = (await get(site, '/admin', editor.cookie)).body;
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="views-chart-title views-chart-desc"');
    expect(svg).toContain('<title id="views-chart-title">Прегледи по часове за последните 24 часа</title>');
    expect(svg).toContain(
      '<desc id="views-chart-desc">Общо 1274 прегледа от 01:00 до 00:00; най-много за един час: 1234 прегледа.</desc>',
    );
    expect(svg.match(/class="chart-bar"/g)).toHaveLength(24);
    expect(svg).toContain('най-много 1234');
    expect(svg).toContain('<title>22:00 – 1234 прегледа</title>');
    expect(svg).toContain('<title>00:00 – 40 прегледа</title>');
    expect(svg).toContain('<title>23:00 – 0 прегледа</title>');
    // The tallest bar fills the plot; the others are in proportion.
    expect(svg).toMatch(/height="170"><title>22:00/);
    const table = /<table class="visually-hidden">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(25);
    expect(table).toContain('<th scope="row">22:00</th><td>1234</td>');
  });

  it('draws an empty day without dividing by zero', async () => {
    await getDb().db.deleteFrom('article_view_hours').execute();
    const editor = await signIn(site, 'editor', 'Елена Трета');
    const svg = /<svg[\s\S]*?<\/svg>/.exec((await get(site, '/admin', editor.cookie)).body)?.[0] ?? '';
    expect(svg).not.toContain('NaN');
    expect(svg.match(/height="0"/g)).toHaveLength(24);
  });

  it('speaks English when the site does', async () => {
    const en = await createTestSite(getDb(), { PASSWORD_COST: '10', LOCALE: 'en' }, now);
    try {
      const editor = await signIn(en, 'editor', 'Elena Editor');
      const page = (await get(en, '/admin', editor.cookie)).body;
      expect(page).toContain('<h1 class="staff-title">Dashboard</h1>');
      expect(page).toContain('Views per hour over the last 24 hours');
      const token = tokenOf((await get(en, '/admin/home', editor.cookie)).body);
      const article = (
        await getDb()
          .db.selectFrom('articles')
          .select('id')
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow()
      ).id;
      const res = await post(
        en,
        '/admin/home/slot',
        {
          _csrf: token,
          slot: '0',
          article_id: String(article),
          until_date: '2026-11-25',
          until_time: '10:00',
        },
        editor.cookie,
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('The end must be in the future.');
      const bad = await post(
        en,
        '/admin/home/banner',
        { _csrf: token, text: 'Storm', level: 'purple' },
        editor.cookie,
      );
      expect(bad.body).toContain('Please choose a kind from the list.');
    } finally {
      await en.close();
    }
  });
});
