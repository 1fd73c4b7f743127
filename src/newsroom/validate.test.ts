import { describe, expect, it } from 'vitest';
import { parseDraft, splitTags } from './validate.js';

const ok = { title: 'Заглавие', category_id: '3', body_html: '<p>Текст</p>' };

describe('reading the editor form', () => {
  it('accepts a minimal draft and normalises whitespace', () => {
    const r = parseDraft({ ...ok, title: '  Нов\u00A0 ред \n', tags: 'Времето, жълт код,  времето ,, ' });
    expect(r.ok).toBe(true);
    expect(r.draft).toMatchObject({
      title: 'Нов ред',
      categoryId: 3,
      tags: ['Времето', 'жълт код'],
      breaking: false,
    });
  });

  it('names every bad field', () => {
    const r = parseDraft({
      title: '',
      slug: 'Лош Slug!',
      category_id: 'x',
      author_ids: ['1', 'abc'],
      cover_media_id: '-1',
      comments_who: 'everyone',
      comments_moderation: 'sometimes',
      comments_close_days: '99999',
      breaking: 'yes',
      seo_title: 'д'.repeat(121),
      lead: 'л'.repeat(601),
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual({
        title: 'required',
        slug: 'bad-slug',
        lead: 'too-long',
        categoryId: 'bad-value',
        authorIds: 'bad-value',
        coverMediaId: 'bad-value',
        seoTitle: 'too-long',
        commentsWho: 'bad-value',
        commentsModeration: 'bad-value',
        commentsCloseDays: 'bad-value',
        breaking: 'bad-value',
      });
  });

  it('accepts Cyrillic and Latin typed slugs, and a missing category as required', () => {
    expect(parseDraft({ ...ok, slug: 'жълт-код-2026' }).ok).toBe(true);
    expect(parseDraft({ ...ok, slug: 'zhalt-kod' }).ok).toBe(true);
    const r = parseDraft({ title: 'З' });
    expect(r.ok ? null : r.errors.categoryId).toBe('required');
  });

  it('limits tags in number and length', () => {
    expect(parseDraft({ ...ok, tags: Array.from({ length: 21 }, (_, i) => `т${i}`).join(',') }).ok).toBe(
      false,
    );
    expect(splitTags('а;б\nв')).toEqual(['а', 'б', 'в']);
  });
});
