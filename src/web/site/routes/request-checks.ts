// Small checks on where a request comes from and what answer it wants.
import type { FastifyRequest } from 'fastify';

export const wantsJson = (request: FastifyRequest) =>
  (request.headers.accept ?? '').includes('application/json');

/**
 * A browser's cross-site form post says so: Sec-Fetch-Site, or a foreign Origin or Referer.
 * Requests without any of these (non-browser clients) still need a valid form token.
 */
export function sameOrigin(request: FastifyRequest, siteUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return true;
  if (site === 'cross-site' || site === 'same-site') return false;
  const source = request.headers.origin ?? request.headers.referer;
  if (source === undefined) return true;
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    return false; // "null" and garbage
  }
  return host === request.headers.host || host === new URL(siteUrl).host;
}
