// Fills the search benchmark's databases: the generated corpus straight into the tables in big
// batches (SQLite), then the very same rows copied to PostgreSQL. None of this is measured.
import { CATEGORIES } from './bulgarian-text.mjs';

/** Categories, tags and the articles, straight into the tables in batches (not what is measured). */
export async function fillSqlite(db, corpus, localParts) {
  await db
    .insertInto('categories')
    .values(
      CATEGORIES.map(([slug, name], i) => ({ id: i + 1, slug, name, position: i, created_at: corpus.start })),
    )
    .execute();
  await db
    .insertInto('tags')
    .values(
      corpus.tags.map((t, i) => ({
        id: i + 1,
        slug: t.slug,
        name: t.name,
        kind: 'topic',
        created_at: corpus.start,
      })),
    )
    .execute();
  const df = new Int32Array(corpus.lex.all.length);
  let words = 0;
  for (let from = 0; from < corpus.count; from += 500) {
    const rows = [];
    const tagRows = [];
    for (let i = from; i < Math.min(corpus.count, from + 500); i++) {
      const a = corpus.article(i);
      const local = a.published ? localParts(a.publishedAt) : null;
      rows.push({
        id: i + 1,
        category_id: a.category + 1,
        slug: `statiya-${i + 1}`,
        title: a.title,
        lead: a.lead,
        body_html: a.bodyHtml,
        status: a.published ? 'published' : 'draft',
        published_at: a.published ? a.publishedAt : null,
        published_ymd: local?.ymd ?? null,
        published_md: local?.md ?? null,
        created_at: a.publishedAt,
        updated_at: a.publishedAt,
      });
      for (const t of a.tagIds) tagRows.push({ article_id: i + 1, tag_id: t + 1 });
      if (!a.published) continue;
      for (const id of a.lexemes) df[id]++;
      words += `${a.title} ${a.lead} ${a.bodyHtml}`.split(/\s+/u).length;
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('articles').values(rows).execute();
      if (tagRows.length) await trx.insertInto('article_tags').values(tagRows).execute();
    });
  }
  return { df, words };
}

/** PostgreSQL gets the very same rows (and ids), copied from the SQLite file. */
export async function copyTables(from, to) {
  for (const table of ['categories', 'tags']) {
    const rows = await from.selectFrom(table).selectAll().execute();
    await to.insertInto(table).values(rows).execute();
  }
  const columns = ['id', 'category_id', 'slug', 'title', 'lead', 'body_html', 'status', 'published_at'];
  columns.push('published_ymd', 'published_md', 'created_at', 'updated_at');
  for (let after = 0; ; ) {
    const rows = await from
      .selectFrom('articles')
      .select(columns)
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    const tagRows = await from
      .selectFrom('article_tags')
      .selectAll()
      .where('article_id', '>', after)
      .where('article_id', '<=', rows.at(-1).id)
      .execute();
    await to.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('articles')
          .values(rows.slice(i, i + 500))
          .execute();
      if (tagRows.length) await trx.insertInto('article_tags').values(tagRows).execute();
    });
    after = rows.at(-1).id;
  }
}
