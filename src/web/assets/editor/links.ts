// Which link addresses the editor accepts: the same schemes the sanitizer keeps (http, https, mailto)
// and addresses on this site. Anything else (javascript:, data:, //other-host) is refused here,
// before the server's allow-list would drop it silently.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// "dnevnik.bg/…" typed without a scheme: a host name with a dot, then optionally a path.
const BARE_HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]\S*)?$/u;

/** Is this address one a stored link may have? */
export function isAllowedHref(href: string): boolean {
  const url = href.trim();
  if (url === '' || /\s/.test(url)) return false;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) return ['http', 'https', 'mailto'].includes(scheme);
  // Relative: an absolute path on this site or an anchor; "//host" would leave the site unseen.
  return (url.startsWith('/') && !url.startsWith('//')) || url.startsWith('#');
}

/** The address as it will be stored, or null when it is not acceptable. */
export function normalizeHref(input: string): string | null {
  const url = input.trim();
  if (isAllowedHref(url)) return url;
  if (!SCHEME.test(url) && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(url)) return `mailto:${url}`;
  if (BARE_HOST.test(url)) return `https://${url}`;
  return null;
}
