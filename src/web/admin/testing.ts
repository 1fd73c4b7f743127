// For the staff area's tests: accounts with a live session, and requests as a browser sends them.
import type { Role } from '../../accounts/roles.js';
import type { TestSite } from '../testing.js';

export const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 test' };

export interface TestUser {
  id: number;
  email: string;
  cookie: string;
}

let users = 0;

/** A verified account with this role, signed in through the sign-in form: the cookie to send. */
export async function signIn(site: TestSite, role: Role, name: string): Promise<TestUser> {
  users++;
  const email = `${role}${users}@example.bg`;
  const password = 'дълга-парола-123';
  const made = await site.services.accounts.addUser(
    { email, displayName: name, password, role },
    site.clock.now(),
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const form = await get(site, '/profil/vhod');
  const res = await post(site, '/profil/vhod', { _csrf: tokenOf(form.body), email, password, next: '/' });
  const token = /vestnik_session=([^;]+)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1];
  if (res.statusCode !== 303 || !token) throw new Error(`sign-in failed: ${res.statusCode}`);
  return { id: made.userId, email, cookie: `vestnik_session=${token}` };
}

export function get(site: TestSite, url: string, cookie?: string) {
  return site.app.inject({ url, headers: cookie ? { cookie } : {} });
}

/** Repeated fields (ids) as arrays. */
export function post(
  site: TestSite,
  url: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return site.app.inject({
    method: 'POST',
    url,
    headers: { ...FORM, ...(cookie ? { cookie } : {}), ...headers },
    payload: body.toString(),
  });
}

/** A guest comment through the article's own form; returns where the site sent the guest. */
export async function guestComment(
  site: TestSite,
  article: { slug: string; id: number },
  fields: { name: string; body: string; email?: string; parent_id?: string },
) {
  const token = tokenOf((await get(site, `/svyat/${article.slug}`)).body);
  users++;
  return post(site, '/comments', {
    _csrf: token,
    article_id: String(article.id),
    email: fields.email ?? `gost${users}@example.bg`,
    ...fields,
  });
}

/** A signed-in reader's comment; the form token comes from the page as they see it. */
export async function readerComment(
  site: TestSite,
  cookie: string,
  article: { slug: string; id: number },
  body: string,
  extra: Record<string, string> = {},
) {
  const token = tokenOf((await get(site, `/svyat/${article.slug}`, cookie)).body);
  return post(site, '/comments', { _csrf: token, article_id: String(article.id), body, ...extra }, cookie);
}

/** Ids of the comments listed on a desk page, in order. */
export const deskIds = (html: string) =>
  [...html.matchAll(/name="ids" value="(\d+)"/g)].map((m) => Number(m[1]));
