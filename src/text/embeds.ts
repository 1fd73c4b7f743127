// Embedded posts from YouTube and X: recognised from the address an editor pastes, stored as a plain
// link inside <figure class="embed" data-embed=… data-embed-id=…>, and turned into the provider's
// frame only when a reader asks for it. Pure, so the server, the editor and the site script share it
// (the browser bundles import this file, so it must not pull in the sanitizer or anything heavy).

export type EmbedProvider = 'youtube' | 'x';

export interface Embed {
  provider: EmbedProvider;
  id: string;
}

/**
 * What an id looks like at each provider. The sanitizer drops an embed's data when its id does not
 * fit, leaving the plain link, so nothing else ever reaches a frame address.
 */
export const EMBED_IDS: Record<string, RegExp> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  x: /^\d{1,20}$/,
};

/** Brand names: the same in every language. */
export const EMBED_PROVIDER_NAMES: Record<EmbedProvider, string> = { youtube: 'YouTube', x: 'X' };

const YOUTUBE_HOSTS = new Set(['youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com']);
const X_HOSTS = new Set(['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com']);
// /<user>/status/<id>, and the user-less forms X itself links to (/i/status/…, /i/web/status/…).
const X_STATUS = /^\/(?:[A-Za-z0-9_]{1,15}|i|i\/web)\/status(?:es)?\/(\d+)(?:\/|$)/;
const YOUTUBE_PATH = /^\/(?:shorts|embed|live|v)\/([^/]+)\/?$/;

/** An embed from stored attributes, or null when the provider is unknown or the id does not fit it. */
export function embedFrom(provider: string, id: string): Embed | null {
  if (provider !== 'youtube' && provider !== 'x') return null;
  return EMBED_IDS[provider]?.test(id) ? { provider, id } : null;
}

function parseUrl(input: string): URL | null {
  const text = input.trim();
  // Addresses copied without their scheme ("youtu.be/…") are common; anything else with a scheme must be web.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Recognises a YouTube video or an X post from any of the addresses people paste. */
export function parseEmbedUrl(input: string): Embed | null {
  const url = parseUrl(input);
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host === 'youtu.be') return embedFrom('youtube', url.pathname.slice(1).replace(/\/$/, ''));
  if (YOUTUBE_HOSTS.has(host)) {
    if (url.pathname === '/watch') return embedFrom('youtube', url.searchParams.get('v') ?? '');
    const match = YOUTUBE_PATH.exec(url.pathname);
    return match ? embedFrom('youtube', match[1]!) : null;
  }
  if (X_HOSTS.has(host)) {
    const match = X_STATUS.exec(url.pathname);
    return match ? embedFrom('x', match[1]!) : null;
  }
  return null;
}

/** The provider's own page for the embed: what readers without JavaScript follow. */
export function embedUrl(e: Embed): string {
  return e.provider === 'youtube'
    ? `https://www.youtube.com/watch?v=${e.id}`
    : `https://x.com/i/status/${e.id}`;
}

/** The frame loaded after a reader's click: YouTube's cookie-less player, X's do-not-track widget. */
export function embedFrameUrl(e: Embed): string {
  return e.provider === 'youtube'
    ? `https://www.youtube-nocookie.com/embed/${e.id}?autoplay=1`
    : `https://platform.twitter.com/embed/Tweet.html?id=${e.id}&dnt=true`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** The canonical stored form; the link text is the title when given, else the address itself. */
export function embedHtml(e: Embed, title?: string): string {
  const href = embedUrl(e);
  const text = title?.trim() || href;
  return (
    `<figure class="embed" data-embed="${e.provider}" data-embed-id="${escapeHtml(e.id)}">` +
    `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a></figure>`
  );
}
