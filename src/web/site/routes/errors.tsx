// Error pages in the site's look, in the reader's language.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SiteDeps } from '../deps.js';
import { buildFrame, sendPage } from '../respond.js';
import { ErrorPage } from '../views/error.js';

export function sendError(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail?: string,
): FastifyReply {
  const frame = buildFrame(deps, request.url.split('?')[0] ?? '/', request);
  const t = frame.t;
  const [title, text] =
    status === 404
      ? [t.notFoundTitle, detail ?? t.notFoundText]
      : status === 403
        ? [t.forbiddenTitle, detail ?? t.forbidden]
        : status === 429
          ? [t.badRequestTitle, detail ?? t.tooManyRequests]
          : status < 500
            ? [t.badRequestTitle, detail ?? t.badRequestText]
            : [t.errorTitle, t.errorText];
  return sendPage(
    deps,
    request,
    reply,
    <ErrorPage frame={frame} status={status} title={title} text={text} />,
    {
      status,
      cacheable: false,
    },
  );
}
