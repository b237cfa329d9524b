// Bearer-token check of the reading endpoints, in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * A preHandler that lets a request through only with `Authorization: Bearer <token>`. Both sides are
 * hashed first so the comparison takes the same time whatever the length or content of the guess.
 * With no token configured, every reading endpoint answers 503: closed, not open.
 */
export function requireToken(token: string | null) {
  const expected = token ? digest(token) : null;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // Records are personal data: never cached, never sniffed.
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    if (!expected) {
      return reply.code(503).send({
        error: 'closed',
        message:
          'The reading endpoints are closed: start the collector with GARDE_ADMIN_TOKEN set.',
      });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const given = digest(match?.[1] ?? '');
    if (!match || !timingSafeEqual(given, expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({
        error: 'unauthorized',
        message: 'Send "Authorization: Bearer <GARDE_ADMIN_TOKEN>".',
      });
    }
  };
}
