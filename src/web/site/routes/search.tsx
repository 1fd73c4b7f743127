// GET /search: Bulgarian-aware full-text search with filters. Works as a plain form without JS.
import type { FastifyInstance } from 'fastify';
import { summariesByIds } from '../../../content/lists.js';
import type { Db } from '../../../db/index.js';
import { matcherOf, parseQuery } from '../../../search/query.js';
import { plainTexts, searchWithFallback } from '../../../search/search.js';
import { highlight, snippet } from '../../../search/snippets.js';
import type { SiteDeps } from '../deps.js';
import { buildFrame, sendPage } from '../respond.js';
import { resolveSearch, searchUrl } from '../search-params.js';
import { type SearchHitView, SearchPage, type SearchPageData } from '../views/search.js';

export const SEARCH_PAGE_SIZE = 10;
const FACET_TTL_MS = 60_000;
const FACET_TAGS = 60;

type Option = { slug: string; name: string };

/** The tag and author lists of the filter form change rarely; they are read once a minute at most. */
function facetLoader(db: Db, now: () => number) {
  let cached: { at: number; tags: Option[]; authors: Option[] } | null = null;
  const collator = new Intl.Collator('bg');
  return async () => {
    if (cached && now() - cached.at < FACET_TTL_MS) return cached;
    const [tags, authors] = await Promise.all([
      db
        .selectFrom('article_tags as at')
        .innerJoin('tags as t', 't.id', 'at.tag_id')
        .innerJoin('search_docs as d', 'd.article_id', 'at.article_id')
        .groupBy(['t.id', 't.slug', 't.name'])
        .select((eb) => ['t.slug', 't.name', eb.fn.countAll<number>().as('n')])
        .orderBy('n', 'desc')
        .orderBy('t.id')
        .limit(FACET_TAGS)
        .execute(),
      db
        .selectFrom('authors as a')
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.author_id', '=', 'a.id'),
          ),
        )
        .select(['a.slug', 'a.name'])
        .execute(),
    ]);
    const byName = (x: Option, y: Option) => collator.compare(x.name, y.name);
    cached = {
      at: now(),
      tags: tags.map((t) => ({ slug: t.slug, name: t.name })).sort(byName),
      authors: authors.sort(byName),
    };
    return cached;
  };
}

export function searchRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const facets = facetLoader(deps.db, () => deps.clock.now());

  app.get(
    '/search',
    { config: { rateLimit: { max: deps.config.searchPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const frame = buildFrame(deps, '/search', request);
      const s = frame.t.search;
      const resolved = await resolveSearch(
        deps.db,
        deps.categories.all,
        request.query,
        frame.t,
        deps.config.timeZone,
      );
      const { form, filters, errors } = resolved;
      const { tags, authors } = await facets();
      // A tag reached by a link (a topic page's "search in this topic") may be outside the top list.
      const tagOptions =
        resolved.tag && !tags.some((t) => t.slug === resolved.tag?.slug) ? [resolved.tag, ...tags] : tags;
      const data: SearchPageData = {
        form,
        sections: deps.categories.all,
        tags: tagOptions,
        authors,
        errors,
        notice: null,
        hints: [],
        hits: [],
        total: 0,
        capped: false,
        pages: 1,
        searched: false,
      };
      const render = (status = 200) =>
        sendPage(deps, request, reply, <SearchPage frame={frame} data={data} />, {
          status,
          cacheable: false,
        });
      if (errors.length > 0) return render(400);

      const query = parseQuery(form.q);
      const filtered = Object.keys(filters).length > 0;
      if (query.parts.length === 0 && form.q !== '') {
        data.notice = query.onlyStopwords ? s.onlyStopwords(form.q) : s.noWords;
        return render();
      }
      if (query.parts.length === 0 && !filtered) {
        data.notice = s.empty;
        return render();
      }
      if (query.truncated) data.hints.push(s.truncated);

      const page = await searchWithFallback(deps.db, {
        query,
        filters,
        sort: form.sort,
        offset: (form.page - 1) * SEARCH_PAGE_SIZE,
        limit: SEARCH_PAGE_SIZE,
      });
      const ids = page.hits.map((h) => h.articleId);
      const [summaries, plains] = await Promise.all([
        summariesByIds(deps.db, deps.clock.now(), ids),
        plainTexts(deps.db, ids),
      ]);
      const matches = matcherOf(query);
      const hits: SearchHitView[] = [];
      for (const id of ids) {
        const article = summaries.get(id);
        if (!article) continue;
        hits.push({
          article,
          title: highlight(article.title, matches),
          snippet:
            query.parts.length > 0
              ? snippet(plains.get(id) ?? article.lead, matches)
              : [{ text: article.lead, hit: false }],
        });
      }
      Object.assign(data, {
        hits,
        total: page.total,
        capped: page.capped,
        pages: Math.max(1, Math.ceil(page.total / SEARCH_PAGE_SIZE)),
        searched: true,
      });
      if (page.partial && page.total > 0) data.hints.push(s.partial);
      if (page.total === 0) {
        data.notice = form.q ? s.nothingFound(form.q) : s.nothingFoundFiltered;
        data.hints.push(s.suggestions);
      } else if (hits.length === 0) {
        // Past the last page (the archive shrank, or a hand-typed page): go to the last one.
        return reply.redirect(searchUrl(form, data.pages), 302);
      }
      return render();
    },
  );
}
