import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { hashToken } from '../../accounts/sessions.js';
import { buildArticle, buildNewsroom } from '../../content/factories.js';
import { getOrCreateSecret } from '../../db/settings.js';
import { describeEachDatabase } from '../../db/testing.js';
import { FormTokens } from '../form-tokens.js';
import { createTestSite, type TestSite } from '../testing.js';
import { formValues } from './settings-form.js';
import { get, guestComment, post, signIn, type TestUser, tokenOf } from './testing.js';

const SETTINGS = '/admin/moderation/settings';

describeEachDatabase('comment settings on the desk', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let mod: TestUser;
  const open = { slug: 'otvorena', id: 0 };

  beforeAll(async () => {
    const db = getDb().db;
    const room = await buildNewsroom(db, now);
    open.id = await buildArticle(db, {
      categoryId: room.categories.world,
      slug: open.slug,
      publishedAt: now - 60_000,
    });
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', COMMENTS_PER_MINUTE: '1000' }, now);
    mod = await signIn(site, 'moderator', 'Мира Модераторова');
  });
  afterAll(async () => site.close());

  /** The whole form as the page shows it now, with some fields changed. */
  async function save(changes: Record<string, string>) {
    const page = await get(site, SETTINGS, mod.cookie);
    const fields = { ...formValues(site.services.commentSettings.get()), ...changes };
    return post(site, SETTINGS, { _csrf: tokenOf(page.body), ...fields }, mod.cookie);
  }

  it('shows the current settings in the form', async () => {
    const res = await get(site, SETTINGS, mod.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('Настройки на коментарите');
    expect(res.body).toMatch(/<input type="radio" id="f-who-guests" name="who" value="guests" checked/);
    expect(res.body).toMatch(/name="maxLinks" type="text" inputmode="numeric" value="2"/);
    expect(res.body).toContain('<legend>Прагове</legend>');
  });

  it('a word added to the banned list gets the next comment with it rejected', async () => {
    const before = site.services.commentSettings.get().bannedWords;
    const res = await save({ bannedWords: `${before.join('\n')}\n  тиквеник  \n` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${SETTINGS}?saved=1`);
    const page = await get(site, res.headers.location as string, mod.cookie);
    expect(page.body).toContain('Настройките са запазени.');
    expect(page.body).toMatch(/\nтиквеник<\/textarea>/);
    expect(site.services.commentSettings.get().bannedWords).toContain('тиквеник');

    const posted = await guestComment(site, open, { name: 'Грубиян', body: 'Авторът е пълен тиквеник.' });
    expect(posted.statusCode).toBe(303);
    const row = await getDb()
      .db.selectFrom('comments')
      .select(['status', 'moderation_reason', 'moderation_detail'])
      .where('author_name', '=', 'Грубиян')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'rejected',
      moderation_reason: 'banned-word',
      moderation_detail: 'тиквеник',
    });

    const log = await get(site, '/admin/moderation/log', mod.cookie);
    expect(log.body).toMatch(
      /data-log-action="settings">[\s\S]*?промени настройките[\s\S]*?bannedWords \+1 −0/,
    );
  });

  it('the policy switches to pre-moderation and back', async () => {
    expect((await save({ moderation: 'pre', closeAfterDays: '30' })).statusCode).toBe(303);
    await guestComment(site, open, { name: 'Търпелив', body: 'Ще почакам одобрението.' });
    const held = await getDb()
      .db.selectFrom('comments')
      .select('status')
      .where('author_name', '=', 'Търпелив')
      .executeTakeFirstOrThrow();
    expect(held.status).toBe('pending');
    expect(site.services.commentSettings.get().closeAfterDays).toBe(30);
    expect((await save({ moderation: 'post', closeAfterDays: '' })).statusCode).toBe(303);
    expect(site.services.commentSettings.get().closeAfterDays).toBeNull();
  });

  it('invalid values get 422, each error next to its field, and what was typed stays', async () => {
    const was = site.services.commentSettings.get();
    const res = await save({ maxLinks: 'abc', floodMax: '0', who: 'everyone', suspectWords: 'я'.repeat(81) });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Настройките не са запазени. Поправете отбелязаното.');
    expect(res.body).toMatch(
      /name="maxLinks"[^>]*value="abc"[^>]*aria-invalid="true"[^>]*\/>[\s\S]{0,200}Въведете цяло число от 0 до 100\./,
    );
    expect(res.body).toContain('id="floodMax-error">Въведете цяло число от 1 до 1000.');
    expect(res.body).toContain('id="who-error">Изберете една от възможностите.');
    expect(res.body).toContain('id="suspectWords-error">Всеки ред може да е най-много 80 знака.');
    expect(res.body).toContain('я'.repeat(81));
    expect(site.services.commentSettings.get()).toEqual(was);
  });

  it('a forged form is refused; a repeated field is a 400', async () => {
    const was = site.services.commentSettings.get();
    const forged = await post(
      site,
      SETTINGS,
      { ...formValues(was), maxLinks: '9', _csrf: 'nope' },
      mod.cookie,
    );
    expect(forged.statusCode).toBe(403);
    const token = tokenOf((await get(site, SETTINGS, mod.cookie)).body);
    const repeated = await post(
      site,
      SETTINGS,
      { ...formValues(was), maxLinks: ['3', '4'], _csrf: token },
      mod.cookie,
    );
    expect(repeated.statusCode).toBe(400);
    expect(site.services.commentSettings.get()).toEqual(was);
    // A day-old form: refused, but with everything typed still in it.
    const secret = await getOrCreateSecret(getDb().db, 'form_token_secret');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * 86_400_000);
    const old = new FormTokens(secret).create(`session:${hashToken(mod.cookie.split('=')[1] ?? '')}`);
    vi.useRealTimers();
    const expired = await post(site, SETTINGS, { ...formValues(was), maxLinks: '7', _csrf: old }, mod.cookie);
    expect(expired.statusCode).toBe(403);
    expect(expired.body).toContain('Формата е остаряла');
    expect(expired.body).toMatch(/name="maxLinks"[^>]*value="7"/);
    expect(site.services.commentSettings.get()).toEqual(was);
    const reader = await signIn(site, 'reader', 'Любопитен Читател');
    expect((await get(site, SETTINGS, reader.cookie)).statusCode).toBe(403);
  });
});
