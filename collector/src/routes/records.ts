// The records for the site owner and the data-protection officer: a page, the whole CSV, one visitor.
import { Readable } from 'node:stream';
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import { CSV_HEADER, recordLine } from '../csv.js';
import { consentIdParamsSchema, recordsQuerySchema } from '../schemas.js';
import type { RecordFilter, Storage } from '../storage/types.js';
import { badDay } from './days.js';

type Query = Record<
  'from' | 'to' | 'version' | 'method' | 'id' | 'page' | 'pageSize',
  string | undefined
>;

/** Largest page of GET /api/records. */
export const MAX_PAGE_SIZE = 500;

// Empty parameters mean "no filter", so a form can send every field.
function filterOf(q: Query): RecordFilter {
  const filter: RecordFilter = {};
  for (const key of ['from', 'to', 'version', 'method', 'id'] as const)
    if (q[key]) filter[key] = q[key];
  return filter;
}

/** Registers GET /api/records, /api/records.csv and /api/records/:consentId behind `auth`. */
export function recordsRoutes(
  app: FastifyInstance,
  storage: Storage,
  auth: preHandlerHookHandler,
): void {
  const schema = { querystring: recordsQuerySchema };

  app.get('/api/records', { schema, preHandler: auth }, async (request, reply) => {
    const q = request.query as Query;
    const error = badDay(q.from, q.to);
    if (error) return reply.code(400).send({ error: 'invalid', message: error });
    const page = Number(q.page || 1);
    const pageSize = Number(q.pageSize || 50);
    if (pageSize > MAX_PAGE_SIZE) {
      return reply
        .code(400)
        .send({ error: 'invalid', message: `pageSize must be at most ${MAX_PAGE_SIZE}` });
    }
    const { total, records } = await storage.listRecords(filterOf(q), page, pageSize);
    return { total, page, pageSize, records };
  });

  app.get('/api/records.csv', { schema, preHandler: auth }, async (request, reply) => {
    const q = request.query as Query;
    const error = badDay(q.from, q.to);
    if (error) return reply.code(400).send({ error: 'invalid', message: error });
    const rows = storage.iterateRecords(filterOf(q));
    async function* lines() {
      yield CSV_HEADER;
      for await (const record of rows) yield recordLine(record);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="garde-consent-records.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });

  app.get(
    '/api/records/:consentId',
    { schema: { params: consentIdParamsSchema }, preHandler: auth },
    async (request) => {
      const { consentId } = request.params as { consentId: string };
      return { id: consentId, records: await storage.visitorRecords(consentId) };
    },
  );
}
