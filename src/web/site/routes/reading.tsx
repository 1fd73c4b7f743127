// Home, category, topic and author pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withDescendants } from '../../../content/categories.js';
import { latestPerCategory, pagePublished } from '../../../content/lists.js';
import { findTagByOldSlug } from '../../../content/old-addresses.js';
import { findAuthorBySlug, findTagBySlug } from '../../../content/people.js';
import type { ArticleSummary } from '../../../content/types.js';
import { loadFront } from '../../../newsroom/front.js';
import { redirectToCanonical, slugParam } from '../canonical.js';
import type { SiteDeps } from '../deps.js';
import { articleTags, buildFrame, pageParam, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { scopeFeed } from '../views/feed-links.js';
import { HomePage } from '../views/home.js';
import { ListingPage } from '../views/listing.js';
import { sectionSteps } from '../views/page-meta.js';
import { TopicPage } from '../views/topics.js';
import { sendError } from './errors.js';

export const PAGE_SIZE = 15;

export function readingRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/', async (request, reply) => {
    const now = deps.clock.now();
    // The editors' slots first, the newest around them (newsroom/front.ts).
    const { lead, top, latest } = await loadFront(deps.db, deps.curation, now);
    const newest = [...(lead ? [lead] : []), ...top, ...latest];
    // Each section's newest four in one query, then grouped under the top-level sections.
    const all = deps.categories.all;
    const tops = all.filter((c) => c.parentId === null);
    const topOf = new Map<number, number>();
    for (const top of tops) for (const id of withDescendants(all, top.id)) topOf.set(id, top.id);
    const recent = await latestPerCategory(
      deps.db,
      now,
      [...topOf.keys()],
      4,
      newest.map((a) => a.id),
    );
    const sections = tops.map((category) => ({
      category,
      articles: recent.filter((a) => topOf.get(a.category.id) === category.id).slice(0, 4),
    }));
    const shownArticles: ArticleSummary[] = [...newest, ...recent];
    const view = <HomePage frame={buildFrame(deps, '/', request)} data={{ lead, top, latest, sections }} />;
    return sendPage(deps, request, reply, view, { tags: ['home', 'lists', ...articleTags(shownArticles)] });
  });

  app.get<{ Params: { category: string } }>('/:category', async (request, reply) => {
    const category = deps.categories.bySlug(slugParam(request.params.category));
    if (!category) return sendError(deps, request, reply, 404);
    const respelled = redirectToCanonical(request, reply, urls.category(category));
    if (respelled) return respelled;
    const page = pageParam(request.query);
    if (page === null) return sendError(deps, request, reply, 400, buildFrame(deps, '/').t.badPage);
    const ids = withDescendants(deps.categories.all, category.id);
    const result = await pagePublished(deps.db, deps.clock.now(), { categoryIds: ids }, page, PAGE_SIZE);
    if (page > result.pages) return sendError(deps, request, reply, 404);
    const frame = buildFrame(deps, urls.category(category), request);
    const view = (
      <ListingPage
        frame={frame}
        data={{
          title: category.name,
          intro: category.description ? <p>{category.description}</p> : undefined,
          description: category.description || category.name,
          page: result,
          pageUrl: (p) => urls.category(category, p),
          showCategory: ids.length > 1,
          crumbs: sectionSteps(frame, category.id),
          feed: scopeFeed(frame, { kind: 'category', slug: category.slug }, category.name),
        }}
      />
    );
    return sendPage(deps, request, reply, view, {
      tags: ['lists', `category:${category.id}`, ...articleTags(result.items)],
    });
  });

  const personal = async (
    request: FastifyRequest<{ Params: { slug: string } }>,
    reply: FastifyReply,
    kind: 'tag' | 'author',
  ) => {
    const page = pageParam(request.query);
    const frame0 = buildFrame(deps, request.url, request);
    if (page === null) return sendError(deps, request, reply, 400, frame0.t.badPage);
    const now = deps.clock.now();
    const t = frame0.t;
    if (kind === 'tag') {
      const slug = slugParam(request.params.slug);
      const tag = await findTagBySlug(deps.db, slug);
      if (!tag) {
        // A renamed or merged tag's old address leads to its page now (content/old-addresses.ts).
        const renamed = await findTagByOldSlug(deps.db, slug);
        const there = renamed ? redirectToCanonical(request, reply, urls.tag(renamed)) : null;
        return there ?? sendError(deps, request, reply, 404);
      }
      const respelled = redirectToCanonical(request, reply, urls.tag(tag));
      if (respelled) return respelled;
      const result = await pagePublished(deps.db, now, { tagId: tag.id }, page, PAGE_SIZE);
      if (page > result.pages) return sendError(deps, request, reply, 404);
      // With a way back to the index of topics (views/topics.tsx).
      const view = <TopicPage frame={buildFrame(deps, urls.tag(tag), request)} tag={tag} page={result} />;
      return sendPage(deps, request, reply, view, {
        tags: ['lists', `tag:${tag.id}`, ...articleTags(result.items)],
      });
    }
    const author = await findAuthorBySlug(deps.db, slugParam(request.params.slug));
    if (!author) return sendError(deps, request, reply, 404);
    const respelled = redirectToCanonical(request, reply, urls.author(author));
    if (respelled) return respelled;
    const result = await pagePublished(deps.db, now, { authorId: author.id }, page, PAGE_SIZE);
    if (page > result.pages) return sendError(deps, request, reply, 404);
    const view = (
      <ListingPage
        frame={buildFrame(deps, urls.author(author), request)}
        data={{
          title: author.name,
          kicker: author.title || t.author,
          intro: author.bio ? <p>{author.bio}</p> : undefined,
          description: t.articlesBy(author.name),
          page: result,
          pageUrl: (p) => urls.author(author, p),
          crumbs: [
            { name: t.home, path: urls.home() },
            { name: author.name, path: urls.author(author) },
          ],
          feed: scopeFeed(frame0, { kind: 'author', slug: author.slug }, author.name),
        }}
      />
    );
    return sendPage(deps, request, reply, view, {
      tags: ['lists', `author:${author.id}`, ...articleTags(result.items)],
    });
  };

  app.get<{ Params: { slug: string } }>('/tema/:slug', (request, reply) => personal(request, reply, 'tag'));
  app.get<{ Params: { slug: string } }>('/avtor/:slug', (request, reply) =>
    personal(request, reply, 'author'),
  );
}
