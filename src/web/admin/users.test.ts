import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { countAdmins } from '../../accounts/admin-lock.js';
import { describeEachDatabase } from '../../db/testing.js';
import { parseMail, type SmtpCapture, startSmtpCapture } from '../../infra/mail-testing.js';
import { bylineOf } from '../../newsroom/staff-members.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const USERS = '/admin/users';

describeEachDatabase('users, for admins', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let site: TestSite;
  let smtp: SmtpCapture;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', SMTP_URL: smtp.url }, now);
    admin = await signIn(site, 'admin', 'Ана Администраторова');
  });
  afterAll(async () => {
    await site.close();
    await smtp.close();
  });

  const tokenFrom = async (url: string, cookie = admin.cookie) =>
    tokenOf((await get(site, url, cookie)).body);
  const userPage = (id: number) => `${USERS}/${id}`;
  /** The whole edit form as the page has it, with some fields changed. */
  async function saveUser(id: number, changes: Record<string, string>, cookie = admin.cookie) {
    const page = (await get(site, userPage(id), cookie)).body;
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page)?.[1] ?? '';
    const role = /<option value="(\w+)" selected/.exec(page)?.[1] ?? '';
    const fields: Record<string, string> = {
      _csrf: tokenOf(page),
      display_name: value('display_name'),
      role,
    };
    if (page.includes('name="byline_name"')) {
      fields.byline_name = value('byline_name');
      fields.byline_title = value('byline_title');
      fields.byline_bio = /<textarea[^>]*name="byline_bio"[^>]*>([^<]*)</.exec(page)?.[1] ?? '';
    }
    return post(site, userPage(id), { ...fields, ...changes }, cookie);
  }

  it('lists the newsroom, searches Cyrillic names in any case, filters by role', async () => {
    await signIn(site, 'editor', 'Иван Иванов');
    await signIn(site, 'reader', 'Иванка Читателска');
    const list = await get(site, USERS, admin.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('private, no-store');
    expect(list.body).toContain('Иван Иванов');
    expect(list.body).not.toContain('Иванка Читателска');
    const search = await get(site, `${USERS}?q=${encodeURIComponent('ИВАН')}&role=all`, admin.cookie);
    expect(search.body).toContain('Иван Иванов');
    expect(search.body).toContain('Иванка Читателска');
    expect(search.body).not.toContain('Ана Администраторова</a>');
    expect(search.body).toContain('2 профила');
    const editors = await get(site, `${USERS}?role=editor`, admin.cookie);
    expect(editors.body).toContain('Иван Иванов');
    expect(editors.body).toContain('<option value="editor" selected>');
    expect((await get(site, `${USERS}?role=boss`, admin.cookie)).statusCode).toBe(400);
    expect((await get(site, `${USERS}?page=0`, admin.cookie)).statusCode).toBe(400);
    expect((await get(site, `${USERS}?q=${'я'.repeat(201)}`, admin.cookie)).statusCode).toBe(400);
  });

  it('invites a new member by mail; the link lets them choose a password', async () => {
    const form = await get(site, `${USERS}/new`, admin.cookie);
    expect(form.body).toMatch(/<label for="user-email">Имейл<\/label>/);
    expect(form.body).not.toContain('type="password"');
    const made = await post(
      site,
      USERS,
      { _csrf: tokenOf(form.body), email: 'Nova@Example.BG', display_name: 'Нова Авторка', role: 'author' },
      admin.cookie,
    );
    expect(made.statusCode).toBe(303);
    const location = String(made.headers.location);
    expect(location).toMatch(/^\/admin\/users\/\d+\?done=invited$/);
    const page = await get(site, location, admin.cookie);
    expect(page.body).toContain('Профилът е създаден и поканата е изпратена на nova@example.bg.');
    expect(page.body).toContain('не е използвана');

    const mail = await smtp.next();
    expect(mail.to).toEqual(['nova@example.bg']);
    const { text } = parseMail(mail.raw);
    expect(text).toContain('Ана Администраторова ви откри профил');
    const link = /^http:\/\/localhost:3000(\/profil\/nova-parola\?token=[\w-]{43})$/m.exec(text)?.[1];
    expect((await get(site, link ?? '')).statusCode).toBe(200);
  });

  it('says what is wrong with a new member’s fields and links to a taken address', async () => {
    const token = await tokenFrom(`${USERS}/new`);
    const bad = await post(
      site,
      USERS,
      { _csrf: token, email: 'x@', display_name: '', role: 'reader' },
      admin.cookie,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Промените не са запазени.');
    expect(bad.body).toContain('Това не прилича на имейл адрес');
    expect(bad.body).toContain('Моля, напишете име.');
    expect(bad.body).toContain('Изберете роля от списъка.');
    const taken = await post(
      site,
      USERS,
      { _csrf: token, email: admin.email, display_name: 'Двойничка', role: 'editor' },
      admin.cookie,
    );
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Вече има профил с този имейл.');
    expect(taken.body).toContain(`href="/admin/users/${admin.id}"`);
    expect(
      await post(site, USERS, { email: 'a@b.bg', display_name: 'Без Ключ', role: 'author' }, admin.cookie),
    ).toMatchObject({
      statusCode: 403,
    });
  });

  it('a role change applies on the person’s very next request, and is logged', async () => {
    const author = await signIn(site, 'author', 'Борис Авторов');
    expect((await get(site, '/admin/moderation', author.cookie)).statusCode).toBe(403);
    const info = vi.spyOn(site.services.log, 'info');
    const saved = await saveUser(author.id, { role: 'editor' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${userPage(author.id)}?done=saved`);
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({ actorId: admin.id, userId: author.id, from: 'author', to: 'editor' }),
      'role changed',
    );
    info.mockRestore();
    expect((await get(site, '/admin/moderation', author.cookie)).statusCode).toBe(200);
    expect((await saveUser(author.id, { role: 'reader' })).statusCode).toBe(303);
    expect((await get(site, '/admin/moderation', author.cookie)).statusCode).toBe(403);
  });

  it('edits the byline of a writer along with the name', async () => {
    const writer = await signIn(site, 'contributor', 'Вера Пишеща');
    const page = await get(site, userPage(writer.id), admin.cookie);
    expect(page.body).toContain('<legend>Подпис под статиите</legend>');
    const saved = await saveUser(writer.id, {
      display_name: 'Вера Пишеща-Нова',
      byline_name: 'Вера Нова',
      byline_title: 'Репортер „Общество“',
      byline_bio: 'Пише за училищата.',
    });
    expect(saved.statusCode).toBe(303);
    expect(await bylineOf(getDb().db, writer.id)).toMatchObject({
      name: 'Вера Нова',
      title: 'Репортер „Общество“',
    });
    const again = await get(site, String(saved.headers.location), admin.cookie);
    expect(again.body).toContain('Промените са запазени.');
    expect(again.body).toContain('value="Вера Пишеща-Нова"');
    const bad = await saveUser(writer.id, { byline_name: 'В', display_name: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Моля, напишете име.');
    expect(bad.body).toContain('Името трябва да е поне 2 знака.');
  });

  it('an admin cannot change their own role; demoting each other at once leaves one admin', async () => {
    const page = await get(site, userPage(admin.id), admin.cookie);
    expect(page.body).toMatch(/<select id="user-role" name="role" disabled/);
    expect(page.body).toContain('Собствената си роля не можете да смените');
    const own = await saveUser(admin.id, { role: 'editor' });
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain('Не можете да смените собствената си роля.');
    // Without the (disabled, so unsent) role field the name still changes.
    const named = await post(
      site,
      userPage(admin.id),
      { _csrf: tokenOf(page.body), display_name: 'Ана Главна' },
      admin.cookie,
    );
    expect(named.statusCode).toBe(303);

    const other = await signIn(site, 'admin', 'Втори Администратор');
    await getDb()
      .db.updateTable('users')
      .set({ role: 'editor' })
      .where('role', '=', 'admin')
      .where('id', 'not in', [admin.id, other.id])
      .execute();
    const [a, b] = await Promise.all([
      saveUser(other.id, { role: 'editor' }),
      saveUser(admin.id, { role: 'editor' }, other.cookie),
    ]);
    expect(await countAdmins(getDb().db)).toBe(1);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(303);
    // The loser is either refused by the rule or, if the winner was quicker, no admin any more.
    expect([403, 409]).toContain(codes[1]);
    const refused = [a, b].find((r) => r.statusCode === 409);
    if (refused) expect(refused.body).toContain('последният администратор');
  });

  it('answers a bad or unknown id, sends a new password link, and refuses a forged form', async () => {
    // The race above may have taken the first admin's role.
    const boss = await signIn(site, 'admin', 'Трети Администратор');
    expect((await get(site, `${USERS}/abc`, boss.cookie)).statusCode).toBe(400);
    expect((await get(site, `${USERS}/999999`, boss.cookie)).statusCode).toBe(404);
    expect((await get(site, `${userPage(boss.id)}?done=nope`, boss.cookie)).statusCode).toBe(400);
    const editor = await signIn(site, 'editor', 'Ема Редакторска');
    const token = await tokenFrom(userPage(editor.id), boss.cookie);
    const resent = await post(site, `${userPage(editor.id)}/invite`, { _csrf: token }, boss.cookie);
    expect(resent.statusCode).toBe(303);
    expect((await get(site, String(resent.headers.location), boss.cookie)).body).toContain(
      `Изпратена е нова връзка на ${editor.email}.`,
    );
    expect((await smtp.next()).to).toEqual([editor.email]);
    expect((await post(site, `${userPage(editor.id)}/invite`, { _csrf: 'x' }, boss.cookie)).statusCode).toBe(
      403,
    );
    expect(
      (await post(site, userPage(999_999), { _csrf: token, display_name: 'Никой' }, boss.cookie)).statusCode,
    ).toBe(404);
  });
});
