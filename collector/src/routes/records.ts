// The records for the site owner and the data-protection officer: a page, the whole CSV, one visitor.
import { Readable } from 'node:stream';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { csvHeader, recordLine, type CsvSeparator } from '../csv.js';
import { exportProofs } from '../log/proofs.js';
import type { KnownSnapshots } from '../known-snapshots.js';
import { consentIdParamsSchema, erasureQuerySchema, recordsQuerySchema } from '../schemas.js';
import type { RecordFilter, Storage, StoredRecord } from '../storage/types.js';
import { badDay } from './days.js';
import { pageAsked } from './page-asked.js';
import { shownTo } from './shown-to.js';

type Query = Record<
  'from' | 'to' | 'version' | 'method' | 'id' | 'site' | 'page' | 'pageSize' | 'sep',
  string | undefined
>;

/** Largest page of GET /api/records. */
export const MAX_PAGE_SIZE = 500;

// Empty parameters mean "no filter", so a form can send every field. Consent ids are UUIDs, stored in
// lower case: the search is case-insensitive.
function filterOf(q: Query): RecordFilter {
  const filter: RecordFilter = {};
  for (const key of ['from', 'to', 'version', 'method', 'site'] as const) {
    if (q[key]) filter[key] = q[key];
  }
  if (q.id) filter.id = q.id.toLowerCase();
  return filter;
}

/**
 * Registers GET /api/records, /api/records.csv, /api/records/:consentId, its /export (an access request)
 * and DELETE /api/records/:consentId (an erasure request), all behind `auth`.
 */
export function recordsRoutes(
  app: FastifyInstance,
  storage: Storage,
  auth: onRequestHookHandler,
  now: () => Date,
  snapshots: KnownSnapshots,
): void {
  // The token is checked on request, before the query is validated: no token, 401 whatever else is wrong.
  const schema = { querystring: recordsQuerySchema };

  app.get('/api/records', { schema, onRequest: auth }, async (request, reply) => {
    const q = request.query as Query;
    const { page, pageSize, error } = pageAsked(q, MAX_PAGE_SIZE);
    const refused = badDay(q.from, q.to) ?? error;
    if (refused) return reply.code(400).send({ error: 'invalid', message: refused });
    const { total, records } = await storage.listRecords(filterOf(q), page, pageSize);
    return { total, page, pageSize, records };
  });

  app.get('/api/records.csv', { schema, onRequest: auth }, async (request, reply) => {
    const q = request.query as Query;
    const error = badDay(q.from, q.to);
    if (error) return reply.code(400).send({ error: 'invalid', message: error });
    const separator: CsvSeparator = q.sep === 'semicolon' ? ';' : ',';
    const rows = storage.iterateRecords(filterOf(q));
    const lines = async function* () {
      yield csvHeader(separator);
      try {
        for await (const record of rows) yield recordLine(record, separator);
      } catch (failure) {
        // Headers and part of the file are gone already: the only honest end is a broken response, so the
        // download fails instead of looking complete.
        request.log.error({ err: failure }, 'CSV export failed');
        reply.raw.destroy(failure as Error);
      }
    };
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="garde-consent-records.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });

  app.get(
    '/api/records/:consentId',
    { schema: { params: consentIdParamsSchema }, onRequest: auth },
    async (request) => {
      const id = (request.params as { consentId: string }).consentId.toLowerCase();
      const records: StoredRecord[] = await storage.visitorRecords(id);
      return { id, records };
    },
  );

  // Right of access: every record of one visitor as a JSON file to hand over, with what they were shown
  // (the text of each snapshot the records name, so that the file itself says it) and each record's
  // inclusion proof against the latest signed checkpoint (`garde-collector verify-proof` checks them, and
  // that each text is the one its hash names).
  app.get(
    '/api/records/:consentId/export',
    { schema: { params: consentIdParamsSchema }, onRequest: auth },
    async (request, reply) => {
      const id = (request.params as { consentId: string }).consentId.toLowerCase();
      const records = await storage.visitorRecords(id);
      return reply
        .header('content-disposition', `attachment; filename="garde-consent-${id}.json"`)
        .send({
          id,
          exportedAt: now().toISOString(),
          records,
          snapshots: await shownTo(storage, records),
          log: await exportProofs(storage.log, records),
        });
    },
  );

  // Right to erasure: each record becomes a tombstone that keeps the log verifiable; the erasure itself
  // is recorded (when, how many rows, by whom when the caller says so in `?by=`), never the consent id.
  app.delete(
    '/api/records/:consentId',
    {
      schema: { params: consentIdParamsSchema, querystring: erasureQuerySchema },
      onRequest: auth,
    },
    async (request, reply) => {
      const id = (request.params as { consentId: string }).consentId.toLowerCase();
      const by = (request.query as { by?: string }).by;
      const at = now().toISOString();
      const erased = await storage.eraseVisitor(id, { at, actor: by || 'admin token' });
      if (!erased) {
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'No records are stored for this consent id.' });
      }
      // What the visitor was shown goes with the last receipt that names it (unless the site published it).
      const dropped = await storage.dropOrphanSnapshots(at);
      if (dropped) snapshots.forget();
      request.log.info({ erased, snapshots: dropped }, 'records erased on request');
      return { id, erased, at };
    },
  );
}
