// What makes two receipts "the same": the fields the browser sent, compared in a canonical form (object keys
// sorted), so a replay is recognised whatever the database did to key order (PostgreSQL's jsonb sorts them).
import type { StoredRecord } from './types.js';

/** JSON with object keys sorted at every level: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
  }
  return value;
}

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
  ];
}

/** Whether `replay` repeats `stored` (same receipt, maybe received again later or from elsewhere). */
export function sameReceipt(stored: StoredRecord, replay: StoredRecord): boolean {
  return canonicalJson(receiptFields(stored)) === canonicalJson(receiptFields(replay));
}
