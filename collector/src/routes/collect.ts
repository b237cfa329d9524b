// POST /collect: an analytics hit, anonymised before it is queued for writing.
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Hit } from 'garde/wire';
import { validName } from 'garde/minimise';
import { anonymiseHit } from '../anonymise.js';
import type { Batcher } from '../batcher.js';
import { hitSchema } from '../schemas.js';
import type { StoredHit } from '../storage/types.js';

/** Largest hit body accepted (413 beyond). */
export const HIT_LIMIT = 4096;

function pageHost(request: FastifyRequest): string {
  try {
    if (request.headers.origin) return new URL(request.headers.origin).hostname;
  } catch {
    // A malformed Origin: fall back to the collector's own host.
  }
  return (request.headers.host ?? '').replace(/:\d+$/, '');
}

/** Registers POST /collect; answers 202 once the anonymised hit is committed. */
export function collectRoute(
  app: FastifyInstance,
  hits: Batcher<StoredHit>,
  now: () => Date,
  onRequest: onRequestHookHandler,
): void {
  app.post(
    '/collect',
    { bodyLimit: HIT_LIMIT, schema: { body: hitSchema }, onRequest },
    async (request, reply) => {
      const hit = request.body as Hit;
      if (!validName(hit.name)) {
        return reply
          .code(400)
          .send({ error: 'invalid', message: 'body/name must be a short event name' });
      }
      await hits.add(
        anonymiseHit(hit, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          pageHost: pageHost(request),
          now: now(),
        }),
      );
      return reply.code(202).send();
    },
  );
}
