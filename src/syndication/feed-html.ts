// Article bodies as feeds carry them. A feed reader shows the body away from the site, where
// "/media/2026/11/…/960.jpg" or "/svyat/…" lead nowhere: every address in it is made absolute.
// The stored body is already sanitized (text/sanitize.ts): "<" and ">" in text and attribute
// values are escaped, attributes are double-quoted, and only these few carry addresses.

const START_TAG = /<[a-z][a-z0-9]*\s[^>]*>/gi;
const URL_ATTRIBUTES = /(\s(?:href|src|cite|srcset))="([^"]*)"/g;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** One address resolved against the article's own absolute URL. */
export function absoluteUrl(value: string, base: URL): string {
  const v = value.trim();
  if (v === '' || HAS_SCHEME.test(v)) return value;
  if (v.startsWith('//')) return `${base.protocol}${v}`;
  if (v.startsWith('/')) return `${base.origin}${v}`;
  if (v.startsWith('#')) return `${base.origin}${base.pathname}${v}`;
  // Relative to the article's folder; the value keeps its HTML escapes (&amp;), which URL leaves alone.
  return new URL(v, base).href;
}

/** "a.jpg 480w, b.jpg 960w": each candidate's address resolved, its descriptor kept. */
function absoluteSrcset(value: string, base: URL): string {
  return value
    .split(',')
    .map((candidate) => {
      const [address = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [absoluteUrl(address, base), ...descriptor].join(' ');
    })
    .join(', ');
}

/** The body with every link, image and quotation source pointing at the full address. */
export function absoluteBody(html: string, articleUrl: string): string {
  const base = new URL(articleUrl);
  // Only inside tags: a paragraph may well quote href="/…" as text.
  return html.replace(START_TAG, (tag) =>
    tag.replace(URL_ATTRIBUTES, (_all, name: string, value: string) => {
      const resolved = name.endsWith('srcset') ? absoluteSrcset(value, base) : absoluteUrl(value, base);
      return `${name}="${resolved}"`;
    }),
  );
}
