// The proofs an export gives: each record's inclusion proof against the latest signed checkpoint, so that
// the visitor, the DPO or an authority can check it without the database (verifyRecordProof in garde/wire),
// and the proof of the last leaf of each snapshot the records name (verifySnapshotProof).
import type { ExportedSnapshotProof } from 'garde/wire';
import type { StoredRecord } from '../storage/types.js';
import { inclusionPlan, prove } from './tree.js';
import type { LogStore } from './types.js';

/** One record's place in the checkpoint's tree. */
export interface ExportedProof {
  receiptId: string;
  leafIndex: number;
  /** Part of the record's leaf; erased with the record. */
  salt: string;
  /** The audit path, hex, from the leaf up. */
  path: string[];
}

/** The log part of an export: the checkpoint and the proofs of the records it holds. */
export interface ExportedLog {
  /** The signed checkpoint text, or null before the first one. */
  checkpoint: string | null;
  treeSize: number;
  root: string | null;
  proofs: ExportedProof[];
  /** Receipts not yet in a checkpoint (stored within the last second or so). */
  pending: string[];
  /**
   * The snapshots the records name (`shown`) whose last leaf is in the checkpoint: what the archive
   * logged of each (stored, published) with its proof.
   */
  snapshots: ExportedSnapshotProof[];
}

export async function exportProofs(log: LogStore, records: StoredRecord[]): Promise<ExportedLog> {
  const checkpoint = await log.latestCheckpoint();
  const leaves = await log.recordLeaves(records.map((record) => record.receiptId));
  const proofs: ExportedProof[] = [];
  const pending: string[] = [];
  for (const record of records) {
    const leaf = leaves.get(record.receiptId);
    if (!checkpoint || !leaf || leaf.leafIndex >= checkpoint.size) {
      pending.push(record.receiptId);
      continue;
    }
    const path = await prove(inclusionPlan(leaf.leafIndex, checkpoint.size), log.readHashes);
    proofs.push({ receiptId: record.receiptId, leafIndex: leaf.leafIndex, salt: leaf.salt, path });
  }
  return {
    checkpoint: checkpoint?.text ?? null,
    treeSize: checkpoint?.size ?? 0,
    root: checkpoint?.root ?? null,
    proofs,
    pending,
    snapshots: checkpoint ? await snapshotProofs(log, records, checkpoint.size) : [],
  };
}

async function snapshotProofs(
  log: LogStore,
  records: StoredRecord[],
  size: number,
): Promise<ExportedSnapshotProof[]> {
  const shown = [...new Set(records.map((record) => record.shown).filter((hash) => hash !== null))];
  const leaves = await log.snapshotLeaves(shown);
  const proofs: ExportedSnapshotProof[] = [];
  for (const [hash, { leafIndex, leaf }] of leaves) {
    if (leafIndex >= size) continue;
    const [, , storedAt, publishedAt] = JSON.parse(leaf) as [string, string, string, string | null];
    const path = await prove(inclusionPlan(leafIndex, size), log.readHashes);
    proofs.push({ hash, storedAt, publishedAt, leafIndex, path });
  }
  return proofs;
}
