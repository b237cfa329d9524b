// POST /consent: a visitor's decision, stored once per receipt id with the server's receive time. The answer
// says whether the collector has the snapshot the receipt names (`shown`), so that the page can send it.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { Receipt } from 'garde/wire';
import { reducePath, type PathRules } from 'garde/minimise';
import type { Batcher } from '../batcher.js';
import { requestOrigin } from '../cors.js';
import { memoise } from '../memoise.js';
import type { KnownSnapshots } from '../known-snapshots.js';
import { receiptSchema } from '../schemas.js';
import { plainPath } from '../http/plain-path.js';
import { parseIsoTime } from './days.js';
import { CLOCK_SKEW_MS, type InsertOutcome, type StoredRecord } from '../storage/types.js';

/** Largest receipt body accepted (413 beyond). */
export const RECEIPT_LIMIT = 4096;

export interface ConsentRouteOptions {
  records: Batcher<StoredRecord, InsertOutcome>;
  snapshots: KnownSnapshots;
  now: () => Date;
  onRequest: onRequestHookHandler;
  /** The site's own path rules (`--path-redact`, `--path-keep`), applied to the receipt's path. */
  paths?: PathRules;
}

/**
 * Registers POST /consent; answers 202 only after the batch holding the receipt is committed (with
 * `{"snapshot":"known"}` or `{"snapshot":"missing"}` when the receipt names a snapshot), 409 when the
 * receiptId is already stored with other content.
 */
export function consentRoute(
  app: FastifyInstance,
  { records, snapshots, now, onRequest, paths }: ConsentRouteOptions,
): void {
  const options = { bodyLimit: RECEIPT_LIMIT, schema: { body: receiptSchema }, onRequest };
  // A site's pages are a few hundred paths, sent again and again: each is reduced once. Only a path stored
  // as it was sent is kept: one the reduction changed (an e-mail, a token, a query value) is reduced again
  // each time, so that what it held never stays in the collector's memory either.
  const storedPath = memoise(
    (path: string) => plainPath(reducePath(path, [], paths)),
    1000,
    (path, stored) => path === stored,
  );
  const receivedTime = isoTimes();
  app.post('/consent', options, async (request, reply) => {
    // Only the receipt's own fields and the site it came from: no IP, no user agent, no other header.
    const r = request.body as Receipt;
    const decided = parseIsoTime(r.ts);
    if (decided === null) {
      return reply
        .code(400)
        .send({ error: 'invalid', message: 'body/ts must be a real date and time (ISO 8601)' });
    }
    // The server's clock is authoritative; a browser clock far from it is kept as sent, and flagged.
    const receivedAt = now();
    const shown = r.shown ?? null;
    const stored = records.add({
      receiptId: r.receiptId,
      // Consent ids are UUIDs: one case, so a search finds them however they are typed.
      id: r.id.toLowerCase(),
      ts: r.ts,
      receivedAt: receivedTime(receivedAt),
      version: r.version,
      categories: r.categories,
      services: r.services,
      method: r.method,
      lang: r.lang,
      path: storedPath(r.path),
      origin: requestOrigin(request),
      clockSkew: Math.abs(decided - receivedAt.getTime()) > CLOCK_SKEW_MS,
      shown,
      layer: r.layer ?? null,
      v: r.v ?? null,
    });
    const [outcome, known] = shown
      ? await Promise.all([stored, snapshots.has(shown)])
      : [await stored, false];
    if (outcome === 'conflict') {
      // A receiptId already stored with other content: a forgery or a bug. Nothing is written; the line
      // says what happened without any of the receipt's data.
      request.log.warn('receipt refused: its receiptId is stored with different content');
      return reply.code(409).send({
        error: 'conflict',
        message: 'A receipt with this receiptId is already stored with different content.',
      });
    }
    // A resend of a stored receipt (same content) is answered like the first time: idempotent.
    if (!shown) return reply.code(202).send();
    return reply.code(202).send({ snapshot: known ? 'known' : 'missing' });
  });
}

/** Date.toISOString, kept for the last millisecond asked: the requests of one batch share a few. */
function isoTimes(): (date: Date) => string {
  let time = NaN;
  let text = '';
  return (date) => {
    if (date.getTime() !== time) {
      time = date.getTime();
      text = date.toISOString();
    }
    return text;
  };
}
