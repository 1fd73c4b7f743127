// The staff pages' shell: lean, no sidebar or rankings. The site's stylesheet gives the common
// look (fields, buttons, notices); the desk's own stylesheet and shortcut script come after it.
import type { ComponentChildren } from 'preact';
import { can, type Permission } from '../../accounts/roles.js';
import { encodePathSegment } from '../../text/slug.js';
import type { Messages } from '../i18n.js';
import type { SiteDeps } from '../site/deps.js';
import { urls } from '../site/urls.js';
import type { Frame } from '../site/views/frame.js';

export type StaffSection =
  | 'dashboard'
  | 'articles'
  | 'media'
  | 'home'
  | 'desk'
  | 'log'
  | 'settings'
  | 'readers'
  | 'users'
  | 'categories'
  | 'tags'
  | 'site-settings'
  | 'api-keys'
  | 'webhooks';

/** The back office's sections in the order of the menu; each shown only to those who may use it. */
const NAV: { section: StaffSection; href: string; label: (t: Messages) => string; permission: Permission }[] =
  [
    { section: 'dashboard', href: '/admin', label: (t) => t.nr.nav.dashboard, permission: 'backoffice' },
    {
      section: 'articles',
      href: '/admin/articles',
      label: (t) => t.nr.nav.articles,
      permission: 'articles.write',
    },
    { section: 'media', href: '/admin/media', label: (t) => t.nr.nav.media, permission: 'articles.write' },
    { section: 'home', href: '/admin/home', label: (t) => t.nr.nav.home, permission: 'home.curate' },
    {
      section: 'desk',
      href: `${urls.moderation()}?queue=pending`,
      label: (t) => t.nr.nav.comments,
      permission: 'comments.moderate',
    },
    { section: 'tags', href: '/admin/tags', label: (t) => t.tg.nav, permission: 'tags.manage' },
    { section: 'users', href: '/admin/users', label: (t) => t.nr.nav.users, permission: 'users.manage' },
    {
      section: 'categories',
      href: '/admin/categories',
      label: (t) => t.nr.nav.categories,
      permission: 'categories.manage',
    },
    {
      section: 'site-settings',
      href: '/admin/settings',
      label: (t) => t.nr.nav.settings,
      permission: 'settings.manage',
    },
  ];

/** The comment desk's own pages, shown as a second row when one of them is open. */
const MODERATION: StaffSection[] = ['desk', 'log', 'settings', 'readers'];
/** The admins' settings and the integrations (API keys, webhooks): one menu item, a second row. */
const SETTINGS: StaffSection[] = ['site-settings', 'api-keys', 'webhooks'];

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export const LOG_URL = `${urls.moderation()}/log`;
export const SETTINGS_URL = `${urls.moderation()}/settings`;
export const READERS_URL = '/admin/readers';
export const readerUrl = (id: number) => `${READERS_URL}/${id}`;
export const guestUrl = (email: string) => `${READERS_URL}?email=${encodeURIComponent(email)}`;
/** Where a comment stands on the site (its anchor exists once it is published). */
export const commentOnSite = (c: { categorySlug: string; articleSlug: string; id: number }) =>
  `${urls.category({ slug: c.categorySlug })}/${encodePathSegment(c.articleSlug)}#comment-${c.id}`;

export function StaffLayout({
  frame: f,
  assets,
  title,
  section,
  notice,
  scripts = [],
  children,
}: {
  frame: Frame;
  assets: SiteDeps['assets'];
  title: string;
  section: StaffSection;
  notice?: Notice | null;
  /** Further module scripts for this page only (the editor bundle). */
  scripts?: string[];
  children: ComponentChildren;
}) {
  const t = f.t.desk;
  const role = f.viewer?.role ?? 'reader';
  const links = NAV.filter((n) => can(role, n.permission));
  const current = MODERATION.includes(section)
    ? 'desk'
    : SETTINGS.includes(section)
      ? 'site-settings'
      : section;
  const sub: [StaffSection, string, string][] =
    current === 'desk'
      ? [
          ['desk', `${urls.moderation()}?queue=pending`, t.title],
          ['log', LOG_URL, t.log],
          ['settings', SETTINGS_URL, t.settings],
        ]
      : current === 'site-settings'
        ? [
            ['site-settings', '/admin/settings', f.t.nr.nav.settings],
            ['api-keys', '/admin/api-keys', f.t.ig.nav],
            ['webhooks', '/admin/webhooks', f.t.wh.nav],
          ]
        : [];
  return (
    <html lang={f.t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – ${f.t.nr.brand(f.siteName)}`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={assets.css} />
        <link rel="stylesheet" href={assets.adminCss} />
        <script type="module" src={assets.adminJs} defer />
        {scripts.map((src) => (
          <script key={src} type="module" src={src} defer />
        ))}
      </head>
      <body class="staff">
        <a class="skip" href="#main">
          {f.t.skipToContent}
        </a>
        <header class="staff-head">
          <div class="staff-bar">
            <a class="staff-brand" href={urls.admin()}>
              {f.t.nr.brand(f.siteName)}
            </a>
            {f.viewer ? <span class="staff-who">{f.viewer.displayName}</span> : null}
          </div>
          <nav class="staff-nav" aria-label={t.navLabel}>
            <ul>
              {links.map((n) => (
                <li key={n.section}>
                  <a href={n.href} aria-current={current === n.section ? 'page' : undefined}>
                    {n.label(f.t)}
                  </a>
                </li>
              ))}
              <li>
                <a href={urls.home()}>{t.toSite}</a>
              </li>
            </ul>
          </nav>
          {sub.length > 0 ? (
            <nav class="staff-subnav" aria-label={t.navLabel}>
              <ul>
                {sub.map(([key, href, label]) => (
                  <li key={key}>
                    <a href={href} aria-current={section === key ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="staff-main" tabIndex={-1}>
          <h1 class="staff-title">{title}</h1>
          {notice ? (
            <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
              {notice.text}
            </p>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}

export function Pager({
  f,
  page,
  pages,
  href,
}: {
  f: Frame;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={f.t.page}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {f.t.desk.prevPage}
        </a>
      ) : null}
      <span class="pager-pos">{f.t.pageOf(String(page), String(pages))}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {f.t.desk.nextPage}
        </a>
      ) : null}
    </nav>
  );
}
