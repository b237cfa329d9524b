// Who may post receipts and hits from a browser. The browser sends text/plain bodies without credentials
// (no preflight), so CORS headers alone would not stop another site's page from writing here: a request
// whose Origin is not allowed is refused before its body is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Whether a request's Origin may post: listed, or the collector's own origin when no list is given. */
export function originAllowed(request: FastifyRequest, origins: string[]): boolean {
  const origin = request.headers.origin;
  // Without an Origin header it is not a browser's cross-site request (curl, a server, a test).
  if (origin === undefined) return true;
  if (origins.length) return origins.includes(origin);
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Adds the origin check, CORS answer headers and the preflight route to each ingest path. */
export function registerCors(app: FastifyInstance, paths: string[], origins: string[]): void {
  const check = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!originAllowed(request, origins)) {
      return reply.code(403).send({ error: 'origin', message: 'This origin may not send to the collector.' });
    }
    if (request.headers.origin && origins.length) {
      reply.header('access-control-allow-origin', request.headers.origin).header('vary', 'Origin');
    }
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'POST' && paths.includes(request.routeOptions.url ?? '')) return check(request, reply);
  });
  for (const path of paths) {
    // A JSON content type triggers a preflight; answer it so fetch() with application/json works too.
    app.options(path, async (request, reply) => {
      await check(request, reply);
      if (reply.sent) return;
      return reply
        .code(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send();
    });
  }
}
