// Verification of the tamper-evident chain: the same walk over SQLite and PostgreSQL rows.
import { GENESIS, chainHash, contentHash, hashedFields } from './record-content.js';
import type { ChainHead, ChainRow } from './types.js';

/** The chain is intact, or the first row where it breaks and why. */
export type ChainVerdict =
  | { ok: true; length: number; head: string }
  | { ok: false; seq: number; receiptId: string | null; reason: string };

/**
 * Walks the rows in sequence order: sequence numbers 1, 2, 3… without gap, each stored content hash equal
 * to the hash of the row's content (rows not erased; a tombstone keeps its hash), each chain hash equal to
 * SHA-256(previous chain hash + content hash), and the last row equal to the recorded head. Tombstones
 * must be named erased-<seq> and no more numerous than the erasures on record (`erasedOnRecord` rows).
 */
export async function verifyChain(
  rows: AsyncIterable<ChainRow>,
  head: ChainHead,
  erasedOnRecord = Infinity,
): Promise<ChainVerdict> {
  let previous = GENESIS;
  let expected = 1;
  let tombstones = 0;
  for await (const row of rows) {
    const broken = (reason: string): ChainVerdict => ({
      ok: false,
      seq: row.seq,
      receiptId: row.receiptId,
      reason,
    });
    if (row.seq !== expected) {
      return { ok: false, seq: expected, receiptId: null, reason: `row ${expected} is missing` };
    }
    if (row.record && contentHash(hashedFields(row.record)) !== row.contentHash) {
      return broken('its content does not match its content hash');
    }
    // A tombstone skips the content check, so marking a row erased must not be a way to hide an edit.
    if (!row.record && (row.receiptId !== `erased-${row.seq}` || ++tombstones > erasedOnRecord)) {
      return broken('it is erased, but no recorded erasure accounts for it');
    }
    if (chainHash(previous, row.contentHash) !== row.chainHash) {
      return broken('its chain hash does not follow from the previous row');
    }
    previous = row.chainHash;
    expected++;
  }
  const length = expected - 1;
  if (head.length !== length || head.head !== previous) {
    return {
      ok: false,
      seq: length + 1,
      receiptId: null,
      reason: `the recorded head (${head.length} rows) does not match the rows (${length})`,
    };
  }
  return { ok: true, length, head: previous };
}
