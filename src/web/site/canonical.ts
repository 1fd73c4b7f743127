// Each reading page answers at one address. The same page asked for in another spelling (percent-
// encoding in lower-case hex, Cyrillic in NFD as some systems send it) is sent to the canonical
// address with 301, so links, caches and search engines agree on a single URL.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A decoded path parameter as slugs are stored: NFC, so "й" sent as "и" + breve still matches. */
export const slugParam = (value: string): string => value.normalize('NFC');

/** The path exactly as the client sent it (still percent-encoded), and the query with its "?". */
function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q === -1 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q) };
}

/**
 * Sends a 301 to the canonical path (keeping the query) when the request named the page any other
 * way; null when the request is already canonical and the page should be rendered.
 */
export function redirectToCanonical(
  request: FastifyRequest,
  reply: FastifyReply,
  canonicalPath: string,
): FastifyReply | null {
  const { path, query } = splitUrl(request.url);
  if (path === canonicalPath) return null;
  return reply.redirect(`${canonicalPath}${query}`, 301);
}
