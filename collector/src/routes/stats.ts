// GET /api/stats: decisions and acceptance per day, and the pageview summary, for the admin page; of one
// site with `?site=`. GET /api/sites: the sites seen, for the admin page's site selector.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { statsQuerySchema } from '../schemas.js';
import type { Storage } from '../storage/types.js';
import { badDay, dayOf } from './days.js';

/** Days covered when the page gives no range: the last 30, today included. */
export const DEFAULT_DAYS = 30;

/** Registers GET /api/stats behind `auth`. */
export function statsRoute(
  app: FastifyInstance,
  storage: Storage,
  auth: onRequestHookHandler,
  now: () => Date,
): void {
  app.get(
    '/api/stats',
    { schema: { querystring: statsQuerySchema }, onRequest: auth },
    async (request, reply) => {
      const q = request.query as { from?: string; to?: string; site?: string };
      const error = badDay(q.from, q.to);
      if (error) return reply.code(400).send({ error: 'invalid', message: error });
      const to = q.to || dayOf(now());
      const from =
        q.from || dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000));
      if (from > to) return reply.code(400).send({ error: 'invalid', message: 'from is after to' });
      const [stats, log] = await Promise.all([
        storage.stats(from, to, q.site || undefined),
        storage.log.head(),
      ]);
      return { ...stats, log };
    },
  );
  app.get('/api/sites', { onRequest: auth }, async () => ({ sites: await storage.sites() }));
}
