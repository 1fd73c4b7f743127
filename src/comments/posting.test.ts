import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listCategories } from '../content/categories.js';
import { buildArticle, buildNewsroom } from '../content/factories.js';
import type { Category } from '../content/types.js';
import type { Db } from '../db/index.js';
import { SqlRateLimiter } from '../db/rate-limits.js';
import { describeEachDatabase } from '../db/testing.js';
import { CommentPoster, type PostCommentInput, type PostingUser } from './posting.js';
import { type CommentSettings, DEFAULT_COMMENT_SETTINGS } from './settings.js';

const now = Date.UTC(2026, 10, 25, 10, 0);
const DAY = 86_400_000;

describeEachDatabase('CommentPoster', (getDb) => {
  let db: Db;
  let categoryId: number;
  let categories: Category[];
  let settings: CommentSettings;
  let poster: CommentPoster;
  let keys = 0;
  let users = 0;

  beforeAll(async () => {
    db = getDb().db;
    categoryId = (await buildNewsroom(db, now)).categories.world;
    categories = await listCategories(db);
  });

  beforeEach(() => {
    settings = { ...DEFAULT_COMMENT_SETTINGS };
    poster = new CommentPoster({
      db,
      limiter: new SqlRateLimiter(db),
      settings: () => settings,
      categories: () => categories,
      limits: { perReaderPerMinute: 3, perIpPerMinute: 1000 },
    });
  });

  const newArticle = (rules = {}, publishedAt = now - 60_000) =>
    buildArticle(db, { categoryId, publishedAt, commentRules: rules });

  function input(articleId: number, body: string, more: Partial<PostCommentInput> = {}): PostCommentInput {
    keys++;
    return {
      articleId,
      parentId: null,
      name: 'Читател',
      email: `chitatel${keys}@example.bg`,
      body,
      notifyReplies: false,
      user: null,
      submissionKey: `k${keys}`,
      visitorHash: `v${keys}`,
      ipKey: `ip${keys}`,
      ...more,
    };
  }

  async function reader(extra: Partial<PostingUser> & { shadow?: boolean } = {}): Promise<PostingUser> {
    users++;
    const { id } = await db
      .insertInto('users')
      .values({
        email: `reader${users}@example.bg`,
        display_name: `Читател ${users}`,
        password_hash: 'x',
        email_verified_at: now,
        created_at: now,
        updated_at: now,
        shadow_banned: extra.shadow ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      id,
      displayName: `Читател ${users}`,
      emailVerified: true,
      suspendedUntil: null,
      banned: false,
      ...extra,
    };
  }

  const stored = (id: number) =>
    db
      .selectFrom('comments')
      .select([
        'status',
        'body',
        'moderation_reason',
        'moderation_detail',
        'spam_score',
        'user_id',
        'author_email',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  async function countOf(articleId: number) {
    const row = await db
      .selectFrom('articles')
      .select('comment_count')
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    return Number(row.comment_count);
  }

  it('stores the chain’s decision with its reason, and counts only approved comments', async () => {
    const articleId = await newArticle();
    const clean = await poster.post(input(articleId, 'Добър и подробен материал, благодаря.'), now);
    const banned = await poster.post(input(articleId, 'Ти си К.У.Р.В.А!'), now);
    const suspect = await poster.post(input(articleId, 'Бързи пари от онлайн казино!'), now);
    if (!clean.ok || !banned.ok || !suspect.ok) throw new Error('not stored');
    expect(await stored(clean.id)).toMatchObject({
      status: 'approved',
      moderation_reason: 'post-moderation',
    });
    expect(await stored(banned.id)).toMatchObject({
      status: 'rejected',
      moderation_reason: 'banned-word',
      moderation_detail: 'курва',
    });
    expect(await stored(suspect.id)).toMatchObject({ status: 'pending', moderation_reason: 'suspect-word' });
    expect(await countOf(articleId)).toBe(1);
  });

  it('requires a guest’s email and keeps every field error together', async () => {
    const articleId = await newArticle();
    const result = await poster.post(input(articleId, '', { name: 'А', email: 'не-е-имейл' }), now);
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { name: 'name-too-short', body: 'body-required', email: 'email-invalid' },
    });
    const ok = await poster.post(
      input(articleId, 'Имейлът се пази с малки букви.', { email: ' Ivan@Example.BG ' }),
      now,
    );
    if (!ok.ok) throw new Error('not stored');
    expect((await stored(ok.id)).author_email).toBe('ivan@example.bg');
  });

  it('a repeated submission returns the comment it already made', async () => {
    const articleId = await newArticle();
    const first = input(articleId, 'Само веднъж, моля.');
    const a = await poster.post(first, now);
    const b = await poster.post(first, now);
    expect(a).toMatchObject({ ok: true, duplicate: false });
    expect(b).toMatchObject({ ok: true, duplicate: true, id: a.ok ? a.id : -1 });
    expect(await countOf(articleId)).toBe(1);
  });

  it('follows the policy: pre-moderation, registered only, closed, closing after N days', async () => {
    const pre = await newArticle({ moderation: 'pre' });
    expect(await poster.post(input(pre, 'Чака модератор.'), now)).toMatchObject({
      ok: true,
      status: 'pending',
    });
    const members = await newArticle({ who: 'registered' });
    expect(await poster.post(input(members, 'Гост пише.'), now)).toEqual({
      ok: false,
      reason: 'login-required',
    });
    const member = await reader();
    expect(await poster.post(input(members, 'Читател пише.', { user: member }), now)).toMatchObject({
      ok: true,
    });
    const closed = await newArticle({ who: 'closed' });
    expect(await poster.post(input(closed, 'Затворено.'), now)).toEqual({
      ok: false,
      reason: 'comments-closed',
    });
    const old = await newArticle({ closeDays: 3 }, now - 4 * DAY);
    expect(await poster.post(input(old, 'Късно е.'), now)).toEqual({ ok: false, reason: 'comments-closed' });
    settings = { ...settings, closeAfterDays: 10 };
    const siteWide = await newArticle({}, now - 11 * DAY);
    expect(await poster.post(input(siteWide, 'Твърде късно.'), now)).toEqual({
      ok: false,
      reason: 'comments-closed',
    });
  });

  it('refuses banned, suspended and unverified readers with their own reasons', async () => {
    const articleId = await newArticle();
    const banned = await reader({ banned: true });
    expect(await poster.post(input(articleId, 'Блокиран съм.', { user: banned }), now)).toEqual({
      ok: false,
      reason: 'banned',
    });
    const until = now + DAY;
    const suspended = await reader({ suspendedUntil: until });
    expect(await poster.post(input(articleId, 'Спрян съм.', { user: suspended }), now)).toEqual({
      ok: false,
      reason: 'suspended',
      until,
    });
    const served = await reader({ suspendedUntil: now - 1 });
    expect(await poster.post(input(articleId, 'Срокът мина.', { user: served }), now)).toMatchObject({
      ok: true,
    });
    const unverified = await reader({ emailVerified: false });
    expect(await poster.post(input(articleId, 'Непотвърден.', { user: unverified }), now)).toEqual({
      ok: false,
      reason: 'unverified',
    });
  });

  it('a signed-in reader posts under their own name, and is rate limited per reader', async () => {
    const articleId = await newArticle();
    const member = await reader();
    for (let i = 0; i < 3; i++) {
      const r = await poster.post(
        input(articleId, `Коментар номер ${i} по темата.`, { user: member, name: 'Друго име' }),
        now,
      );
      if (!r.ok) throw new Error(`refused: ${r.reason}`);
      expect(await stored(r.id)).toMatchObject({ user_id: member.id, author_email: null });
    }
    const fourth = await poster.post(input(articleId, 'Четвърти в същата минута.', { user: member }), now);
    expect(fourth).toMatchObject({ ok: false, reason: 'rate-limited' });
    if (fourth.ok || fourth.reason !== 'rate-limited') throw new Error('not limited');
    expect(fourth.retryAfterMs).toBeGreaterThan(0);
    expect(
      await poster.post(input(articleId, 'Следващата минута.', { user: member }), now + 60_000),
    ).toMatchObject({ ok: true });
  });

  it('a shadow-banned reader’s comment is stored as rejected, and nobody else sees it', async () => {
    const articleId = await newArticle();
    const shadow = await reader({ shadow: true });
    const r = await poster.post(input(articleId, 'Мисля, че никой не ме чете.', { user: shadow }), now);
    if (!r.ok) throw new Error('refused');
    expect(r.status).toBe('rejected');
    expect(await stored(r.id)).toMatchObject({ moderation_reason: 'shadow-banned' });
    expect(await countOf(articleId)).toBe(0);
  });

  it('replies only to visible comments of the same article', async () => {
    const a = await newArticle();
    const b = await newArticle();
    const top = await poster.post(input(a, 'Първи коментар в нишката.'), now);
    if (!top.ok) throw new Error('refused');
    expect(await poster.post(input(b, 'Грешна статия.', { parentId: top.id }), now)).toEqual({
      ok: false,
      reason: 'parent-missing',
    });
    const reply = await poster.post(input(a, 'Отговор в нишката.', { parentId: top.id }), now);
    expect(reply).toMatchObject({ ok: true, parentId: top.id });
    const held = await poster.post(input(a, 'Бързи пари от онлайн казино!'), now);
    if (!held.ok) throw new Error('refused');
    expect(await poster.post(input(a, 'Отговор на скрит.', { parentId: held.id }), now)).toEqual({
      ok: false,
      reason: 'parent-missing',
    });
  });

  describe('a draft or future article', () => {
    it('takes no comments', async () => {
      const future = await newArticle({}, now + DAY);
      expect(await poster.post(input(future, 'Още не е излязла.'), now)).toEqual({
        ok: false,
        reason: 'article-missing',
      });
    });
  });
});
