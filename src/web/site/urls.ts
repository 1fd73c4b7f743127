// Every public URL is built here, so links, redirects and (later) feeds agree.
import type { AuthorRef, CategoryRef, TagRef } from '../../content/types.js';
import type { FeedFormat } from '../../syndication/feeds.js';
import { encodePathSegment } from '../../text/slug.js';

const seg = encodePathSegment;

/** What a section, topic or author feed follows; none for the whole site's. */
export type FeedScopeRef =
  | { kind: 'category'; slug: string }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

const FEED_SCOPE_PATHS = { category: 'rubrika', tag: 'tema', author: 'avtor' } as const;

export const urls = {
  home: () => '/',
  article: (a: { slug: string; category: { slug: string } }) => `/${seg(a.category.slug)}/${seg(a.slug)}`,
  category: (c: Pick<CategoryRef, 'slug'>, page = 1) => `/${seg(c.slug)}${page > 1 ? `?page=${page}` : ''}`,
  tag: (t: Pick<TagRef, 'slug'>, page = 1) => `/tema/${seg(t.slug)}${page > 1 ? `?page=${page}` : ''}`,
  /** The index of topics, grouped by kind. */
  topics: () => '/temi',
  author: (a: Pick<AuthorRef, 'slug'>, page = 1) => `/avtor/${seg(a.slug)}${page > 1 ? `?page=${page}` : ''}`,
  archive: () => '/arhiv',
  /** /feed/rss, /feed/atom/rubrika/sport, /feed/json/tema/energetika … */
  feed: (format: FeedFormat, scope?: FeedScopeRef) =>
    scope ? `/feed/${format}/${FEED_SCOPE_PATHS[scope.kind]}/${seg(scope.slug)}` : `/feed/${format}`,
  archiveMonth: (year: number, month: number, page = 1) =>
    `/arhiv/${year}/${String(month).padStart(2, '0')}${page > 1 ? `?page=${page}` : ''}`,
  archiveDay: (ymd: string) => `/arhiv/${ymd.replaceAll('-', '/')}`,
  onThisDay: (md?: string) => (md ? `/na-dneshnata-data/${md}` : '/na-dneshnata-data'),
  comments: () => '/comments',
  commentAction: (id: number, action: 'react' | 'edit' | 'delete' | 'report') => `/comments/${id}/${action}`,
  commentThread: (id: number) => `/comments/${id}`,
  commentFragment: (articleId: number, page: number, sort: string) =>
    `/api/comments/${articleId}?page=${page}&sort=${sort}`,
  profile: () => '/profil',
  login: () => '/profil/vhod',
  logout: () => '/profil/izhod',
  register: () => '/profil/registratsiya',
  forgotPassword: () => '/profil/zabravena-parola',
  resetPassword: () => '/profil/nova-parola',
  verifyEmail: () => '/profil/potvarzhdenie',
  admin: () => '/admin',
  moderation: () => '/admin/moderation',
  /** The first-run setup: there only while no account is an admin. */
  setup: () => '/admin/setup',
  viewBeacon: (articleId: number) => `/api/views/${articleId}`,
};
