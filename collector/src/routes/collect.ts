// POST /collect: an analytics hit, reduced before anything is written. After analytics consent it is
// queued as an anonymised row; before, it only adds one to a day-level counter.
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Hit } from 'garde/wire';
import { validName, type PathRules } from 'garde/minimise';
import { anonymiseHit, countedHit } from '../anonymise.js';
import type { Batcher } from '../batcher.js';
import { requestOrigin } from '../cors.js';
import { fitPathKey } from '../http/path-key.js';
import { plainPath } from '../http/plain-path.js';
import { hitSchema } from '../schemas.js';
import type { CountedHit } from '../storage/counters.js';
import type { StoredHit } from '../storage/types.js';

/** Largest hit body accepted (413 beyond). */
export const HIT_LIMIT = 4096;

export interface CollectRouteOptions {
  /** Hits sent with analytics consent, stored as rows. */
  hits: Batcher<StoredHit>;
  /** Hits sent without it, added to counters. */
  counts: Batcher<CountedHit>;
  now: () => Date;
  onRequest: onRequestHookHandler;
  /** Query parameters kept in a hit's path; all others are dropped. */
  queryAllowlist: readonly string[];
  /** The site's own path rules (`--path-redact`, `--path-keep`). */
  paths?: PathRules;
}

function pageHost(request: FastifyRequest): string {
  try {
    if (request.headers.origin) return new URL(request.headers.origin).hostname;
  } catch {
    // A malformed Origin: fall back to the collector's own host.
  }
  return (request.headers.host ?? '').replace(/:\d+$/, '');
}

/** Registers POST /collect; answers 202 once the hit's row or counter is committed. */
export function collectRoute(app: FastifyInstance, options: CollectRouteOptions): void {
  const { hits, counts, now, onRequest, queryAllowlist, paths } = options;
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
      const context = {
        userAgent: request.headers['user-agent'],
        pageHost: pageHost(request),
        site: requestOrigin(request) ?? '',
        now: now(),
        queryAllowlist,
        paths,
      };
      // Before consent the client address is not read at all: a counter has no place for it.
      // The path is a key of the counters and of the daily totals: cut to a size every index takes.
      if (hit.consent) {
        const stored = anonymiseHit(hit, { ...context, ip: request.ip });
        await hits.add({ ...stored, path: fitPathKey(plainPath(stored.path)) });
      } else {
        const counted = countedHit(hit, context);
        await counts.add({ ...counted, path: fitPathKey(plainPath(counted.path)) });
      }
      return reply.code(202).send();
    },
  );
}
