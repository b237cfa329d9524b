// POST /consent: a visitor's decision, stored once per receipt id with the server's receive time.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { Receipt } from 'garde/wire';
import { reducePath } from 'garde/minimise';
import type { Batcher } from '../batcher.js';
import { receiptSchema } from '../schemas.js';
import type { StoredRecord } from '../storage/types.js';

/** Largest receipt body accepted (413 beyond). */
export const RECEIPT_LIMIT = 4096;

/** Registers POST /consent; answers 202 only after the batch holding the receipt is committed. */
export function consentRoute(
  app: FastifyInstance,
  records: Batcher<StoredRecord>,
  now: () => Date,
  onRequest: onRequestHookHandler,
): void {
  const options = { bodyLimit: RECEIPT_LIMIT, schema: { body: receiptSchema }, onRequest };
  app.post('/consent', options, async (request, reply) => {
    // Only the receipt's own fields are kept: no IP, no user agent, nothing from the headers.
    const r = request.body as Receipt;
    await records.add({
      receiptId: r.receiptId,
      id: r.id,
      ts: r.ts,
      receivedAt: now().toISOString(),
      version: r.version,
      categories: r.categories,
      services: r.services,
      method: r.method,
      lang: r.lang,
      path: reducePath(r.path),
    });
    return reply.code(202).send();
  });
}
