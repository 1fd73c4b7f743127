import { beforeAll, describe, expect, it } from 'vitest';
import { buildNewsroom, type Newsroom } from '../content/factories.js';
import { createTag } from '../content/people.js';
import type { Db } from '../db/index.js';
import type { TagKind } from '../db/schema.js';
import { describeEachDatabase } from '../db/testing.js';
import { loadDeskArticle } from './desk-articles.js';
import { ArticleEditing } from './editing.js';
import { NO_MEDIA } from './media-port.js';
import {
  draftTagIds,
  nameTerms,
  type SpotText,
  spot,
  spotTags,
  type TagCandidate,
  TagMatcher,
} from './tag-spotting.js';
import { resolveTags } from './tags.js';
import { addStaff, draftOf } from './testing.js';

let nextId = 1;
const tag = (name: string, kind: TagKind = 'topic'): TagCandidate => ({
  id: nextId++,
  name,
  slug: `tag-${nextId}`,
  kind,
});
const text = (body: string, title = '', lead = ''): SpotText => ({ title, lead, bodyHtml: body });
const names = (found: { name: string }[]) => found.map((t) => t.name);

describe('spotting tags in a text', () => {
  const council = tag('Министерски съвет', 'organisation');
  const isis = tag('Ислямска държава', 'organisation');
  const parliament = tag('Народно събрание', 'organisation');
  const matcher = new TagMatcher([council, isis, parliament]);

  it('finds a name in an inflected form: the three pairs of the issue', () => {
    expect(names(spot(matcher, text('<p>Министерския съвет одобри проекта.</p>')))).toEqual([
      'Министерски съвет',
    ]);
    expect(names(spot(matcher, text('<p>Бойци на Ислямската държава отстъпиха.</p>')))).toEqual([
      'Ислямска държава',
    ]);
    expect(names(spot(matcher, text('<p>Законът мина през Народното събрание.</p>')))).toEqual([
      'Народно събрание',
    ]);
    // And the other way round: a name stored with its article finds the bare form.
    const stored = new TagMatcher([tag('Министерският съвет')]);
    expect(names(spot(stored, text('<p>Заседание на Министерски съвет</p>')))).toEqual([
      'Министерският съвет',
    ]);
  });

  it('finds a masculine noun with its short article, which the light stemmer cuts differently', () => {
    // "съвета" stems to "съв", "съвет" to "съвет": the name also accepts its definite forms.
    const m = new TagMatcher([tag('Съвет'), tag('Бюджет'), tag('България', 'place')]);
    expect(names(spot(m, text('<p>Решението на съвета за бюджета.</p>')))).toEqual(['Бюджет', 'Съвет']);
    expect(names(spot(m, text('<p>Българията на нашите деди.</p>')))).toEqual(['България']);
  });

  it('matches whole words by their stems only: other words of the same root are not the name', () => {
    const m = new TagMatcher([tag('Съвет'), tag('София', 'place')]);
    expect(spot(m, text('<p>Съветникът на министъра и софийските власти.</p>'))).toEqual([]);
    expect(spot(m, text('<p>Съветският съюз.</p>'))).toEqual([]);
  });

  it('wants the words of a name together, in order, within one paragraph', () => {
    expect(spot(matcher, text('<p>Министерския кабинет и неговия съвет.</p>'))).toEqual([]);
    expect(spot(matcher, text('<p>Съвет министерски.</p>'))).toEqual([]);
    expect(spot(matcher, text('<p>Говори министерски</p><p>Съвет на директорите.</p>'))).toEqual([]);
    expect(spot(matcher, text('<p>съвет беше свикан</p>', 'Министерски'))).toEqual([]);
    expect(spot(matcher, text('<p>Министерски<br>съвет</p>'))).toEqual([]);
  });

  it('never finds a name made only of stop words', () => {
    const m = new TagMatcher([tag('и на'), tag('Това')]);
    expect(m.size).toBe(0);
    expect(nameTerms('и на')).toEqual([]);
    expect(spot(m, text('<p>И на това място.</p>'))).toEqual([]);
  });

  it('reads HTML as text: entities, marks and quotes do not hide a name', () => {
    const found = spot(
      matcher,
      text('<p>„Народното&nbsp;събрание“ и <strong>Министерския</strong> съвет</p>'),
    );
    expect(names(found)).toEqual(['Министерски съвет', 'Народно събрание']);
    expect(spot(matcher, text('<p><a href="/narodno-sabranie">връзка</a></p>'))).toEqual([]);
  });

  it('counts occurrences in title, lead and body, most first, then by the Bulgarian alphabet', () => {
    const m = new TagMatcher([tag('Бургас', 'place'), tag('аргентина', 'place'), tag('Варна', 'place')]);
    const found = spot(
      m,
      text('<p>Варна и Бургас.</p><p>Отново Варна, после Аргентина.</p>', 'Варна днес', 'Бургас утре'),
    );
    expect(found.map((t) => [t.name, t.occurrences])).toEqual([
      ['Варна', 3],
      ['Бургас', 2],
      ['аргентина', 1],
    ]);
    // Ties: "аргентина" (lower case) before "Бургас" — code-point order would put it last.
    expect(names(spot(m, text('<p>Бургас, Аргентина.</p>')))).toEqual(['аргентина', 'Бургас']);
  });

  it('leaves out the article’s own tags, by id or by the name typed in any case', () => {
    const found = (options: Parameters<typeof spot>[2]) =>
      names(spot(matcher, text('<p>Министерския съвет и Народното събрание.</p>'), options));
    expect(found({ excludeIds: [council.id] })).toEqual(['Народно събрание']);
    expect(found({ excludeNames: ['народно събрание'] })).toEqual(['Министерски съвет']);
    expect(found({ excludeNames: ['МИНИСТЕРСКИ СЪВЕТ', 'Народно събрание'] })).toEqual([]);
  });

  it('returns at most a dozen', () => {
    const cities = Array.from({ length: 20 }, (_, i) => tag(`Град${i}`, 'place'));
    const m = new TagMatcher(cities);
    const body = `<p>${cities.map((c) => c.name).join(', ')}</p>`;
    expect(spot(m, text(body))).toHaveLength(12);
    expect(spot(m, text(body), { limit: 3 })).toHaveLength(3);
  });

  it('handles thousands of tags sharing their first words', () => {
    const many: TagCandidate[] = [];
    for (let i = 0; i < 5000; i++) many.push(tag(`Министерски ${['съвет', 'ред', 'пост'][i % 3]} ${i}`));
    many.push(council);
    const m = new TagMatcher(many);
    expect(m.size).toBe(5001);
    const found = spot(m, text(`<p>${'Министерският съвет реши. '.repeat(200)}Министерски ред 43.</p>`));
    expect(found.map((t) => [t.name, t.occurrences])).toEqual([
      ['Министерски съвет', 200],
      ['Министерски ред 43', 1],
    ]);
  });
});

describeEachDatabase('tags offered from the database', (getDb) => {
  const now = Date.UTC(2026, 10, 25, 10, 0);
  let db: Db;
  let room: Newsroom;
  const ids = { council: 0, parliament: 0, only: 0 };

  beforeAll(async () => {
    db = getDb().db;
    room = await buildNewsroom(db, now);
    ids.council = await createTag(
      db,
      { slug: 'ministerski-savet', name: 'Министерски съвет', kind: 'organisation' },
      now,
    );
    ids.parliament = await createTag(
      db,
      { slug: 'parlament', name: 'Народно събрание', kind: 'organisation' },
      now,
    );
    ids.only = await createTag(db, { slug: 'i-na', name: 'И на', kind: 'topic' }, now);
  });

  it('loads every tag and offers those the text names, with their kind and slug', async () => {
    const found = await spotTags(
      db,
      text('<p>Министерския съвет внесе в Народното събрание проект за енергетиката в София.</p>'),
      { excludeNames: ['София'] },
    );
    expect(found).toEqual([
      { id: room.tags.energy, name: 'Енергетика', slug: 'energetika', kind: 'topic', occurrences: 1 },
      {
        id: ids.council,
        name: 'Министерски съвет',
        slug: 'ministerski-savet',
        kind: 'organisation',
        occurrences: 1,
      },
      {
        id: ids.parliament,
        name: 'Народно събрание',
        slug: 'parlament',
        kind: 'organisation',
        occurrences: 1,
      },
    ]);
  });

  it('adds ticked offers to the typed tags on save, skipping ids that no longer exist', async () => {
    const linked = await db.transaction().execute((trx) =>
      draftTagIds(
        trx,
        {
          ...draftOf(room.categories.world, { tags: ['Енергетика'] }),
          addTagIds: [ids.council, 999_999, ids.council],
        },
        now,
      ),
    );
    expect(linked).toEqual([room.tags.energy, ids.council]);
  });

  it('saves an article with the ticked offers merged into its tags', async () => {
    const editing = new ArticleEditing({
      db,
      media: NO_MEDIA,
      settings: () => ({ slugStyle: 'latin' }),
      timeZone: 'Europe/Sofia',
    });
    const actor = await addStaff(db, 'editor', 'Елена Редакторова', now);
    const draft = draftOf(room.categories.world, {
      title: 'Министерския съвет заседава',
      tags: ['Народно събрание'],
    });
    const made = await editing.create({ ...draft, addTagIds: [ids.council, ids.parliament] }, actor, now);
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect((await loadDeskArticle(db, made.id))?.tags.sort()).toEqual([
      'Министерски съвет',
      'Народно събрание',
    ]);
  });

  it('finds a tag by its name when its slug no longer comes from the name', async () => {
    // "Народно събрание" has the slug "parlament": typing its name must not create a twin.
    const [id] = await db.transaction().execute((trx) => resolveTags(trx, ['Народно събрание'], now));
    expect(id).toBe(ids.parliament);
    const count = await db.selectFrom('tags').select('id').where('name', '=', 'Народно събрание').execute();
    expect(count).toHaveLength(1);
  });
});
