// Who may post receipts and hits from a browser. The browser sends text/plain bodies without credentials
// (no preflight), so CORS headers alone would not stop another site's page from writing here: a request
// whose Origin is not allowed is refused before its body is read.
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { memoise } from './memoise.js';

/**
 * Whether a request's Origin may post: listed, or the collector's own origin when no list is given. With a
 * list, a request without Origin is refused too: every browser sends Origin on a POST, so its absence means
 * a script (curl, a server) that is not the site.
 */
export function originAllowed(request: FastifyRequest, origins: string[]): boolean {
  const origin = request.headers.origin;
  // Without a list, no Origin is not a browser's cross-site request (curl, a server, a test): allowed.
  if (origin === undefined) return origins.length === 0;
  if (origins.length) return origins.includes(origin);
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The request's Origin as scheme://host[:port] (what is stored with a receipt), or null. */
export function requestOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  return origin === undefined ? null : originOf(origin);
}

// A collector hears from a handful of sites: their Origin is parsed once, not per request.
const originOf = memoise((origin: string): string | null => {
  try {
    const parsed = new URL(origin).origin;
    return parsed === 'null' ? null : parsed;
  } catch {
    return null;
  }
}, 100);

/**
 * The origin check and CORS answer headers, as an onRequest hook for the ingest routes, plus the
 * preflight route of each ingest path.
 */
export function registerCors(
  app: FastifyInstance,
  paths: string[],
  origins: string[],
): onRequestHookHandler {
  const check = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (!originAllowed(request, origins)) {
      reply
        .code(403)
        .send({ error: 'origin', message: 'This origin may not send to the collector.' });
      return false;
    }
    if (request.headers.origin && origins.length) {
      reply.header('access-control-allow-origin', request.headers.origin).header('vary', 'Origin');
    }
    return true;
  };
  for (const path of paths) {
    // A JSON content type triggers a preflight; answer it so fetch() with application/json works too.
    app.options(path, (request, reply) => {
      if (!check(request, reply)) return;
      reply
        .code(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send();
    });
  }
  // Callback style: no promise per request on the hot path.
  return (request, reply, done) => {
    if (check(request, reply)) done();
  };
}
