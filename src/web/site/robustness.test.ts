import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { openDatabase } from '../../db/index.js';
import { migrateToLatest } from '../../db/migrate.js';
import { describeEachDatabase } from '../../db/testing.js';
import { createTestSite, type TestSite } from '../testing.js';

// The Big List of Naughty Strings, read from the shared fixtures when they are present.
const BLNS = '../shared/fixtures/naughty/blns.json';
const naughty: string[] = existsSync(BLNS) ? (JSON.parse(readFileSync(BLNS, 'utf8')) as string[]) : [];
if (naughty.length === 0) console.warn(`!!! ${BLNS} not found: the naughty-strings sweep is SKIPPED.`);

describeEachDatabase('no input yields a 500', (getDb) => {
  let site: TestSite;
  let token = '';
  let articleId = 0;
  const now = Date.UTC(2026, 10, 25, 10, 0);

  beforeAll(async () => {
    const room = await buildNewsroom(getDb().db, now);
    articleId = await buildArticle(getDb().db, {
      categoryId: room.categories.world,
      slug: 'tsel',
      publishedAt: now - 60_000,
    });
    site = await createTestSite(getDb(), { COMMENTS_PER_MINUTE: '100000' }, now);
    token = /name="_csrf" value="([^"]+)"/.exec((await site.app.inject('/svyat/tsel')).body)?.[1] ?? '';
  });
  afterAll(async () => site.close());

  it.skipIf(naughty.length === 0)('naughty strings in paths, queries and comment fields', async () => {
    for (const s of naughty) {
      const e = encodeURIComponent(s);
      for (const url of [
        `/${e}`,
        `/svyat/${e}`,
        `/tema/${e}`,
        `/sport?page=${e}`,
        `/svyat/tsel?reply=${e}`,
        `/arhiv/${e}/11`,
      ]) {
        const res = await site.app.inject(url);
        expect(res.statusCode, url).toBeLessThan(500);
      }
      const res = await site.app.inject({
        method: 'POST',
        url: '/comments',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        payload: new URLSearchParams({
          _csrf: token,
          article_id: String(articleId),
          name: s,
          email: 'naughty@example.bg',
          body: `${s} …`,
        }).toString(),
      });
      expect(res.statusCode, s).toBeLessThan(500);
    }
    // Whatever was stored renders.
    expect((await site.app.inject('/svyat/tsel')).statusCode).toBe(200);
  });

  it('odd requests: unknown methods, wrong content types, junk bodies', async () => {
    const cases = [
      { method: 'PUT' as const, url: '/' },
      {
        method: 'POST' as const,
        url: '/comments',
        headers: { 'content-type': 'application/json' },
        payload: '{"article_id":',
      },
      {
        method: 'POST' as const,
        url: '/comments',
        headers: { 'content-type': 'text/plain' },
        payload: 'hello',
      },
      { method: 'POST' as const, url: '/api/views/abc' },
      { method: 'POST' as const, url: '/api/views/99999999999' },
      { method: 'GET' as const, url: '/na-dneshnata-data/99-99' },
    ];
    for (const c of cases) {
      const res = await site.app.inject(c);
      expect(res.statusCode, `${c.method} ${c.url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
    }
  });
});

describe('the 500 page', () => {
  let dir = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a failure inside the site shows the error page in the site look, not a stack trace', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vestnik-500-'));
    const handle = openDatabase({ kind: 'sqlite', file: join(dir, 'x.db') });
    await migrateToLatest(handle);
    const site = await createTestSite(handle);
    await handle.destroy(); // the database goes away under the running site
    const res = await site.app.inject('/');
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Нещо се обърка');
    expect(res.body).toContain('<html lang="bg">');
    expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
    await site.app.close();
  });
});
