// A stored receipt's content in canonical form (object keys sorted, whatever the database did to key order:
// PostgreSQL's jsonb sorts them): what makes a replay "the same", and what the tamper-evident chain hashes.
import { createHash } from 'node:crypto';
import { canonicalJson } from 'garde/wire';
import type { StoredRecord } from './types.js';

/** JSON with object keys sorted at every level: one text per value (the wire's, which snapshots use too). */
export { canonicalJson };

/** The receipt as the browser sent it (no receive time, no Origin): what a replay must repeat exactly. */
function receiptFields(record: StoredRecord): unknown[] {
  return [
    record.receiptId,
    record.id,
    record.ts,
    record.version,
    record.categories,
    record.services,
    record.method,
    record.lang,
    record.path,
    record.shown,
    record.layer,
    record.v,
  ];
}

/** Whether `replay` repeats `stored` (same receipt, maybe received again later or from elsewhere). */
export function sameReceipt(stored: StoredRecord, replay: StoredRecord): boolean {
  return canonicalJson(receiptFields(stored)) === canonicalJson(receiptFields(replay));
}

/** The fields a row's content hash covers, maps already as canonical JSON text. */
export interface HashedFields {
  receiptId: string;
  id: string;
  ts: string;
  receivedAt: string;
  version: string;
  categories: string;
  services: string;
  method: string;
  lang: string;
  path: string;
  origin: string | null;
  clockSkew: boolean;
  shown: string | null;
  layer: string | null;
  v: string | null;
}

/** The chain's "previous hash" before its first row. */
export const GENESIS = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256 (hex) of the canonical serialisation of a stored row: the JSON array
 * [receiptId, consentId, ts, receivedAt, version, categories, services, method, lang, path, origin, clockSkew]
 * where categories and services are their canonical JSON text (keys sorted), receivedAt is ISO 8601 UTC with
 * milliseconds, origin is a string or null, clockSkew a boolean; followed by shown, layer and v (each a string
 * or null) when any of the three is not null, so that rows stored before them hash as they did.
 * docs/collector.md documents the same.
 */
export function contentHash(fields: HashedFields): string {
  const { shown, layer, v } = fields;
  const extended = shown !== null || layer !== null || v !== null;
  return sha256(
    JSON.stringify([
      fields.receiptId,
      fields.id,
      fields.ts,
      fields.receivedAt,
      fields.version,
      fields.categories,
      fields.services,
      fields.method,
      fields.lang,
      fields.path,
      fields.origin,
      fields.clockSkew,
      ...(extended ? [shown, layer, v] : []),
    ]),
  );
}

/** SHA-256 (hex) of the previous row's chain hash followed by this row's content hash (both hex text). */
export function chainHash(previous: string, content: string): string {
  return sha256(previous + content);
}

/** A record's hashed fields, maps canonicalised. */
export function hashedFields(record: StoredRecord): HashedFields {
  return {
    receiptId: record.receiptId,
    id: record.id,
    ts: record.ts,
    receivedAt: record.receivedAt,
    version: record.version,
    categories: canonicalJson(record.categories),
    services: canonicalJson(record.services),
    method: record.method,
    lang: record.lang,
    path: record.path,
    origin: record.origin,
    clockSkew: record.clockSkew,
    shown: record.shown,
    layer: record.layer,
    v: record.v,
  };
}
