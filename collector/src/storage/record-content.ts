// A stored receipt's content in canonical form (object keys sorted, whatever the database did to key order:
// PostgreSQL's jsonb sorts them): what makes a replay "the same".
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
