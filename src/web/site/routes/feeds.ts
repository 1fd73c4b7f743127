// The feeds: /feed/{rss|atom|json} for the whole site, and /feed/{format}/rubrika|tema|avtor/{slug}
// for a section (with its subsections), a topic or an author. Sent like reading pages (ETag,
// Last-Modified, the page cache) and dropped from the cache when an article they list changes,
// when a list changes ('lists'), when the full-text setting does ('settings') or the sections do.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withDescendants } from '../../../content/categories.js';
import { findAuthorBySlug, findTagBySlug } from '../../../content/people.js';
import type { FeedAddresses, FeedScope } from '../../../syndication/feed-service.js';
import {
  FEED_CONTENT_TYPES,
  FEED_FORMATS,
  type FeedFormat,
  isFeedFormat,
} from '../../../syndication/feeds.js';
import { feedMessages } from '../../i18n/feeds.js';
import { messages } from '../../i18n.js';
import { redirectToCanonical, slugParam } from '../canonical.js';
import type { SiteDeps } from '../deps.js';
import { sendDocument } from '../respond.js';
import { type FeedScopeRef, urls } from '../urls.js';
import { sendError } from './errors.js';

/** A scope found from the URL, with what the channel says of it. */
interface Resolved {
  scope: FeedScope;
  ref?: FeedScopeRef;
  title: string;
  description: string;
  /** The page the feed follows (site-relative). */
  home: string;
  /** The page-cache tag of what it follows: category:3, tag:7, author:2. */
  tag?: string;
}

type Params = { format: string; slug: string };

export function feedRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const site = deps.config.siteUrl;
  const words = feedMessages[deps.config.locale];
  const siteName = deps.config.siteName;
  const addresses: FeedAddresses = {
    article: (a) => site + urls.article(a),
    category: (c) => site + urls.category(c),
    tag: (t) => site + urls.tag(t),
    author: (a) => site + urls.author(a),
  };
  const feedUrls = (ref?: FeedScopeRef) =>
    Object.fromEntries(FEED_FORMATS.map((f) => [f, site + urls.feed(f, ref)])) as Record<FeedFormat, string>;

  const serve = async (
    request: FastifyRequest,
    reply: FastifyReply,
    format: FeedFormat,
    found: Resolved,
  ): Promise<FastifyReply> => {
    const respelled = redirectToCanonical(request, reply, urls.feed(format, found.ref));
    if (respelled) return respelled;
    const doc = await deps.feeds.build({
      format,
      scope: found.scope,
      title: found.title,
      description: found.description,
      homeUrl: site + found.home,
      feedUrls: feedUrls(found.ref),
      addresses,
      now: deps.clock.now(),
    });
    return sendDocument(deps, request, reply, doc.text, {
      contentType: FEED_CONTENT_TYPES[format],
      tags: [
        'lists',
        'settings',
        'categories',
        ...(found.tag ? [found.tag] : []),
        ...doc.articleIds.map((id) => `article:${id}`),
      ],
      lastModified: doc.lastModified,
    });
  };

  app.get<{ Params: Pick<Params, 'format'> }>('/feed/:format', async (request, reply) => {
    const { format } = request.params;
    if (!isFeedFormat(format)) return sendError(deps, request, reply, 404);
    return serve(request, reply, format, {
      scope: { kind: 'site' },
      title: siteName,
      description: messages(deps.config.locale).tagline,
      home: urls.home(),
    });
  });

  app.get<{ Params: Params }>('/feed/:format/rubrika/:slug', async (request, reply) => {
    const { format } = request.params;
    const category = deps.categories.bySlug(slugParam(request.params.slug));
    if (!isFeedFormat(format) || !category) return sendError(deps, request, reply, 404);
    return serve(request, reply, format, {
      scope: { kind: 'category', category, categoryIds: withDescendants(deps.categories.all, category.id) },
      ref: { kind: 'category', slug: category.slug },
      title: words.title(siteName, category.name),
      description: category.description || words.sectionDescription(category.name),
      home: urls.category(category),
      tag: `category:${category.id}`,
    });
  });

  app.get<{ Params: Params }>('/feed/:format/tema/:slug', async (request, reply) => {
    const { format } = request.params;
    if (!isFeedFormat(format)) return sendError(deps, request, reply, 404);
    const tag = await findTagBySlug(deps.db, slugParam(request.params.slug));
    if (!tag) return sendError(deps, request, reply, 404);
    return serve(request, reply, format, {
      scope: { kind: 'tag', tag },
      ref: { kind: 'tag', slug: tag.slug },
      title: words.title(siteName, tag.name),
      description: words.topicDescription(tag.name),
      home: urls.tag(tag),
      tag: `tag:${tag.id}`,
    });
  });

  app.get<{ Params: Params }>('/feed/:format/avtor/:slug', async (request, reply) => {
    const { format } = request.params;
    if (!isFeedFormat(format)) return sendError(deps, request, reply, 404);
    const author = await findAuthorBySlug(deps.db, slugParam(request.params.slug));
    if (!author) return sendError(deps, request, reply, 404);
    return serve(request, reply, format, {
      scope: { kind: 'author', author },
      ref: { kind: 'author', slug: author.slug },
      title: words.title(siteName, author.name),
      description: words.authorDescription(author.name),
      home: urls.author(author),
      tag: `author:${author.id}`,
    });
  });
}
