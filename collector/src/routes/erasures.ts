// The erasures for the data-protection officer: each erasure request and each retention run, with the
// retention period in force, so that the admin page can show both were honoured without the CLI.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { pageQuerySchema } from '../schemas.js';
import type { Storage } from '../storage/types.js';
import { pageAsked, type PageQuery } from './page-asked.js';

/** Largest page of GET /api/erasures. */
export const MAX_ERASURES_PAGE_SIZE = 500;

/** The retention periods in force, in days (the collector's --retention-*-days options). */
export interface RetentionPeriods {
  recordsDays: number;
  hitsDays: number;
  totalsDays: number;
}

/**
 * Registers GET /api/erasures behind `auth`: a page of the erasures, newest first (when, why, how many
 * rows, by whom; never a consent id), and the retention periods.
 */
export function erasuresRoute(
  app: FastifyInstance,
  storage: Storage,
  auth: onRequestHookHandler,
  retention: RetentionPeriods,
): void {
  app.get(
    '/api/erasures',
    { schema: { querystring: pageQuerySchema }, onRequest: auth },
    async (request, reply) => {
      const { page, pageSize, error } = pageAsked(
        request.query as PageQuery,
        MAX_ERASURES_PAGE_SIZE,
      );
      if (error) return reply.code(400).send({ error: 'invalid', message: error });
      const { total, erasures } = await storage.listErasures(page, pageSize);
      return { total, page, pageSize, retention, erasures };
    },
  );
}
