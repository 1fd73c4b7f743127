import { beforeAll, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../content/factories.js';
import type { Db } from '../db/index.js';
import { describeEachDatabase } from '../db/testing.js';
import type { Locale } from '../text/locale.js';
import { loadDeskArticle } from './desk-articles.js';
import { ArticleEditing } from './editing.js';
import { NO_MEDIA } from './media-port.js';
import { getRevision, listRevisions } from './revisions.js';
import { addStaff, draftOf } from './testing.js';
import type { Actor } from './types.js';
import { LIMITS } from './validate.js';

describeEachDatabase('typography when an article is saved', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let room: Newsroom;
  let author: Actor;
  const editingIn = (locale?: Locale) =>
    new ArticleEditing({
      db,
      media: NO_MEDIA,
      settings: () => ({ slugStyle: 'latin' }),
      timeZone: 'Europe/Sofia',
      ...(locale ? { locale } : {}),
    });

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, now);
    author = await addStaff(db, 'author', 'Тодор Типографов', now);
  });

  const stored = (id: number) =>
    db
      .selectFrom('articles')
      .select(['title', 'lead', 'body_html', 'seo_title', 'seo_description', 'slug'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('gives title, lead, SEO texts and body Bulgarian quotes and dashes, by default', async () => {
    const made = await editingIn().create(
      draftOf(room.categories.world, {
        title: 'Удари срещу "Ислямска държава" - какво следва',
        lead: 'Министърът: "Сезонът 2015-2016 беше труден".',
        seoTitle: 'Удари срещу "Ислямска държава"',
        seoDescription: 'Анализ за периода 2015-2016 - с карти',
        bodyHtml: '<p>Коалицията удари "<em>Ислямска</em> държава" - отново.</p><p>През 2015-2016 г.</p>',
      }),
      author,
      now,
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect(await stored(made.id)).toEqual({
      title: 'Удари срещу „Ислямска държава“ – какво следва',
      lead: 'Министърът: „Сезонът 2015–2016 беше труден“.',
      seo_title: 'Удари срещу „Ислямска държава“',
      seo_description: 'Анализ за периода 2015–2016 – с карти',
      body_html: '<p>Коалицията удари „<em>Ислямска</em> държава“ – отново.</p><p>През 2015–2016 г.</p>',
      // The slug is made from the words; quotes and dashes never reach it.
      slug: 'udari-sreshtu-islyamska-darzhava-kakvo-sledva',
    });
  });

  it('leaves code, attributes and URLs as they are', async () => {
    const body =
      '<p>Изпълнете <code>grep "a" -r 1-2</code> и вижте "резултата".</p>' +
      '<p><a href="https://example.bg/2015-2016?q=%22a%22">"Доклад" - PDF</a> ' +
      'и https://example.bg/a-"b" - "тук".</p>' +
      '<figure><img src="https://cdn.example.bg/2015-2016-most.jpg" alt="Мостът &quot;Дунав&quot; - 2015-2016">' +
      '<figcaption>Мостът "Дунав" - 2015-2016</figcaption></figure>' +
      '<pre><code>echo "x" - 1-2</code></pre>';
    const made = await editingIn().create(draftOf(room.categories.world, { bodyHtml: body }), author, now);
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect((await stored(made.id)).body_html).toBe(
      '<p>Изпълнете <code>grep "a" -r 1-2</code> и вижте „резултата“.</p>' +
        '<p><a href="https://example.bg/2015-2016?q=%22a%22">„Доклад“ – PDF</a> ' +
        'и https://example.bg/a-"b" – „тук“.</p>' +
        '<figure><img src="https://cdn.example.bg/2015-2016-most.jpg" alt="Мостът &quot;Дунав&quot; - 2015-2016">' +
        '<figcaption>Мостът „Дунав“ – 2015–2016</figcaption></figure>' +
        '<pre><code>echo "x" - 1-2</code></pre>',
    );
  });

  it('applies on every save, autosaves included, without version conflicts', async () => {
    const editing = editingIn();
    const made = await editing.create(draftOf(room.categories.world), author, now);
    if (!made.ok) throw new Error(JSON.stringify(made));
    // The browser keeps its straight quotes after an autosave and sends them again each time.
    const typed = draftOf(room.categories.world, {
      title: 'Кметът: "Мостът е готов"',
      bodyHtml: '<p>Кметът каза "да" - и толкова.</p>',
    });
    const auto = await editing.save(made.id, typed, made.version, author, now + 1000, 'autosave');
    expect(auto).toMatchObject({ ok: true, version: 2 });
    const again = await editing.save(made.id, typed, 2, author, now + 2000, 'autosave');
    expect(again).toMatchObject({ ok: true, version: 3 });
    const saved = await editing.save(made.id, typed, 3, author, now + 3000);
    expect(saved).toMatchObject({ ok: true, version: 4 });
    const desk = await loadDeskArticle(db, made.id);
    expect(desk).toMatchObject({
      title: 'Кметът: „Мостът е готов“',
      bodyHtml: '<p>Кметът каза „да“ – и толкова.</p>',
      version: 4,
    });
    // Revisions hold the text as stored (the two autosaves in a row are one revision).
    const revisions = await listRevisions(db, made.id);
    expect(revisions.map((r) => r.kind)).toEqual(['save', 'autosave', 'create']);
    const autosaved = await getRevision(db, made.id, revisions[1]?.id ?? 0);
    expect(autosaved?.snapshot.title).toBe('Кметът: „Мостът е готов“');
  });

  it('uses the site language: English quotes on an English site', async () => {
    const made = await editingIn('en').create(
      draftOf(room.categories.world, {
        title: 'The mayor: "The "new" bridge is ready"',
        bodyHtml: '<p>He said "yes" - in 2015-2016.</p>',
      }),
      author,
      now,
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    const row = await stored(made.id);
    expect(row.title).toBe('The mayor: “The ‘new’ bridge is ready”');
    expect(row.body_html).toBe('<p>He said “yes” – in 2015–2016.</p>');
  });

  it('keeps the length, so a title at the limit still fits', async () => {
    const title = `"${'д'.repeat(LIMITS.title - 2)}"`;
    const made = await editingIn().create(draftOf(room.categories.world, { title }), author, now);
    if (!made.ok) throw new Error(JSON.stringify(made));
    const row = await stored(made.id);
    expect(row.title).toBe(`„${'д'.repeat(LIMITS.title - 2)}“`);
    expect(row.title.length).toBe(LIMITS.title);
  });
});
