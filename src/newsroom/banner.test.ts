import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { BannerStore, safeLink, validateBanner } from './banner.js';

const now = Date.UTC(2026, 6, 20, 9, 0);
const good = {
  text: 'Жълт код за жеги в 12 области',
  link: '/vreme/zhalt-kod',
  level: 'yellow',
  expiresAt: null,
};

const problems = (input: Record<string, unknown>, at: number | null = now) => {
  const r = validateBanner(input, at);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.problem}`);
};

describe('validateBanner', () => {
  it('accepts a complete banner and tidies its text', () => {
    const r = validateBanner({ ...good, text: '  Жълт код \n за жеги\t ', expiresAt: now + 60_000 }, now);
    expect(r).toEqual({
      ok: true,
      value: { text: 'Жълт код за жеги', link: '/vreme/zhalt-kod', level: 'yellow', expiresAt: now + 60_000 },
    });
    expect(validateBanner({ ...good, link: '   ' }, now)).toMatchObject({ ok: true, value: { link: null } });
    expect(validateBanner({ ...good, link: undefined }, now)).toMatchObject({
      ok: true,
      value: { link: null },
    });
  });

  it('requires text of at most 160 characters', () => {
    expect(problems({ ...good, text: '   ' })).toEqual(['text:required']);
    expect(problems({ ...good, text: 42 })).toEqual(['text:required']);
    expect(problems({ ...good, text: 'я'.repeat(160) })).toEqual([]);
    expect(problems({ ...good, text: 'я'.repeat(161) })).toEqual(['text:too-long']);
  });

  it('takes site paths and http(s) addresses and nothing else as the link', () => {
    for (const link of ['/', '/svyat/statia?x=1#y', 'https://meteo.bg/bg/', 'http://example.bg'])
      expect(safeLink(link), link).toBe(true);
    for (const link of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox',
      '//evil.example/',
      '/\\evil.example/',
      'ftp://example.bg/',
      'mailto:news@example.bg',
      'example.bg/path',
      'https://',
      '/with space',
      `/${'a'.repeat(500)}`,
    ])
      expect(safeLink(link), link).toBe(false);
    expect(problems({ ...good, link: 'javascript:alert(1)' })).toEqual(['link:bad-link']);
    expect(problems({ ...good, link: ['/a'] })).toEqual(['link:bad-link']);
  });

  it('knows the five levels', () => {
    for (const level of ['info', 'yellow', 'orange', 'red', 'breaking'])
      expect(problems({ ...good, level })).toEqual([]);
    expect(problems({ ...good, level: 'purple' })).toEqual(['level:bad-level']);
    expect(problems({ ...good, level: undefined })).toEqual(['level:bad-level']);
  });

  it('wants an expiry ahead when saving, and any whole instant when reading', () => {
    expect(problems({ ...good, expiresAt: now })).toEqual(['expiresAt:past']);
    expect(problems({ ...good, expiresAt: now - 1 })).toEqual(['expiresAt:past']);
    expect(problems({ ...good, expiresAt: now - 1 }, null)).toEqual([]);
    expect(problems({ ...good, expiresAt: 'tomorrow' })).toEqual(['expiresAt:bad-time']);
    expect(problems({ ...good, expiresAt: 1.5 })).toEqual(['expiresAt:bad-time']);
    expect(problems({ text: '', link: 'javascript:x', level: 'x', expiresAt: -5 })).toEqual([
      'text:required',
      'link:bad-link',
      'level:bad-level',
      'expiresAt:bad-time',
    ]);
  });
});

describeEachDatabase('the banner store', (getDb) => {
  let db: Db;
  beforeAll(() => {
    db = getDb().db;
  });

  it('saves, shows until the expiry, and is read back by another process', async () => {
    const store = new BannerStore(db);
    expect(await store.reload()).toBeNull();
    expect(store.active(now)).toBeNull();
    const saved = await store.save({ ...good, level: 'breaking', expiresAt: now + 3_600_000 }, now);
    expect(saved.ok).toBe(true);
    expect(store.active(now)?.text).toBe(good.text);
    expect(store.active(now + 3_599_999)).not.toBeNull();
    expect(store.active(now + 3_600_000)).toBeNull();
    expect(store.get()?.level).toBe('breaking');

    const other = new BannerStore(db);
    expect(await other.reload()).toEqual({ ...good, level: 'breaking', expiresAt: now + 3_600_000 });
  });

  it('refuses a bad banner and keeps the one there', async () => {
    const store = new BannerStore(db);
    await store.reload();
    const r = await store.save({ ...good, link: 'javascript:alert(1)', level: 'purple' }, now);
    expect(r.ok).toBe(false);
    expect(store.get()?.level).toBe('breaking');
    expect((await new BannerStore(db).reload())?.level).toBe('breaking');
  });

  it('shows nothing rather than a damaged stored value', async () => {
    const store = new BannerStore(db);
    for (const value of ['not json', '"just a string"', JSON.stringify({ ...good, link: 'javascript:x' })]) {
      await db.updateTable('settings').set({ value }).where('key', '=', 'home.banner').execute();
      expect(await store.reload(), value).toBeNull();
    }
  });

  it('is removed', async () => {
    const store = new BannerStore(db);
    await store.save(good, now);
    await store.remove();
    expect(store.get()).toBeNull();
    expect(await new BannerStore(db).reload()).toBeNull();
  });
});
