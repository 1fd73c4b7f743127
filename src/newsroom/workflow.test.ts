import { beforeAll, describe, expect, it } from 'vitest';
import { findPublishedArticleById } from '../content/articles.js';
import { buildNewsroom, type Newsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import { ManualClock } from '../infra/clock.js';
import { loadDeskArticle } from './desk-articles.js';
import { ArticleEditing } from './editing.js';
import { NO_MEDIA } from './media-port.js';
import { listRevisions } from './revisions.js';
import { Scheduler } from './scheduler.js';
import { addStaff, draftOf } from './testing.js';
import type { Actor } from './types.js';
import { transition } from './workflow.js';

const TZ = 'Europe/Sofia';
const silent = { info() {}, error() {}, warn() {}, debug() {} } as never;

describeEachDatabase('workflow and scheduler', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let room: Newsroom;
  let editing: ArticleEditing;
  let contributor: Actor;
  let author: Actor;
  let editor: Actor;
  let moderator: Actor;

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, now);
    editing = new ArticleEditing({
      db,
      media: NO_MEDIA,
      settings: () => ({ slugStyle: 'latin' }),
      timeZone: TZ,
    });
    contributor = await addStaff(db, 'contributor', 'Сътрудник', now);
    author = await addStaff(db, 'author', 'Автор', now);
    editor = await addStaff(db, 'editor', 'Редактор', now);
    moderator = await addStaff(db, 'moderator', 'Модератор', now);
  });

  const draft = async (actor: Actor) => {
    const r = await editing.create(draftOf(room.categories.world), actor, now);
    if (!r.ok) throw new Error('create failed');
    return r.id;
  };
  const step = (
    id: number,
    action: Parameters<typeof transition>[1]['action'],
    actor: Actor | null,
    at?: number,
  ) => transition(db, { id, action, actor, now, at, timeZone: TZ });

  describe('steps and rights', () => {
    it('takes a contributor’s draft through review to publication by an editor', async () => {
      const id = await draft(contributor);
      expect(await step(id, 'publish', contributor)).toMatchObject({ ok: false, reason: 'forbidden' });
      expect(await step(id, 'submit', contributor)).toMatchObject({ ok: true, from: 'draft', to: 'review' });
      expect(await step(id, 'submit', contributor)).toMatchObject({ ok: false, reason: 'not-allowed-now' });
      expect(await step(id, 'publish', editor)).toMatchObject({ ok: true, to: 'published' });
      const a = await findPublishedArticleById(db, now, id);
      expect(a?.publishedAt).toBe(now);
      const row = await db
        .selectFrom('articles')
        .select(['published_ymd', 'published_md'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ published_ymd: '2026-11-25', published_md: '11-25' });
    });

    it('lets authors publish their own articles only, and keeps moderators out', async () => {
      const mine = await draft(author);
      const theirs = await draft(contributor);
      expect((await step(mine, 'publish', author)).ok).toBe(true);
      expect(await step(theirs, 'publish', author)).toMatchObject({ reason: 'forbidden' });
      expect(await step(theirs, 'submit', moderator)).toMatchObject({ reason: 'forbidden' });
      expect((await step(mine, 'unpublish', author)).ok).toBe(true);
      expect(await findPublishedArticleById(db, now, mine)).toBeNull();
    });

    it('keeps the first publication date when an article is published again', async () => {
      const id = await draft(editor);
      await step(id, 'publish', editor);
      await step(id, 'unpublish', editor);
      const later = now + 3_600_000;
      await transition(db, { id, action: 'publish', actor: editor, now: later, timeZone: TZ });
      expect((await loadDeskArticle(db, id))?.publishedAt).toBe(now);
    });

    it('refuses a schedule without a time or in the past', async () => {
      const id = await draft(editor);
      expect(await step(id, 'schedule', editor)).toMatchObject({ reason: 'time-missing' });
      expect(await step(id, 'schedule', editor, now - 1)).toMatchObject({ reason: 'time-in-past' });
      expect((await loadDeskArticle(db, id))?.status).toBe('draft');
    });

    it('records every step as a revision', async () => {
      const id = await draft(contributor);
      await step(id, 'submit', contributor);
      await step(id, 'return', editor);
      expect((await listRevisions(db, id)).map((r) => r.kind)).toEqual(['status', 'status', 'create']);
    });
  });

  describe('the scheduler', () => {
    it('publishes due articles on time and not before, missed ones at start', async () => {
      const clock = new ManualClock(now);
      const published: number[][] = [];
      const scheduler = new Scheduler({
        db,
        clock,
        log: silent,
        timeZone: TZ,
        tickMs: 60_000,
        onPublished: (ids) => published.push(ids),
      });
      const soon = await draft(editor);
      const later = await draft(editor);
      await step(soon, 'schedule', editor, now + 60_000);
      await step(later, 'schedule', editor, now + 3_600_000);
      expect(await scheduler.publishDue(now + 59_999)).toEqual([]);
      expect(await scheduler.publishDue(now + 60_000)).toEqual([soon]);
      // The site was down for two hours: the later one goes out at start.
      clock.set(now + 2 * 3_600_000);
      await scheduler.start();
      scheduler.stop();
      expect(published).toEqual([[soon], [later]]);
      const a = await loadDeskArticle(db, later);
      expect(a).toMatchObject({ status: 'published', scheduledAt: null, publishedAt: now + 2 * 3_600_000 });
    });

    it('publishes each article exactly once when several processes run the scheduler together', async () => {
      const ids = [];
      for (let i = 0; i < 12; i++) {
        const id = await draft(editor);
        await step(id, 'schedule', editor, now + 1000);
        ids.push(id);
      }
      const clock = new ManualClock(now + 5000);
      const make = () =>
        new Scheduler({ db, clock, log: silent, timeZone: TZ, tickMs: 60_000, onPublished: () => {} });
      const runs = await Promise.all([make().publishDue(), make().publishDue(), make().publishDue()]);
      const all = runs.flat().sort((a, b) => a - b);
      expect(all).toEqual(ids.sort((a, b) => a - b));
      for (const id of ids) {
        const revs = await listRevisions(db, id);
        expect(revs.filter((r) => r.kind === 'status' && r.userName === '')).toHaveLength(1);
      }
    });

    it('leaves an unscheduled article alone', async () => {
      const id = await draft(editor);
      await step(id, 'schedule', editor, now + 1000);
      await step(id, 'unschedule', editor);
      const scheduler = new Scheduler({
        db,
        clock: new ManualClock(now + 5000),
        log: silent,
        timeZone: TZ,
        tickMs: 60_000,
        onPublished: () => {},
      });
      expect(await scheduler.publishDue()).not.toContain(id);
      expect((await loadDeskArticle(db, id))?.status).toBe('draft');
    });
  });
});
