// DELETE /api/analytics?path=: the erasure path of the analytics. Paths are reduced at ingress, but a site
// can still find a personal one among them (a name in a URL); this removes the raw hits, the day counters
// and the daily totals of that path and of every path below it.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { plainPath } from '../http/plain-path.js';
import { analyticsErasureQuerySchema } from '../schemas.js';
import type { Storage } from '../storage/types.js';

/**
 * The forms a path may be stored in: as typed, percent-encoded (as stored before schema 10) and plain (as
 * the collector stores it since), without repeats.
 */
function storedForms(path: string): string[] {
  const url = new URL(path, 'http://collector.invalid');
  const encoded = `${url.pathname}${url.search}`;
  return [...new Set([path, encoded, plainPath(encoded)])];
}

/** Registers DELETE /api/analytics behind `auth`: `{ path, hits, counters, totals, at }`. */
export function analyticsRoutes(
  app: FastifyInstance,
  storage: Storage,
  auth: onRequestHookHandler,
  now: () => Date,
): void {
  app.delete(
    '/api/analytics',
    { schema: { querystring: analyticsErasureQuerySchema }, onRequest: auth },
    async (request) => {
      const { path } = request.query as { path: string };
      const removed = { hits: 0, counters: 0, totals: 0 };
      for (const form of storedForms(path)) {
        const erased = await storage.erasePath(form);
        removed.hits += erased.hits;
        removed.counters += erased.counters;
        removed.totals += erased.totals;
      }
      // The counts only: the path may be the personal data being erased.
      request.log.info({ removed }, 'analytics of a path erased on request');
      return { path, ...removed, at: now().toISOString() };
    },
  );
}
